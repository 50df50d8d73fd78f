/**
 * Keeps the prepaint snapshot (snapshot.ts) in step with the user's autosaved work: once the page is idle after
 * its first paint, a while after the last edit (the autosave has been written by then) or a presenter switch,
 * and when the tab is hidden, it asks the snapshot worker to render the page a reload would open and stores it.
 * A snapshot already true for the current text is left alone; one that turns stale while rendering is not stored.
 */
import { readStartAutosave } from '../ui/recent-work';
import { readPresenterPreference } from '../ui/use-presenter-mode';
import { whenIdleAfterFirstPaint } from '../ui/use-after-first-paint';
import type { PrepaintPage } from './render-page';
import { readSnapshot, writeSnapshot } from './snapshot';
import type { SnapshotReply, SnapshotRequest } from './snapshot-protocol';

/** Renders the page for an autosaved text; null when there is nothing to prepaint. */
export type RenderSnapshot = (scenario: string, presenter: boolean) => Promise<PrepaintPage | null>;

interface SnapshotSource {
  subscribe(listener: (state: { scenario: unknown; presenter: boolean }, previous: { scenario: unknown; presenter: boolean }) => void): () => void;
}

export interface KeepSnapshotOptions {
  /** The page's store: edits and presenter switches schedule a new snapshot. */
  store: SnapshotSource;
  local: Storage;
  /** This tab's work id (a reload opens its own entry). */
  workId(): string;
  /** This build's id (`data-prepaint-build`). */
  build: string;
  render: RenderSnapshot;
  page: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  /** After the last edit; well past the autosave's own delay (autosave.ts). */
  delayMs?: number;
  /** When to take the first snapshot (by default once the page is idle after its first paint). */
  whenIdle?: (then: () => void) => () => void;
}

/** Starts keeping the snapshot; returns a stop function. */
export function keepPrepaintSnapshot(options: KeepSnapshotOptions): () => void {
  const { store, local, build, render, page, delayMs = 2000, whenIdle = whenIdleAfterFirstPaint } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let rendering = false;
  let again = false;
  let stopped = false;
  const wanted = () => ({ scenario: readStartAutosave(local, options.workId()), presenter: readPresenterPreference(local) });
  const refresh = async () => {
    if (stopped) return;
    if (rendering) {
      again = true;
      return;
    }
    const { scenario, presenter } = wanted();
    if (scenario === null) return;
    const kept = readSnapshot(local);
    if (kept && kept.scenario === scenario && kept.presenter === presenter && kept.build === build) return;
    rendering = true;
    try {
      const rendered = await render(scenario, presenter);
      const now = wanted();
      // Stored only while still true: an edit or another tab's save during the render makes it stale.
      if (rendered && !stopped && now.scenario === scenario && now.presenter === presenter) writeSnapshot(local, { scenario, presenter, build, ...rendered });
    } catch {
      // No snapshot this time: a reload starts blank and paints the live page, as without one.
    } finally {
      rendering = false;
    }
    if (again) {
      again = false;
      await refresh();
    }
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, delayMs);
  };
  const cancelIdle = whenIdle(() => void refresh());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario || state.presenter !== previous.presenter) schedule();
  });
  const onVisibility = () => {
    if (page.visibilityState !== 'hidden' || timer === null) return;
    clearTimeout(timer);
    timer = null;
    void refresh();
  };
  page.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopped = true;
    cancelIdle();
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    page.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Idle this long, the snapshot worker is ended: its copy of the app costs memory. */
const WORKER_IDLE_MS = 30_000;

/** Renders snapshots in a worker of `create`'s, started when first needed and ended when idle. */
export function workerRenderer(create: () => Worker): RenderSnapshot {
  let worker: Worker | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let next = 0;
  const end = () => {
    worker?.terminate();
    worker = null;
  };
  return (scenario, presenter) =>
    new Promise((resolve) => {
      if (idle !== null) clearTimeout(idle);
      const w = worker ?? (worker = create());
      const id = ++next;
      const done = (page: PrepaintPage | null) => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        idle = setTimeout(end, WORKER_IDLE_MS);
        resolve(page);
      };
      const onMessage = (event: MessageEvent<SnapshotReply>) => {
        if (event.data.id === id) done(event.data.page);
      };
      const onError = () => {
        end();
        done(null);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.postMessage({ id, scenario, presenter } satisfies SnapshotRequest);
    });
}
