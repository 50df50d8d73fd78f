import { describe, expect, it } from 'vitest';
import { KIND_TRAITS, NODE_KINDS } from '../../scenario/kinds';
import { createNode } from '../../scenario/node-factory';
import type { ScenarioNode } from '../../scenario/schema';
import { createSimulation } from '../index';
import { buildScenario } from '../testing/build-scenario';

/* Every kind's component does what its traits promise: it takes exactly the faults the table lists. */

const at = { x: 0, y: 0 };

describe.each(NODE_KINDS)('the %s component', (kind) => {
  it('takes the faults its kind lists, and refuses the others with the reason', () => {
    // A pooler's link goes to a database; every other kind's to a server.
    const back = createNode(kind === 'pooler' ? 'database' : 'server', 'back', 'Back', at);
    const nodes: ScenarioNode[] = [createNode('client', 'users', 'Users', at), createNode(kind, 'it', 'It', at), back];
    const links = kind === 'client' ? [] : [{ id: 'a', from: 'users', to: 'it' }, { id: 'b', from: 'it', to: 'back' }];
    const sim = createSimulation(buildScenario({ duration: 1, nodes, links }));
    sim.runUntil(0.5);
    for (const action of ['crash', 'restart', 'slow', 'recover', 'flush'] as const) {
      const answer = sim.injectFault('it', action, 2);
      if (KIND_TRAITS[kind].faults.includes(action)) expect(answer, action).toBeNull();
      else expect(answer, action).toMatch(new RegExp(`^It is ${KIND_TRAITS[kind].one}; only .+\\.$`));
    }
  });
});
