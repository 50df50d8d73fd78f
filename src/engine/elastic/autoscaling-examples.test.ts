import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { loadExample, nodeOf, runExample } from '../testing/examples';
import type { InstanceFigures, Report } from '../types';

/*
 * autoscaling-ramp-spike.json: two identical services under the same ramp
 * and spike, one scaling too slowly (decides every 60 s, boots for 90 s),
 * one tuned (10 s, 20 s, a 50 % target, at least 2). Fixed seed; "about"
 * figures within 3 %.
 */

const NAME = 'autoscaling-ramp-spike.json';
const within = (actual: number, expected: number, share = 0.03) => expect(Math.abs(actual - expected) / expected).toBeLessThan(share);

describe(NAME, () => {
  let report: Report;
  let slow: InstanceFigures;
  let tuned: InstanceFigures;
  beforeAll(() => {
    report = runExample(loadExample(NAME));
    slow = nodeOf(report, 'slow-api').instances as InstanceFigures;
    tuned = nodeOf(report, 'tuned-api').instances as InstanceFigures;
  });

  it('the users ramp up by 20 a second every 30 s from 60 s to 180 s, spike to 300 from 240 s to 270 s', () => {
    const scenario = loadExample(NAME);
    const rateAt = (change: (typeof scenario.changes)[number]) => {
      const users = change.nodes.find((n) => n.id === 'slow-users');
      return users?.kind === 'client' && users.workload.mode === 'open' ? users.workload.rate : null;
    };
    const ramp = scenario.changes.filter((change) => change.at <= 180);
    expect(ramp.map((change) => change.at)).toEqual([60, 90, 120, 150, 180]);
    expect(ramp.slice(1).every((change, i) => change.at - (ramp[i]?.at ?? 0) === 30)).toBe(true);
    expect(ramp.map(rateAt)).toEqual([40, 60, 80, 100, 120]);
    expect(scenario.changes.filter((change) => change.at > 180).map((change) => [change.at, rateAt(change)])).toEqual([
      [240, 300],
      [270, 120],
    ]);
  });

  it('too slow: the first new instance serves only at 210 s, and the group never gets past 6 instances', () => {
    const firstServing = slow.timeline.find((change) => change.serving > 1);
    expect(firstServing?.time).toBe(210);
    expect(slow.peak).toBe(6);
  });

  it('too slow: about 16,700 requests fail with "queue full", 38 % of what reached it', () => {
    const api = nodeOf(report, 'slow-api');
    within(api.dropped, 16_700);
    expect(Math.round((api.dropped / api.arrivals) * 100)).toBe(38);
  });

  it('tuned: about 250 requests fail, all during the spike, over by the time its 5 new instances serve at 270 s', () => {
    expect(nodeOf(report, 'tuned-api').dropped).toBeGreaterThan(200);
    expect(nodeOf(report, 'tuned-api').dropped).toBeLessThan(300);
    const spikeStart = tuned.timeline.filter((change) => change.time <= 270).at(-2);
    expect(spikeStart).toMatchObject({ time: 250, starting: 5 });
    // The spike needs ⌈300 ÷ 40⌉ = 8 instances at full load; until 270 s fewer than 8 serve.
    expect(Math.ceil(300 / 40)).toBe(8);
    expect(Math.max(...tuned.timeline.filter((change) => change.time < 270).map((change) => change.serving))).toBeLessThan(8);
    expect(tuned.timeline.find((change) => change.time === 270)).toMatchObject({ serving: 12, starting: 0 });
    // Run again, stopping at the spike's start and end: no drop before 240 s, every drop by 270 s (the queues of 40 empty within a second).
    const sim = createSimulation(loadExample(NAME), { window: 0 });
    const dropped = () => nodeOf(sim.report(), 'tuned-api').dropped;
    sim.runUntil(240);
    expect(dropped()).toBe(0);
    sim.runUntil(272);
    expect(dropped()).toBe(nodeOf(report, 'tuned-api').dropped);
  });

  it('keeping up costs more: about 2,500 instance-seconds against 1,080, $0.069 against $0.030', () => {
    within(tuned.instanceSeconds, 2_500);
    expect(Math.round(slow.instanceSeconds)).toBe(1_080);
    expect(tuned.cost.toFixed(3)).toBe('0.069');
    expect(slow.cost.toFixed(3)).toBe('0.030');
  });

  it('no request fails but for a full queue: scaling in lost nothing', () => {
    expect(report.totals.failed).toBe(report.totals.failures.queueFull);
  });
});
