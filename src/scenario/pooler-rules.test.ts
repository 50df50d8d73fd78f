import { describe, expect, it } from 'vitest';
import { connectionProblem } from './connection-rules';
import { parseScenario } from './parse';
import type { ScenarioInput } from './schema';

const time = { type: 'constant', value: 0.01 } as const;
const nodes: ScenarioInput['nodes'] = [
  { id: 'app', kind: 'server', workers: 4, serviceTime: time },
  { id: 'bouncer', label: 'PgBouncer', kind: 'pooler' },
  { id: 'db', label: 'Postgres', kind: 'database', workers: 4, readTime: time, writeTime: time },
  { id: 'other', label: 'Other', kind: 'database', workers: 4, readTime: time, writeTime: time },
];
const errorsOf = (links: ScenarioInput['links']) => {
  const parsed = parseScenario({ version: 4, nodes, links });
  return parsed.ok ? [] : parsed.errors;
};

describe("a pooler's links", () => {
  it('go to one database, without a connection policy of their own', () => {
    expect(errorsOf([{ id: 'in', from: 'app', to: 'bouncer', connection: { pool: { size: 10 } } }, { id: 'out', from: 'bouncer', to: 'db' }])).toEqual([]);
  });

  it('refuse a link to anything but a database, naming the link and the field', () => {
    expect(errorsOf([{ id: 'out', from: 'bouncer', to: 'app' }]).join('\n')).toMatch(/link "out" field "to": .*goes to the database it pools connections to/);
  });

  it('refuse a second database', () => {
    expect(errorsOf([{ id: 'out', from: 'bouncer', to: 'db' }, { id: 'out-2', from: 'bouncer', to: 'other' }]).join('\n')).toMatch(
      /link "out-2" field "from": pooler "bouncer" already links to a database/,
    );
  });

  it('refuse a connection policy on the link out', () => {
    expect(errorsOf([{ id: 'out', from: 'bouncer', to: 'db', connection: {} }]).join('\n')).toMatch(/link "out" field "connection": .*set its serverConnections instead/);
  });

  it('are refused on the canvas the same way', () => {
    const parsed = parseScenario({ version: 4, nodes, links: [{ id: 'out', from: 'bouncer', to: 'db' }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(connectionProblem(parsed.scenario, 'bouncer', 'app')).toMatch(/“PgBouncer” cannot link to .*database it pools connections to/);
    expect(connectionProblem(parsed.scenario, 'bouncer', 'other')).toMatch(/already links to a database/);
    expect(connectionProblem(parsed.scenario, 'app', 'bouncer')).toBeNull();
  });
});
