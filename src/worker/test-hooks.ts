/**
 * Lets the e2e specs make the simulation worker fail the two ways a real one
 * can without an error event: close itself, or hang in a loop. Armed only
 * when the page names the worker `simulation+test-hooks`, which only an e2e
 * init script does (it wraps `window.Worker`, see e2e/pages/worker-faults.ts);
 * the app itself never does, so a production page exposes nothing new.
 */

/** Appended to the worker's name by the e2e init script to arm the hooks. */
export const TEST_HOOKS_SUFFIX = '+test-hooks';

/** The part of a worker's global scope the hooks use. */
export interface HookScope {
  name: string;
  close(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Obeys `{ spTest: 'close' }` and `{ spTest: 'hang', ms }` messages when armed; otherwise does nothing. */
export function installTestHooks(scope: HookScope): void {
  if (!scope.name.endsWith(TEST_HOOKS_SUFFIX)) return;
  scope.addEventListener('message', (event) => {
    const command = (event.data as { spTest?: string; ms?: number } | null)?.spTest;
    if (command === 'close') scope.close();
    if (command === 'hang') {
      const until = Date.now() + ((event.data as { ms?: number }).ms ?? 20_000);
      let spins = 0;
      // A busy loop on purpose: what a runaway computation looks like from the page.
      while (Date.now() < until) spins++;
      return spins;
    }
  });
}
