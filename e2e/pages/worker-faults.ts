import type { Page } from '@playwright/test';

/**
 * Arms the simulation worker's test hooks (src/worker/test-hooks.ts) before
 * the app loads: wraps `window.Worker` so the worker named "simulation" is
 * started as "simulation+test-hooks" and kept where the spec can reach it.
 * The app never does this itself.
 */
export async function armWorkerFaults(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.Worker;
    const simulation: Worker[] = [];
    (window as unknown as { __spSimulationWorkers: Worker[] }).__spSimulationWorkers = simulation;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        const armed = options?.name === 'simulation';
        super(url, armed ? { ...options, name: 'simulation+test-hooks' } : options);
        if (armed) simulation.push(this);
      }
    };
  });
}

/**
 * Makes the newest simulation worker close itself or hang, then waits for
 * the controls' alert to name it; resolves to the milliseconds that took.
 */
export async function breakWorker(page: Page, fault: 'close' | 'hang', expected: string): Promise<number> {
  return page.evaluate(
    ({ fault, expected }) =>
      new Promise<number>((resolve, reject) => {
        const workers = (window as unknown as { __spSimulationWorkers: Worker[] }).__spSimulationWorkers;
        const worker = workers.at(-1);
        if (!worker) return reject(new Error('no simulation worker has started'));
        const start = performance.now();
        worker.postMessage({ spTest: fault, ms: 20_000 });
        const poll = setInterval(() => {
          const alert = document.querySelector('.sp-run-error');
          if (alert?.textContent?.includes(expected)) {
            clearInterval(poll);
            resolve(performance.now() - start);
          } else if (performance.now() - start > 10_000) {
            clearInterval(poll);
            reject(new Error(`no "${expected}" alert after 10 s`));
          }
        }, 10);
      }),
    { fault, expected },
  );
}
