/** How the page learns that one of its workers stopped, shared by the live and the background workers. */

/** Why a worker stopped: its error event's message, and what to do about it. */
export class WorkerFailedError extends Error {}

/**
 * A promise that rejects when `worker` reports an error (a script that failed
 * to load, or a crash), with a message naming `who` and saying what to do.
 */
export function failureOf(worker: Worker, who: string, advice: string): Promise<never> {
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      // An error the service did not catch leaves it in an unknown state: stop it, so no stale answer arrives after a fresh worker starts.
      worker.terminate();
      const detail = event.message ? ` (${event.message})` : '';
      reject(new WorkerFailedError(`${who} stopped${detail}. ${advice}`));
    });
  });
  // Nobody may be waiting when it fails: keep that from surfacing as an unhandled rejection.
  failed.catch(() => undefined);
  return failed;
}
