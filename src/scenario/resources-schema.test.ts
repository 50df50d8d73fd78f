import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { errorsOf, server, valid } from './parse-fixtures';
import { defaultResources } from './resources-schema';

/* A server's resources block: bad values are refused with a message naming the node and the field. */

const withResources = (resources: Record<string, unknown>) => {
  const data = valid();
  data.nodes.push(server('box', { resources: { ...defaultResources(), ...resources } }));
  return data;
};

describe('a server’s resources', () => {
  it('are optional: a server without them parses as before, with no resources field added', () => {
    const parsed = parseScenario(valid());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.scenario.nodes.some((n) => 'resources' in n)).toBe(false);
  });

  it('the default block parses', () => {
    expect(parseScenario(withResources({})).ok).toBe(true);
  });

  it('refuse zero cores, negative IOPS, zero bandwidth and zero RAM, naming node and field', () => {
    expect(errorsOf(parseScenario(withResources({ cores: 0, diskIops: -5, networkMbps: 0, ramMB: 0 })))).toEqual([
      'node "box" (nodes[2]) field "resources.cores": must be at least 1 (it is 0).',
      'node "box" (nodes[2]) field "resources.ramMB": must be greater than 0 (it is 0).',
      'node "box" (nodes[2]) field "resources.diskIops": must be greater than 0 (it is -5).',
      'node "box" (nodes[2]) field "resources.networkMbps": must be greater than 0 (it is 0).',
    ]);
  });

  it('refuse a negative demand, a paging slowdown below 1, a compression ratio below 1 and no demand at all', () => {
    const bad = withResources({
      pagingSlowdown: 0.5,
      compression: { ratio: 0.5, cpuPerMB: 0 },
      demands: [{ diskOps: -1, diskMB: 0, networkMB: 0, memoryMB: 0 }],
    });
    expect(errorsOf(parseScenario(bad))).toEqual([
      'node "box" (nodes[2]) field "resources.pagingSlowdown": must be at least 1 (it is 0.5).',
      'node "box" (nodes[2]) field "resources.compression.ratio": must be at least 1 (it is 0.5).',
      'node "box" (nodes[2]) field "resources.demands.0.diskOps": must be at least 0 (it is -1).',
    ]);
    expect(errorsOf(parseScenario(withResources({ demands: [] })))).toEqual([
      'node "box" (nodes[2]) field "resources.demands": must have at least 1 item.',
    ]);
  });

  it('refuse a fractional core count and a batch of zero', () => {
    expect(errorsOf(parseScenario(withResources({ cores: 2.5, batchSize: 0 })))).toEqual([
      'node "box" (nodes[2]) field "resources.cores": must be a whole number (it is 2.5).',
      'node "box" (nodes[2]) field "resources.batchSize": must be at least 1 (it is 0).',
    ]);
  });
});
