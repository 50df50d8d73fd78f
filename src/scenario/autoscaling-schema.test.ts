import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { errorsOf, server, valid } from './parse-fixtures';

/** The scenario with `api` scaling as `autoscaling` says. */
function scaling(autoscaling: unknown) {
  const data = valid();
  data.version = 4;
  data.nodes[1] = server('api', { autoscaling });
  return data;
}

describe('a server’s autoscaling', () => {
  it('is refused when min exceeds max, with a message naming the node and the field', () => {
    expect(errorsOf(parseScenario(scaling({ min: 5, max: 2 })))).toEqual(['node "api" (nodes[1]) field "autoscaling.min": min instances (5) must not exceed max instances (2).']);
  });

  it('is refused with a CPU target outside 5 %–100 %, naming the policy field', () => {
    expect(errorsOf(parseScenario(scaling({ policy: { type: 'cpu', target: 1.5 } })))).toEqual([
      'node "api" (nodes[1]) field "autoscaling.policy.target": must be at most 1 (it is 1.5).',
    ]);
  });

  it('is refused with a schedule of no steps', () => {
    expect(errorsOf(parseScenario(scaling({ policy: { type: 'schedule', steps: [] } })))).toEqual([
      'node "api" (nodes[1]) field "autoscaling.policy.steps": must have at least 1 item.',
    ]);
  });

  it('fills its defaults: 1 to 8 instances on CPU at 60 %, deciding every 10 s, 30 s cold start, 60 s cooldown', () => {
    const parsed = parseScenario(scaling({}));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const api = parsed.scenario.nodes[1]!;
    expect(api.kind === 'server' && api.autoscaling).toEqual({ min: 1, max: 8, policy: { type: 'cpu', target: 0.6 }, interval: 10, coldStart: 30, cooldown: 60 });
  });
});
