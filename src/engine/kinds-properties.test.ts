import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../scenario/kinds';
import { parseScenario } from '../scenario/parse';
import { type NodeKind, type Scenario, type ScenarioInput, SCENARIO_VERSION } from '../scenario/schema';
import { createSimulation } from './index';
import { client, connection, database, KIND_ARBITRARIES, seconds, server, slices } from './testing/arbitrary-systems';

/*
 * Every node kind, each with random fields from its arbitrary, placed in the
 * middle of client → node → server: requests are conserved at every moment
 * and the run is fixed by its seed. The wider random systems of
 * properties.test.ts cover clients, balancers, servers and databases in more
 * shapes; this file makes sure no kind is left out. The client's link may
 * need connections (a handshake, a pool) on the way in.
 */

const MIDDLE_KINDS = NODE_KINDS.filter((kind) => kind !== 'client');

function chain(kind: NodeKind): fc.Arbitrary<Scenario> {
  return fc
    .record({
      client,
      middle: KIND_ARBITRARIES[kind],
      // A pooler's link goes to a database; every other kind's to a server.
      back: kind === 'pooler' ? database : server,
      connection: fc.option(connection, { nil: undefined }),
      latency: seconds(0, 0.01),
      duration: seconds(0.5, 2),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    })
    .map((s) => {
      const input: ScenarioInput = {
        version: SCENARIO_VERSION,
        name: `random ${kind}`,
        seed: s.seed,
        duration: s.duration,
        nodes: [
          { id: 'client', kind: 'client', ...s.client },
          { id: 'middle', kind, ...s.middle } as ScenarioInput['nodes'][number],
          { id: 'back', kind: kind === 'pooler' ? 'database' : 'server', ...s.back } as ScenarioInput['nodes'][number],
        ],
        links: [
          { id: 'in', from: 'client', to: 'middle', latency: s.latency, ...(s.connection && { connection: s.connection }) },
          { id: 'on', from: 'middle', to: 'back', latency: s.latency },
        ],
      };
      const parsed = parseScenario(input);
      if (!parsed.ok) throw new Error(`the arbitrary built an invalid ${kind}: ${parsed.errors.join('; ')}`);
      return parsed.scenario;
    });
}

describe.each(MIDDLE_KINDS)('a random %s between a client and a server', (kind) => {
  it('conserves requests at every moment and is fixed by its seed', () => {
    fc.assert(
      fc.property(chain(kind), slices, (scenario, stops) => {
        const sim = createSimulation(scenario);
        for (const share of stops) {
          sim.runUntil(share * scenario.duration);
          const s = sim.snapshot();
          expect(s.sent).toBe(s.completed + s.failed + s.inFlight);
          expect(s.inFlight).toBeGreaterThanOrEqual(0);
        }
        const again = createSimulation(scenario);
        again.runUntil(scenario.duration);
        expect(again.report()).toEqual(sim.report());
      }),
      { numRuns: 25 },
    );
  });
});
