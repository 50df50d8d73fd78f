/**
 * The prepaint's boot script: index.html runs it right after the prepainted page (a classic script, before the
 * first paint). The build serialises this one function with `toString()`, so it must use nothing but its
 * argument and the language: no imports, no helpers from outside its body (the storage keys are spelt out
 * here; boot.test.ts holds them to the app's constants).
 *
 * It shows a prepainted page only when it is exactly the page the app will open:
 * - a first visit (no link in the address, no query, nothing of the playground's in storage): the starter,
 *   which index.html holds;
 * - a return visit (no link, no query): the snapshot the app stored of its autosaved work (snapshot.ts), when
 *   the snapshot was rendered for the very text the app will open (this tab's own entry in the recent list,
 *   else the latest autosave, as src/ui/recent-work.ts's readStartAutosave picks it), for the stored
 *   presenter preference, and by this build (other components or style sheets would draw it differently).
 * Otherwise (an embed, a lesson, a link, a stale or missing snapshot, any error) it removes the markup and the
 * page starts blank, as it did before. To show it, it fits the canvas to the visitor's canvas exactly as the
 * app's opening viewport does (src/canvas/fit-view.ts: React Flow's getViewportForBounds, start-aligned on an
 * axis that overflows), so nothing moves when React takes over.
 */

/** How to fit a prepainted canvas (`data-prepaint-frame` on #root, or a snapshot's `frame`); no bounds: no cards. */
export interface PrepaintFrame {
  bounds: { x: number; y: number; width: number; height: number } | null;
  padding: { top: number; right: number; bottom: number; left: number };
  minZoom: number;
  maxZoom: number;
}

/** Fits and reveals the prepainted page the app will open, or removes it unpainted. */
export function prepaintBoot(win: Window): void {
  const root = win.document.getElementById('root');
  if (root?.getAttribute('data-prepaint') !== '') return;
  const remove = () => {
    root.replaceChildren();
    root.removeAttribute('data-prepaint');
  };
  try {
    const local = win.localStorage;
    const session = win.sessionStorage;
    const holdsPlaygroundKeys = (storage: Storage) => {
      for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith('scale-playground:')) return true;
      return false;
    };
    if (win.location.hash || win.location.search) {
      remove();
      return;
    }
    let frame = JSON.parse(root.getAttribute('data-prepaint-frame') ?? 'null') as PrepaintFrame | null;
    if (holdsPlaygroundKeys(local) || holdsPlaygroundKeys(session)) {
      // The text the app will open (src/ui/recent-work.ts readStartAutosave): this tab's own entry among the
      // first five well-formed ones of the recent list, else the latest autosave.
      // An empty id is none: the app starts a new one then (tabWorkId).
      const workId = session.getItem('scale-playground:work-id') || null;
      const recent: unknown = JSON.parse(local.getItem('scale-playground:recent:v1') ?? '[]');
      const entries = (Array.isArray(recent) ? recent : [])
        .filter((e) => typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.name === 'string' && typeof e.savedAt === 'number' && typeof e.scenario === 'string')
        .slice(0, 5) as { id: string; scenario: string }[];
      const text = entries.find((e) => e.id === workId)?.scenario ?? local.getItem('scale-playground:autosave:v1');
      const snapshot = JSON.parse(local.getItem('scale-playground:prepaint:v1') ?? 'null') as {
        scenario?: unknown;
        presenter?: unknown;
        build?: unknown;
        html?: unknown;
        frame?: PrepaintFrame;
      } | null;
      const build = root.getAttribute('data-prepaint-build');
      const presenter = local.getItem('scale-playground:presenter') === 'on';
      if (
        text === null ||
        typeof snapshot?.html !== 'string' ||
        snapshot.scenario !== text ||
        snapshot.presenter !== presenter ||
        !build ||
        snapshot.build !== build ||
        !snapshot.frame
      ) {
        remove();
        return;
      }
      root.innerHTML = snapshot.html;
      frame = snapshot.frame;
    }
    const canvas = root.querySelector('.canvas__flow');
    const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
    if (!frame || !canvas || !viewport) {
      remove();
      return;
    }
    // Shown from here on (the style sheet hides #root until then); reading the canvas's box lays it out.
    root.setAttribute('data-prepaint', 'shown');
    const { width, height } = canvas.getBoundingClientRect();
    let x = 0;
    let y = 0;
    let zoom = 1;
    const { bounds, padding } = frame;
    if (bounds && width > 0 && height > 0) {
      // React Flow's getViewportForBounds with pixel paddings: centre, clamp the zoom, then push in any side short of its padding.
      zoom = Math.min(Math.max(Math.min((width - padding.left - padding.right) / bounds.width, (height - padding.top - padding.bottom) / bounds.height), frame.minZoom), frame.maxZoom);
      x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
      y = height / 2 - (bounds.y + bounds.height / 2) * zoom;
      const left = Math.min(Math.floor(bounds.x * zoom + x) - padding.left, 0);
      const top = Math.min(Math.floor(bounds.y * zoom + y) - padding.top, 0);
      const right = Math.min(Math.floor(width - ((bounds.x + bounds.width) * zoom + x)) - padding.right, 0);
      const bottom = Math.min(Math.floor(height - ((bounds.y + bounds.height) * zoom + y)) - padding.bottom, 0);
      x = x - left + right;
      y = y - top + bottom;
      // Wider (taller) than the canvas even at the smallest zoom: the left-most (top-most) cards show whole at their
      // padding rather than both ends cut, as fit-view.ts's viewportForBounds does.
      if (bounds.width * zoom > width - padding.left - padding.right) x = padding.left - bounds.x * zoom;
      if (bounds.height * zoom > height - padding.top - padding.bottom) y = padding.top - bounds.y * zoom;
    }
    viewport.style.transform = `translate(${x}px,${y}px) scale(${zoom})`;
    win.performance.mark('app:prepaint-shown');
  } catch {
    // Storage the page may not read, a damaged snapshot: the page starts blank, as before the prepaint.
    remove();
  }
}
