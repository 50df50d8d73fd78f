import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario } from '../simulation';
import { scalingScenario } from '../testing/scaling-scenario';

const schedule = (steps: { at: number; replicas: number }[], coldStart = 20) => ({
  min: 1,
  max: 6,
  policy: { type: 'schedule', steps },
  coldStart,
  cooldown: 0,
});

describe('a scaling group’s figures', () => {
  it('instance-seconds count every running machine, and cost is instance-seconds × cost per hour / 3600', () => {
    // Almost no load, so a drained instance holds nothing and stops at once. Two instances from 0 s to 200 s,
    // two more booted at 10 s; at 100 s three of the four drain (the two newest, then slot 2):
    // 200 + 100 + 90 + 90 = 480 instance-seconds; at $0.36 an instance-hour, $0.048.
    const report = runScenario(
      scalingScenario({ rate: 0.0001, replicas: 2, autoscaling: schedule([{ at: 10, replicas: 4 }, { at: 100, replicas: 1 }]) }),
      { window: 0 },
    );
    const api = report.nodes.find((n) => n.id === 'api')!;
    expect(api.instances!.instanceSeconds).toBeCloseTo(480, 9);
    expect(api.instances!.cost).toBeCloseTo(0.048, 12);
    expect(api.instances!.meanRunning).toBeCloseTo(2.4, 12);
    expect(api.costPerHour).toBeCloseTo(2.4 * 0.36, 12);
    expect(report.totals.cost).toBeCloseTo(0.048, 12);
    expect(api.instances).toMatchObject({ serving: 1, starting: 0, draining: 0, min: 1, max: 6, peak: 4, scaleOuts: 1, scaleIns: 1 });
    expect(api.instances!.timeline).toEqual([
      { time: 10, serving: 2, starting: 2, draining: 0 },
      { time: 30, serving: 4, starting: 0, draining: 0 },
      { time: 100, serving: 1, starting: 0, draining: 0 },
    ]);
  });

  it('utilization is over the instances that can work, not over every slot of the group', () => {
    // Two of six slots serve throughout: λ = 10, μ = 10 per instance, so each is half busy (±3 %, ~20,000 requests).
    const report = runScenario(scalingScenario({ rate: 10, replicas: 2, duration: 2000, autoscaling: schedule([{ at: 0, replicas: 2 }]) }), { window: 0 });
    const api = report.nodes.find((n) => n.id === 'api')!;
    expect(Math.abs(api.utilization - 0.5)).toBeLessThan(0.015);
  });

  it('live figures and metric windows carry the instance counts', () => {
    const sim = createSimulation(scalingScenario({ rate: 1, replicas: 2, autoscaling: schedule([{ at: 10, replicas: 4 }]) }), { window: 5 });
    sim.runUntil(20);
    const live = sim.snapshot().nodes[1]!;
    expect(live.instances).toEqual({ serving: 2, starting: 2, draining: 0, min: 1, max: 6 });
    // Two instances of one worker can work; the starting ones add none yet.
    expect(live.workers).toBe(2);
    const windows = sim.windowsSince(0);
    const fourth = windows.find((w) => w.start === 10)!.nodes[1]!;
    expect(fourth.instances).toMatchObject({ serving: 2, starting: 2, running: 4 });
    expect(windows.reduce((sum, w) => sum + w.nodes[1]!.instances!.arrivals, 0)).toBe(sim.report().nodes[1]!.arrivals);
  });
});
