import { beforeAll, describe, expect, it } from 'vitest';
import type { LessonCheck } from '../scenario/lesson-schema';
import { judgeCheck, type LessonFigures } from './lesson-checks';
import { createSimulation } from './simulation';
import { loadExample } from './testing/examples';
import type { LiveSnapshot, Report } from './types';

/*
 * The judge of lesson checks over a short M/M/c run (32 per second, 4
 * workers of mean 100 ms, seed 1, 200 s after 20 s of warm-up): the same figures read from the
 * live snapshot and from the report, and what it says before there are any;
 * then a registry's stale calls over the discovery example.
 */

let warming: LiveSnapshot;
let live: LiveSnapshot;
let report: Report;
const nodeIndex = { users: 0, server: 1 };

beforeAll(() => {
  const scenario = { ...loadExample('mmc.json'), duration: 200, warmup: 20 };
  const sim = createSimulation(scenario);
  sim.runUntil(10);
  warming = sim.snapshot();
  sim.runUntil(200);
  live = sim.snapshot();
  report = sim.report();
});

const check = (fields: Partial<LessonCheck>): LessonCheck => ({ label: 'x', metric: 'totals.latency.mean', ...fields });
const atEnd = (): LessonFigures => ({ snapshot: live, report, nodeIndex });

describe('judgeCheck', () => {
  it('says why it cannot judge yet: no run, warm-up, or theory that comes at the end', () => {
    expect(judgeCheck(check({ below: 1 }), { snapshot: null, report: null, nodeIndex })).toMatchObject({ state: 'pending', why: 'run' });
    expect(judgeCheck(check({ below: 1 }), { snapshot: warming, report: null, nodeIndex })).toMatchObject({ state: 'pending', why: 'warmup' });
    expect(judgeCheck(check({ metric: 'node:server.speedup', above: 1 }), { snapshot: live, report: null, nodeIndex })).toMatchObject({ state: 'pending', why: 'end' });
  });

  it('reads the same whole-run figure from the last snapshot and from the report', () => {
    const fromLive = judgeCheck(check({ metric: 'node:server.utilization', above: 0 }), { snapshot: live, report: null, nodeIndex });
    const fromReport = judgeCheck(check({ metric: 'node:server.utilization', above: 0 }), atEnd());
    expect(fromLive.value).toBeCloseTo(fromReport.value ?? Number.NaN, 9);
  });

  it('passes "below" and "above" strictly', () => {
    const mean = report.totals.latency.mean;
    expect(judgeCheck(check({ below: mean * 1.01 }), atEnd()).state).toBe('pass');
    expect(judgeCheck(check({ below: mean }), atEnd()).state).toBe('fail');
    expect(judgeCheck(check({ above: mean }), atEnd()).state).toBe('fail');
  });

  it('compares with theory in percent or in points', () => {
    // M/M/4 at ρ = 0.8: Erlang C gives a mean response of 0.175 s; about 5,800 measured requests of a fixed seed land within 10%.
    const verdict = judgeCheck(check({ withinOf: 'theory', percent: 10 }), atEnd());
    expect(verdict).toMatchObject({ state: 'pass' });
    expect(verdict.reference).toBeCloseTo(0.1746, 3);
    expect(judgeCheck(check({ withinOf: 'theory', percent: 0.1 }), atEnd()).state).toBe('fail');
    // Utilization 0.8 in theory; within 5 points (0.05) over 200 s.
    expect(judgeCheck(check({ metric: 'node:server.utilization', withinOf: 'theory', points: 5 }), atEnd())).toMatchObject({ state: 'pass', reference: 0.8 });
    expect(judgeCheck(check({ metric: 'node:server.utilization', withinOf: 0.5, points: 5 }), atEnd()).state).toBe('fail');
  });
});

describe('a registry\'s stale calls', () => {
  // The discovery example to 90 s: every service scales in at 60 s, and the client-side copy still names the two instances that left.
  let stale: { live: LiveSnapshot; report: Report };
  const registryIndex = { 'registry-client': 1, 'registry-server': 7 };

  beforeAll(() => {
    const sim = createSimulation({ ...loadExample('discovery-scale-in.json'), duration: 90 });
    sim.runUntil(90);
    stale = { live: sim.snapshot(), report: sim.report() };
  });

  it('reads the same whole-run count from the last snapshot and from the report', () => {
    const metric = 'node:registry-client.staleCalls';
    const fromLive = judgeCheck(check({ metric, above: 0 }), { snapshot: stale.live, report: null, nodeIndex: registryIndex });
    const fromReport = judgeCheck(check({ metric, above: 0 }), { snapshot: stale.live, report: stale.report, nodeIndex: registryIndex });
    expect(fromLive).toMatchObject({ state: 'pass' });
    expect(fromReport.value).toBe(fromLive.value);
    expect(fromReport.value).toBe(stale.report.nodes.find((n) => n.id === 'registry-client')?.registry?.staleCalls);
  });

  it('counts none for server-side discovery, which routes with the live list', () => {
    const verdict = judgeCheck(check({ metric: 'node:registry-server.staleCalls', below: 1 }), { snapshot: stale.live, report: stale.report, nodeIndex: registryIndex });
    expect(verdict).toMatchObject({ state: 'pass', value: 0 });
  });
});
