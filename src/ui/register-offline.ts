/**
 * Registers the service worker that keeps the playground working offline
 * (vite.config.ts, docs/hosting.md). Called once the first frame is on
 * screen and the page is idle: the worker's install fetches every built
 * file, which on a first visit would otherwise compete with the canvas's
 * first paint. Builds only; the dev server has no worker.
 */
export function registerOfflineWorker(navigatorLike: Pick<Navigator, 'serviceWorker'> | undefined, base: string): void {
  if (!navigatorLike || !('serviceWorker' in navigatorLike)) return;
  navigatorLike.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    // No worker (a private window, storage refused): the page works as before, only not offline.
  });
}
