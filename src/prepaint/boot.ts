/**
 * The prepaint's boot script: index.html runs it right after the prepainted page (a classic script, before the
 * first paint). The build serialises this one function with `toString()`, so it must use nothing but its
 * argument and the language: no imports, no helpers from outside its body.
 *
 * It shows the prepainted starter only when the app will open the starter too: no link in the address, no
 * query (an embed, a lesson) and nothing of the playground's in storage (an autosave, a preference). Otherwise
 * it removes the markup and the page starts blank, as it did before. To show it, it fits the canvas to the
 * visitor's canvas exactly as the app's opening viewport does (src/canvas/fit-view.ts, React Flow's
 * getViewportForBounds), so nothing moves when React takes over.
 */

/** What the build writes beside the prepainted page (`data-prepaint-frame` on #root). */
export interface PrepaintFrame {
  bounds: { x: number; y: number; width: number; height: number };
  padding: { top: number; right: number; bottom: number; left: number };
  minZoom: number;
  maxZoom: number;
}

/** Fits and reveals the prepainted starter, or removes it when the app will open something else. */
export function prepaintBoot(win: Window): void {
  const root = win.document.getElementById('root');
  if (root?.getAttribute('data-prepaint') !== '') return;
  const holdsPlaygroundKeys = (kind: 'localStorage' | 'sessionStorage') => {
    try {
      const storage = win[kind];
      for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith('scale-playground:')) return true;
    } catch {
      // Storage the page may not read: the app opens the starter then too.
    }
    return false;
  };
  const frame = JSON.parse(root.getAttribute('data-prepaint-frame') ?? 'null') as PrepaintFrame | null;
  const canvas = root.querySelector('.canvas');
  const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
  if (win.location.hash || win.location.search || holdsPlaygroundKeys('localStorage') || holdsPlaygroundKeys('sessionStorage') || !frame || !canvas || !viewport) {
    root.replaceChildren();
    root.removeAttribute('data-prepaint');
    return;
  }
  // Shown from here on (the style sheet hides #root until then); reading the canvas's box lays it out.
  root.setAttribute('data-prepaint', 'shown');
  win.performance.mark('app:prepaint-shown');
  const { width, height } = canvas.getBoundingClientRect();
  let x = 0;
  let y = 0;
  let zoom = 1;
  if (width > 0 && height > 0) {
    // React Flow's getViewportForBounds with pixel paddings: centre, clamp the zoom, then push in any side short of its padding.
    const { bounds, padding } = frame;
    zoom = Math.min(Math.max(Math.min((width - padding.left - padding.right) / bounds.width, (height - padding.top - padding.bottom) / bounds.height), frame.minZoom), frame.maxZoom);
    x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
    y = height / 2 - (bounds.y + bounds.height / 2) * zoom;
    const left = Math.min(Math.floor(bounds.x * zoom + x) - padding.left, 0);
    const top = Math.min(Math.floor(bounds.y * zoom + y) - padding.top, 0);
    const right = Math.min(Math.floor(width - ((bounds.x + bounds.width) * zoom + x)) - padding.right, 0);
    const bottom = Math.min(Math.floor(height - ((bounds.y + bounds.height) * zoom + y)) - padding.bottom, 0);
    x = x - left + right;
    y = y - top + bottom;
  }
  viewport.style.transform = `translate(${x}px,${y}px) scale(${zoom})`;
}
