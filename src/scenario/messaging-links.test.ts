import { describe, expect, it } from 'vitest';
import { connectionProblem } from './connection-rules';
import { parseScenario } from './parse';
import { SCENARIO_VERSION } from './schema';

const nodes = [
  { id: 'shop', kind: 'client', workload: { mode: 'open', rate: 5 } },
  { id: 'orders', kind: 'messageQueue' },
  { id: 'events', kind: 'topic' },
  { id: 'worker', kind: 'server', workers: 1, serviceTime: { type: 'constant', value: 0.01 } },
  { id: 'db', kind: 'database', workers: 1, readTime: { type: 'constant', value: 0.01 }, writeTime: { type: 'constant', value: 0.01 } },
];
const scenario = (links: object[], queue: object = {}) => ({
  version: SCENARIO_VERSION,
  nodes: nodes.map((n) => (n.id === 'orders' ? { ...n, ...queue } : n)),
  links,
});

describe('messaging links and fields: bad input is refused with the field and the node', () => {
  it('accepts producer → queue → consumer server and topic → queue / server', () => {
    const parsed = parseScenario(
      scenario([
        { id: 'a', from: 'shop', to: 'events' },
        { id: 'b', from: 'events', to: 'orders' },
        { id: 'c', from: 'events', to: 'worker' },
        { id: 'd', from: 'orders', to: 'worker' },
      ]),
    );
    expect(parsed.ok).toBe(true);
  });

  it('refuses a consumer link from a queue to a non-server', () => {
    const parsed = parseScenario(scenario([{ id: 'to-db', from: 'orders', to: 'db' }]));
    expect(parsed).toEqual({
      ok: false,
      errors: [`link "to-db" field "to": "orders" cannot link to "db": a message queue's links go to its consumers, which must be servers; this one leads to a database.`],
    });
  });

  it('refuses a topic subscriber that is neither a queue nor a server', () => {
    const parsed = parseScenario(scenario([{ id: 'sub', from: 'events', to: 'db' }]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toContain(`link "sub" field "to": "events" cannot link to "db": a topic's links go to its subscribers`);
  });

  it('refuses a zero visibility timeout, naming the node and the field', () => {
    const parsed = parseScenario(scenario([], { visibilityTimeout: 0 }));
    expect(parsed).toEqual({ ok: false, errors: ['node "orders" (nodes[1]) field "visibilityTimeout": must be greater than 0 (it is 0).'] });
  });

  it('the canvas refuses the same links as they are drawn, and allows a producer server into the queue', () => {
    const parsed = parseScenario(scenario([]));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const graph = parsed.scenario;
    expect(connectionProblem(graph, 'orders', 'db')).toBe(
      "“orders” cannot link to “db”: a message queue's links go to its consumers, which must be servers; this one leads to a database.",
    );
    expect(connectionProblem(graph, 'orders', 'worker')).toBeNull();
    expect(connectionProblem(graph, 'worker', 'orders')).toBeNull();
  });
});

describe('messaging warnings', () => {
  it('warns of a queue without consumers and a topic without subscribers', () => {
    const parsed = parseScenario(scenario([{ id: 'a', from: 'shop', to: 'orders' }]));
    expect(parsed.ok && parsed.warnings).toEqual([
      'message queue "orders" has no consumers (servers it links to): its messages wait until the backlog is full.',
      'topic "events" has no subscribers (queues or servers it links to): what is published to it goes nowhere.',
    ]);
  });
});
