import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/simulation';
import { scalingScenario } from '../engine/testing/scaling-scenario';
import type { NodeReportOf } from '../engine/types';
import { formatReport } from './format-report';
import { instanceLines } from './format-instances';

describe('the runner shows a scaling group’s instances', () => {
  const report = () =>
    runScenario(
      scalingScenario({
        rate: 0.0001,
        replicas: 2,
        autoscaling: { min: 1, max: 6, policy: { type: 'schedule', steps: [{ at: 10, replicas: 4 }, { at: 100, replicas: 1 }] }, coldStart: 20, cooldown: 0 },
      }),
      { window: 0 },
    );

  it('counts, instance-seconds, cost and each change', () => {
    const api = report().nodes.find((n) => n.id === 'api') as NodeReportOf<'server'>;
    expect(instanceLines(api, 'api')).toEqual([
      '',
      'Server api: autoscaling between 1 and 6 instances',
      '  at the end 1 serving; at most 4; 2.4 running on average',
      '  1 scale-outs, 1 scale-ins',
      '  480 instance-seconds, costing $0.048 ($0.86/hour on average)',
      '  at 10 s: 2 serving, 2 starting',
      '  at 30 s: 4 serving',
      '  at 100 s: 1 serving',
    ]);
  });

  it('the totals give the run’s cost', () => {
    const text = formatReport(report());
    expect(text).toMatch(/run cost +\$0\.048 +instance-seconds × cost per hour ÷ 3600/);
    // The node table names the group by its bounds, not its slots.
    expect(text).toMatch(/ api +server 1–6 /);
  });
});
