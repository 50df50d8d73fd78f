import { describe, expect, it } from 'vitest';
import { CallPolicySchema } from './call-schema';
import { describeCallPolicy, isEmptyPolicy, meshedServices, sidecarsOn } from './mesh-rules';
import { MeshSchema } from './elastic-schema';
import type { ScenarioNode } from './schema';

const server = (id: string, sidecar: boolean) => ({ id, kind: 'server', sidecar }) as ScenarioNode;
const nodes = new Map([server('a', true), server('b', true), server('c', false), { id: 'u', kind: 'client' } as ScenarioNode].map((n) => [n.id, n]));
const link = (from: string, to: string) => ({ id: `${from}-${to}`, from, to, latency: 0, weight: 1 });

describe('which links the mesh covers', () => {
  const mesh = MeshSchema.parse({});
  it('counts the sidecars a request passes each way', () => {
    expect(sidecarsOn(link('a', 'b'), nodes, mesh)).toBe(2);
    expect(sidecarsOn(link('a', 'c'), nodes, mesh)).toBe(1);
    expect(sidecarsOn(link('u', 'b'), nodes, mesh)).toBe(1);
    expect(sidecarsOn(link('u', 'c'), nodes, mesh)).toBe(0);
  });
  it('without a mesh a sidecar counts for nothing', () => {
    expect(sidecarsOn(link('a', 'b'), nodes, null)).toBe(0);
    expect(meshedServices({ nodes: [...nodes.values()], mesh: null })).toEqual([]);
    expect(meshedServices({ nodes: [...nodes.values()], mesh })).toEqual(['a', 'b']);
  });
});

describe('a call policy in words', () => {
  it('says each mechanism it has', () => {
    const policy = CallPolicySchema.parse({
      timeout: 0.3,
      retries: { count: 2, backoff: 0.05, jitter: true },
      budget: { percent: 10 },
      breaker: { window: 20, minimumCalls: 10, failureRate: 50, openDuration: 5, halfOpenProbes: 3 },
      maxConcurrent: 8,
    });
    expect(describeCallPolicy(policy)).toEqual([
      '300 ms timeout',
      '2 retries (50 ms backoff, jittered)',
      'retry budget 10% of calls (burst 10)',
      'outlier detection: the breaker opens when 50% of the last 20 calls failed (10 at least), ejects for 5 s, then 3 probes',
      'at most 8 calls at once (bulkhead)',
    ]);
    expect(isEmptyPolicy(policy)).toBe(false);
  });
  it('an empty policy: the sidecars only forward', () => {
    const empty = CallPolicySchema.parse({});
    expect(isEmptyPolicy(empty)).toBe(true);
    expect(describeCallPolicy(empty)).toEqual(['nothing: sidecars only forward']);
  });
});
