/**
 * Background runs for the cache views, off the page's thread: the "without
 * the cache" scenario run to its end (its metrics windows, nothing animated),
 * and the engine's theoretical hit ratios, read from a report at time 0 so
 * the theory line can be drawn while the real run goes.
 */
import { createSimulation } from '../../engine';
import type { CacheReport, WindowSample } from '../../engine/types';
import type { Scenario } from '../../scenario/schema';
import type { EarlyTheory } from '../../worker/protocol';

/** What the page asks: a scenario and the seed of the run it is compared with. */
export interface BaselineRequest {
  id: number;
  kind: 'baseline' | 'theory';
  scenario: Scenario;
  seed: number;
}

export type BaselineAnswer = { id: number; windows: WindowSample[] } | { id: number; theories: EarlyTheory[] } | { id: number; error: string };

/** Theory that depends on the measured read rate (TTL) is only known once the run has measured it. */
function needsTheRun(scenario: Scenario, index: number, model: CacheReport['theoryModel']): boolean {
  const node = scenario.nodes[index];
  return model === 'ttl' || (node?.kind === 'cache' && node.ttl !== null);
}

self.onmessage = (event: MessageEvent<BaselineRequest>) => {
  const { id, kind, scenario, seed } = event.data;
  try {
    const sim = createSimulation(scenario, { seed });
    if (kind === 'theory') {
      const theories = sim.report().nodes.map((n, i): EarlyTheory => {
        if (!n.cache || n.cache.theory === null || needsTheRun(scenario, i, n.cache.theoryModel)) return null;
        return { theory: n.cache.theory, theoryModel: n.cache.theoryModel };
      });
      self.postMessage({ id, theories } satisfies BaselineAnswer);
      return;
    }
    sim.runUntil(scenario.duration);
    self.postMessage({ id, windows: sim.windowsSince(0) } satisfies BaselineAnswer);
  } catch (thrown) {
    self.postMessage({ id, error: thrown instanceof Error ? thrown.message : String(thrown) } satisfies BaselineAnswer);
  }
};
