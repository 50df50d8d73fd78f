import { describe, expect, it } from 'vitest';
import { LoadBalancerNodeSchema } from './schema';
import { balancerProblems, PRESETS } from './load-balancer-presets';

const lb = (fields: Record<string, unknown>) => LoadBalancerNodeSchema.parse({ id: 'lb', kind: 'loadBalancer', ...fields });

describe('load balancer presets', () => {
  it('accepts every preset with its own first layer and algorithm', () => {
    for (const [preset, info] of Object.entries(PRESETS)) {
      expect(balancerProblems(lb({ preset, layer: info.layers[0], algorithm: info.algorithms[0] }))).toEqual([]);
    }
  });

  it('refuses an L7-only option on an L4 preset, with the reason', () => {
    const problems = balancerProblems(
      lb({ preset: 'haproxyTcp', layer: 'L4', stickySessions: true, tlsTermination: true, routes: [{ pathPrefix: '/static', targets: ['s1'] }] }),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/routes need L7.*only addresses and ports/);
    expect(problems[1]).toMatch(/sticky-session cookies need L7.*IP hash/);
  });

  it('refuses an algorithm the product does not offer and a layer it does not run at', () => {
    expect(balancerProblems(lb({ preset: 'awsNlb', layer: 'L4', algorithm: 'roundRobin' }))[0]).toMatch(/AWS NLB does not offer roundRobin/);
    expect(balancerProblems(lb({ preset: 'awsAlb', layer: 'L4', algorithm: 'roundRobin' }))[0]).toMatch(/runs at L7, not L4/);
  });
});
