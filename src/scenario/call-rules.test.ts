import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

/** users → api → payments, with `call` on the api → payments link; the balancer case routes users through lb. */
function parseWith(call: unknown, options: { from?: 'api' | 'lb'; to?: string } = {}) {
  const from = options.from ?? 'api';
  return parseScenario({
    version: 3,
    nodes: [
      { id: 'users', kind: 'client', workload: { mode: 'open', rate: 10 } },
      { id: 'lb', kind: 'loadBalancer' },
      { id: 'api', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.01 }, sessions: 'externalStore' },
      { id: 'payments', kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.01 } },
      { id: 'store', kind: 'sessionStore', workers: 4, serviceTime: { type: 'constant', value: 0.001 } },
    ],
    links: [
      { id: 'in', from: 'users', to: 'lb' },
      { id: 'lb-api', from: 'lb', to: 'api' },
      { id: 'api-store', from: 'api', to: 'store' },
      { id: 'call', from, to: options.to ?? 'payments', call },
    ],
  });
}

function errorsOf(result: ReturnType<typeof parseScenario>): string[] {
  return result.ok ? [] : result.errors;
}

describe('call policies: bad input is refused, naming the field and the calling node', () => {
  it.each([
    [{ budget: { percent: 150 } }, 'field "call.budget.percent": must be at most 100 (it is 150)'],
    [{ timeout: -1 }, 'field "call.timeout": must be greater than 0 (it is -1)'],
    [{ timeout: 0 }, 'field "call.timeout": must be greater than 0 (it is 0)'],
    [{ retries: { count: 11, backoff: 0.1, jitter: true } }, 'field "call.retries.count": must be at most 10 (it is 11)'],
    [{ retries: { count: 2, backoff: -0.1, jitter: true } }, 'field "call.retries.backoff": must be at least 0 (it is -0.1)'],
    [{ maxConcurrent: 0 }, 'field "call.maxConcurrent": must be at least 1 (it is 0)'],
    [{ breaker: { failureRate: 0 } }, 'field "call.breaker.failureRate": must be greater than 0 (it is 0)'],
    [{ breaker: { openJitter: 2 } }, 'field "call.breaker.openJitter": must be at most 1 (it is 2)'],
    [{ breaker: { halfOpenProbes: 0 } }, 'field "call.breaker.halfOpenProbes": must be at least 1 (it is 0)'],
    [{ breaker: { window: 5, minimumCalls: 10 } }, 'field "call.breaker.minimumCalls": must not exceed the window'],
  ])('%j', (call, message) => {
    const errors = errorsOf(parseWith(call));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('link "call" from node "api"');
    expect(errors[0]).toContain(message);
  });

  it('refuses a policy on a link from a load balancer, which passes requests on', () => {
    const errors = errorsOf(parseWith({ timeout: 1 }, { from: 'lb' }));
    expect(errors).toEqual([expect.stringContaining('link "call" from node "lb" field "call": "lb" is a load balancer')]);
  });

  it("refuses a policy on a server's session-store link", () => {
    const errors = errorsOf(parseWith({ timeout: 1 }, { to: 'store' }));
    expect(errors).toEqual([expect.stringContaining("session lookups are not calls with a policy")]);
  });

  it('accepts a full policy and fills the defaults', () => {
    const result = parseWith({ timeout: 0.5, budget: { percent: 10 }, breaker: {}, maxConcurrent: 4 });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const call = result.scenario.links.find((l) => l.id === 'call')?.call;
    expect(call?.retries).toEqual({ count: 0, backoff: 0.1, jitter: true });
    expect(call?.budget).toEqual({ percent: 10, burst: 10 });
    expect(call?.breaker).toMatchObject({ window: 20, minimumCalls: 10, failureRate: 50, openDuration: 5, halfOpenProbes: 3 });
  });
});
