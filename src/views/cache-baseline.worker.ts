/**
 * Runs the "without the cache" scenario to its end, off the page's thread,
 * and answers with its metrics windows (nothing is animated).
 */
import { createSimulation } from '../engine';
import type { WindowSample } from '../engine/types';
import type { Scenario } from '../scenario/schema';

/** What the page asks: a scenario and the seed of the run it is compared with. */
export interface BaselineRequest {
  id: number;
  scenario: Scenario;
  seed: number;
}

export type BaselineAnswer = { id: number; windows: WindowSample[] } | { id: number; error: string };

self.onmessage = (event: MessageEvent<BaselineRequest>) => {
  const { id, scenario, seed } = event.data;
  try {
    const sim = createSimulation(scenario, { seed });
    sim.runUntil(scenario.duration);
    self.postMessage({ id, windows: sim.windowsSince(0) } satisfies BaselineAnswer);
  } catch (thrown) {
    self.postMessage({ id, error: thrown instanceof Error ? thrown.message : String(thrown) } satisfies BaselineAnswer);
  }
};
