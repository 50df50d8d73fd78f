import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson } from './parse';
import { errorsOf, server, valid } from './parse-fixtures';
import { FaultActionSchema, NodeSchema, SCENARIO_LIMITS, SCENARIO_VERSION } from './schema';

/*
 * What the parser refuses, each with the message a user sees. What it
 * accepts, and what it accepts with a warning, is in parse.test.ts.
 */

/** The kinds and actions the messages list, as the schema has them (they grow with the format). */
const KINDS = NodeSchema.options.map((o) => o.shape.kind.value).join(', ');
const ACTIONS = FaultActionSchema.options.map((a) => `"${a}"`).join(', ');

describe('parseScenario refuses, with a message a user can act on,', () => {
  it('an unknown node kind, naming the node, the kind and the kinds that exist', () => {
    const data = valid();
    data.nodes[1] = { ...data.nodes[1], kind: 'mainframe' };
    const [message, ...rest] = errorsOf(parseScenario(data));
    expect(rest).toEqual([]);
    expect(message).toBe(`node "api" (nodes[1]) field "kind": unknown node kind "mainframe". Use one of ${KINDS}.`);
  });

  it('a node with no kind', () => {
    const data = valid();
    delete data.nodes[1]!.kind;
    expect(errorsOf(parseScenario(data))).toEqual([
      `node "api" (nodes[1]) field "kind": missing. Set it to one of ${KINDS}.`,
    ]);
  });

  it('a link to a missing node, naming the link, the end and the missing id', () => {
    const data = valid();
    data.links[0] = { ...data.links[0], to: 'db' };
    expect(errorsOf(parseScenario(data))).toEqual(['link "users-api": "to" names node "db", which does not exist.']);
  });

  it('a link from a missing node', () => {
    const data = valid();
    data.links[0] = { ...data.links[0], from: 'ghost' };
    expect(errorsOf(parseScenario(data))).toEqual(['link "users-api": "from" names node "ghost", which does not exist.']);
  });

  it.each([-3, 0])('an arrival rate of %d, showing the value', (rate) => {
    const data = valid();
    data.nodes[0] = { ...data.nodes[0], workload: { mode: 'open', rate } };
    expect(errorsOf(parseScenario(data))).toEqual([
      `node "users" (nodes[0]) field "workload.rate": must be greater than 0 (it is ${rate}).`,
    ]);
  });

  it('a rate written as text', () => {
    const data = valid();
    data.nodes[0] = { ...data.nodes[0], workload: { mode: 'open', rate: '8' } };
    expect(errorsOf(parseScenario(data))).toEqual(['node "users" (nodes[0]) field "workload.rate": must be a number (it is "8").']);
  });

  it.each([-0.1, 0])('a service-time mean of %d', (mean) => {
    const data = valid();
    data.nodes[1] = server('api', { serviceTime: { type: 'exponential', mean } });
    expect(errorsOf(parseScenario(data))).toEqual([
      `node "api" (nodes[1]) field "serviceTime.mean": must be greater than 0 (it is ${mean}).`,
    ]);
  });

  it('zero workers, and a fractional number of workers', () => {
    const data = valid();
    data.nodes.push(server('zero', { workers: 0 }), server('half', { workers: 1.5 }));
    expect(errorsOf(parseScenario(data))).toEqual([
      'node "zero" (nodes[2]) field "workers": must be at least 1 (it is 0).',
      'node "half" (nodes[3]) field "workers": must be a whole number (it is 1.5).',
    ]);
  });

  it('zero users in a closed loop', () => {
    const data = valid();
    data.nodes[0] = { ...data.nodes[0], workload: { mode: 'closed', users: 0, thinkTime: { type: 'constant', value: 1 } } };
    expect(errorsOf(parseScenario(data))).toEqual(['node "users" (nodes[0]) field "workload.users": must be greater than 0 (it is 0).']);
  });

  it('an unknown distribution type, listing the ones that exist', () => {
    const data = valid();
    data.nodes[1] = server('api', { serviceTime: { type: 'gamma', shape: 2 } });
    expect(errorsOf(parseScenario(data))).toEqual([
      'node "api" (nodes[1]) field "serviceTime.type": unknown distribution type "gamma". Use one of exponential, constant, uniform, lognormal.',
    ]);
  });

  it('a missing required field', () => {
    const data = valid();
    delete data.nodes[1]!.serviceTime;
    expect(errorsOf(parseScenario(data))).toEqual(['node "api" (nodes[1]) field "serviceTime": missing; it must be an object { ... }.']);
  });

  it('a missing version, saying which version to add', () => {
    const data = valid();
    delete data.version;
    expect(errorsOf(parseScenario(data))).toEqual([
      `field "version": missing. Add "version": ${SCENARIO_VERSION} at the top of the file; this build reads versions 1 to 4.`,
    ]);
  });

  it('a newer version, telling the user to update', () => {
    const data = { ...valid(), version: SCENARIO_VERSION + 1 };
    const [message] = errorsOf(parseScenario(data));
    expect(message).toContain(`version ${SCENARIO_VERSION + 1}, newer than this build understands`);
    expect(message).toContain('Update Scale Playground');
  });

  it('a zero timeout or a negative queue capacity, saying that "none" is null', () => {
    const data = valid();
    data.nodes[0] = { ...data.nodes[0], timeout: 0 };
    data.nodes[1] = server('api', { queueCapacity: -1 });
    expect(errorsOf(parseScenario(data))).toEqual([
      'node "users" (nodes[0]) field "timeout": must be greater than 0 (it is 0). For no timeout, write null.',
      'node "api" (nodes[1]) field "queueCapacity": must be at least 0 (it is -1). For an unbounded queue, write null.',
    ]);
  });

  it('a version that is not a whole number', () => {
    expect(errorsOf(parseScenario({ ...valid(), version: '1' }))).toEqual([
      'field "version": "1" is not a scenario version; this build reads versions 1 to 4.',
    ]);
  });

  it('text that is not JSON, with the line and column of the mistake', () => {
    const text = '{\n  "version": 1,\n  "nodes": [],\n}';
    expect(errorsOf(parseScenarioJson(text))).toEqual([
      'The file is not valid JSON: Expected double-quoted property name at line 4, column 1.',
    ]);
  });

  it('an empty file and a cut-off file', () => {
    expect(errorsOf(parseScenarioJson('  \n'))).toEqual(['The file is not valid JSON: the file is empty.']);
    expect(errorsOf(parseScenarioJson('{"version": 1, "nodes": ['))[0]).toMatch(/ends before the JSON is complete/);
  });

  it('JSON that is not an object', () => {
    for (const text of ['[]', '42', 'null', '"scenario"']) {
      expect(errorsOf(parseScenarioJson(text))).toEqual(['A scenario must be a JSON object with "version", "nodes" and "links".']);
    }
  });

  it('a link into a client', () => {
    const data = valid();
    data.links.push({ id: 'back', from: 'api', to: 'users' });
    expect(errorsOf(parseScenario(data))).toEqual(['link "back": it leads into client "users"; clients only send requests.']);
  });

  it('a link from a node to itself', () => {
    const data = valid();
    data.links.push({ id: 'loop', from: 'api', to: 'api' });
    expect(errorsOf(parseScenario(data))).toEqual(['link "loop": a node cannot link to itself.']);
  });

  it('duplicate node ids and duplicate link ids', () => {
    const data = valid();
    data.nodes.push(server('api'));
    data.links.push({ id: 'users-api', from: 'users', to: 'api' });
    expect(errorsOf(parseScenario(data))).toEqual([
      'node "api": the id is used twice; ids must be unique.',
      'link "users-api": the id is used twice; ids must be unique.',
    ]);
  });

  it('a warm-up as long as the run', () => {
    expect(errorsOf(parseScenario({ ...valid(), duration: 10, warmup: 10 }))).toEqual([
      'field "warmup": the warm-up (10 s) must be shorter than the duration (10 s).',
    ]);
  });

  it('a fault on a missing node, or on a node that cannot fail', () => {
    const faults = [
      { at: 10, node: 'apu', action: 'crash' },
      { at: 10, node: 'users', action: 'slow', factor: 3 },
    ];
    expect(errorsOf(parseScenario({ ...valid(), faults }))).toEqual([
      'fault (faults[0]) field "node": names node "apu", which does not exist.',
      'fault (faults[1]) field "node": "users" is a client; only servers, databases, caches, CDNs, session stores and parallel jobs can crash or slow down.',
    ]);
  });

  it('a fault on a replica the server does not have, or on a node without replicas', () => {
    const data = valid();
    data.nodes[1] = { ...data.nodes[1], replicas: 2 };
    const faults = [
      { at: 10, node: 'api', action: 'crash', replica: 3 },
      { at: 10, node: 'users', action: 'crash', replica: 1 },
      { at: 10, node: 'api', action: 'crash', replica: 2 },
    ];
    expect(errorsOf(parseScenario({ ...data, faults }))).toEqual([
      'fault (faults[0]) field "replica": "api" has 2 replicas, so there is no replica 3.',
      'fault (faults[1]) field "replica": "users" is a client; only servers have replicas.',
      'fault (faults[1]) field "node": "users" is a client; only servers, databases, caches, CDNs, session stores and parallel jobs can crash or slow down.',
    ]);
  });

  it('a fault with a negative time or an unknown action', () => {
    expect(errorsOf(parseScenario({ ...valid(), faults: [{ at: -1, node: 'api', action: 'explode' }] }))).toEqual([
      'fault (faults[0]) field "at": must be at least 0 (it is -1).',
      `fault (faults[0]) field "action": must be one of ${ACTIONS} (it is "explode").`,
    ]);
  });

  it('a hop limit above the maximum', () => {
    expect(errorsOf(parseScenario({ ...valid(), hopLimit: 100 }))).toEqual([
      `field "hopLimit": must be at most ${SCENARIO_LIMITS.maxHopLimit} (it is 100).`,
    ]);
  });

  it('an unknown load-balancing algorithm, naming the ones that exist', () => {
    const data = valid();
    data.nodes.push({ id: 'lb', kind: 'loadBalancer', algorithm: 'fastest' });
    const [message, ...rest] = errorsOf(parseScenario(data));
    expect(rest).toEqual([]);
    expect(message).toMatch(/^node "lb" \(nodes\[2\]\) field "algorithm": must be (one of )?"roundRobin"/);
    expect(message).toMatch(/ \(it is "fastest"\)\.$/);
  });

  it('many broken nodes, listing the first 20 and counting the rest', () => {
    const data = valid();
    for (let i = 0; i < 25; i++) data.nodes.push(server(`bad-${i}`, { workers: 0 }));
    const errors = errorsOf(parseScenario(data));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe('…and 5 more problems; fix the ones above first.');
  });

  it('a 10,000-node file, fast, naming the size limit', () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) => server(`s${i}`));
    const text = JSON.stringify({ version: 1, nodes, links: [] });
    const started = performance.now();
    const result = parseScenarioJson(text);
    const elapsed = performance.now() - started;
    expect(errorsOf(result)).toEqual([
      `The scenario has 10000 nodes; the limit is ${SCENARIO_LIMITS.maxNodes}. Split it into smaller scenarios.`,
    ]);
    expect(elapsed).toBeLessThan(1000);
  });

  it('too many links, naming the limit', () => {
    const links = Array.from({ length: SCENARIO_LIMITS.maxLinks + 1 }, (_, i) => ({ id: `l${i}`, from: 'users', to: 'api' }));
    expect(errorsOf(parseScenario({ ...valid(), links }))).toEqual([
      `The scenario has ${SCENARIO_LIMITS.maxLinks + 1} links; the limit is ${SCENARIO_LIMITS.maxLinks}.`,
    ]);
  });
});
