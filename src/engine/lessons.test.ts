import { beforeAll, describe, expect, it } from 'vitest';
import { lessonScenarioProblems } from '../scenario/lesson-parse';
import { LESSON_CONCEPTS } from '../scenario/lesson-schema';
import { finalVerdicts, lessonFiles, loadLesson, runLesson, withEveryTry, withTries } from './testing/lessons';
import { loadExample, nodeOf } from './testing/examples';
import { createSimulation } from './simulation';
import type { Report } from './types';

/*
 * Each lesson driven headless through the engine, so none can rot
 * silently: before its "try this" buttons at least one of the last step's
 * checks fails, and with every button pressed in order all of them pass.
 * The checks are judged by the function the lesson panel uses. The figures
 * a lesson's narration states about its own run are held here too.
 */

const files = lessonFiles();

describe('the lessons folder', () => {
  it('has a lesson for every concept section', () => {
    const taught = new Set(files.map((file) => loadLesson(file).lesson.concept));
    expect([...taught].sort()).toEqual(Object.keys(LESSON_CONCEPTS).sort());
  });

  it('names each file after its lesson', () => {
    for (const file of files) expect(`${loadLesson(file).lesson.id}.json`).toBe(file);
  });
});

/**
 * What a lesson's narration says of its run before ("before") and after
 * ("after") its buttons, and in between (`afterTries(n)`: a run with the
 * first n buttons pressed); every lesson with a figure in its text has an entry.
 */
const STATED: Record<string, (before: Report, after: Report, afterTries: (count: number) => Report) => void> = {
  // "the servers stay nearly 100% busy, queues grow, and p99 passes half a second within the 30 s run."
  'scaling-out-vs-up': (before) => {
    expect(nodeOf(before, 'api').utilization).toBeGreaterThan(0.97);
    expect(before.totals.latency.p99).toBeGreaterThan(0.5);
  },
  // "every session app server 2 held is lost with it (67 here)"; the debrief: no shopper had to log in again.
  'stateless-vs-stateful': (before, after) => {
    expect(before.totals.sessions.lost).toBe(67);
    expect(before.totals.sessions.relogins).toBe(67);
    expect(after.totals.sessions.relogins).toBe(0);
  },
  // "the busiest runs near 90% busy while another has room to spare"; at L7 round robin is even again.
  'l4-vs-l7': (before, after) => {
    const busy = (report: Report) => ['app-1', 'app-2', 'app-3'].map((id) => nodeOf(report, id).utilization);
    expect(Math.max(...busy(before))).toBeGreaterThan(0.88);
    expect(Math.min(...busy(before))).toBeLessThan(0.7);
    expect(Math.max(...busy(after)) - Math.min(...busy(after))).toBeLessThan(0.05);
  },
  // "every server is 90% busy whatever the algorithm".
  'balancing-algorithms': (before, after) => {
    for (const report of [before, after]) {
      for (let i = 1; i <= 8; i++) expect(nodeOf(report, `server-${i}`).utilization).toBeCloseTo(0.9, 1);
    }
  },
  // "least connections sends it most of the traffic" from 20 s on: over half of the 20 s after the crash fails.
  'health-checks': (before) => {
    expect(before.totals.failed / before.totals.sent).toBeGreaterThan(0.25);
  },
  // Global bucket: "the service runs nearly full"; per tenant (the debrief) it is "about half busy".
  'api-gateway': (before, after) => {
    expect(nodeOf(before, 'api').utilization).toBeGreaterThan(0.95);
    expect(nodeOf(after, 'api').utilization).toBeCloseTo(0.5, 1);
  },
  // "throughput stops at 1 / 5 ms = 200 a second"; after the faster disk "about 4 cores / 8 ms = 500 a second".
  bottlenecks: (before, after) => {
    expect(before.totals.throughput).toBeCloseTo(200, -1);
    expect(after.totals.throughput / 500).toBeCloseTo(1, 1);
  },
  // "1 / (0.05 + 0.95 / 16) = 9.1 times faster"; with 64 workers "only to about 15.4".
  'amdahls-law': (before, after) => {
    expect(nodeOf(before, 'job').parallel?.speedup).toBeCloseTo(9.1, 1);
    expect(nodeOf(after, 'job').parallel?.speedup).toBeCloseTo(15.4, 1);
  },
  // "the sync users now wait seconds for their answers, while the async users still get theirs in milliseconds".
  'sync-vs-async': (_, after) => {
    expect(nodeOf(after, 'sync-backend').latency.p99).toBeGreaterThan(2);
    expect(nodeOf(after, 'async-api').latency.p99).toBeLessThan(0.05);
  },
  // "About 1,200 calls failed, a fifth of the run: 50 a second for the 24 s"; TTL 1 s: "only 31 calls fail … 59 times instead of 2";
  // server-side, the debrief: "here 1,208 failures", "a mean of 26 ms against 22 ms".
  'service-discovery': (before, after, afterTries) => {
    const registry = (report: Report) => nodeOf(report, 'registry').registry;
    expect(before.totals.failed).toBe(1208);
    expect(registry(before)?.staleCalls).toBe(1208);
    expect(before.totals.failed / before.totals.sent).toBeCloseTo(0.2, 2);
    const shortTtl = afterTries(1);
    expect(shortTtl.totals.failed).toBe(31);
    expect([registry(shortTtl)?.lookups, registry(before)?.lookups]).toEqual([59, 2]);
    expect(registry(after)?.staleCalls).toBe(0);
    expect(before.totals.latency.mean).toBeCloseTo(0.022, 3);
    expect(after.totals.latency.mean).toBeCloseTo(0.026, 3);
  },
  // "a p99 of 23 s"; with sidecars "opened at 20.5 s … (3,023 of them) … closed at 51 s"; "1 ms round trip through
  // API's sidecar and 2 ms more"; "about 0.04 of a core at API's sidecar and 0.02 at Payments'"; the debrief:
  // exactly the protection of the same policy in API's code, "for 3 ms more per request".
  'service-mesh': (before, after) => {
    expect(before.totals.latency.p99).toBeCloseTo(23, 0);
    const calls = nodeOf(after, 'api').calls?.find((c) => c.link === 'api-payments');
    const timeline = calls?.breaker?.timeline ?? [];
    expect(timeline.find((c) => c.state === 'open')?.time).toBeCloseTo(20.5, 1);
    expect(timeline.filter((c) => c.state === 'closed').at(-1)?.time).toBeCloseTo(51, 0);
    expect(calls?.circuitOpen).toBe(3023);
    const added = Object.fromEntries((after.mesh?.links ?? []).map((l) => [l.link, l.addedRoundTrip]));
    expect([added['users-api'], added['api-payments']]).toEqual([0.001, 0.002]);
    expect(nodeOf(after, 'api').sidecar?.cores).toBeCloseTo(0.04, 2);
    expect(nodeOf(after, 'payments').sidecar?.cores).toBeCloseTo(0.02, 2);
    const inCode = runLesson({ ...loadExample('breaker-opens-recovers.json'), duration: 60 });
    const codeCalls = nodeOf(inCode, 'api').calls?.find((c) => c.link === 'api-payments');
    expect(codeCalls?.breaker?.timeline.map((c) => c.state)).toEqual(timeline.map((c) => c.state));
    expect(codeCalls?.circuitOpen).toBe(3023);
    expect(after.totals.latency.mean - inCode.totals.latency.mean).toBeCloseTo(0.003, 9);
  },
  // "A third of the requests (2,392) failed"; tuned: "a second instance serves at 30 s and a third at 60 s … (584, 8%) all
  // come in the first 30 s"; the debrief: "350 instance-seconds against 310 without it (and 180 …)".
  autoscaling: (before, after, afterTries) => {
    const instances = (report: Report) => nodeOf(report, 'api').instances;
    expect(before.totals.failed).toBe(2392);
    expect(before.totals.failed / before.totals.sent).toBeCloseTo(1 / 3, 2);
    expect(instances(before)?.timeline.map((t) => [t.time, t.serving, t.starting])).toEqual([[60, 1, 1]]);
    const tuned = afterTries(1);
    expect(tuned.totals.failed).toBe(584);
    expect(tuned.totals.failed / tuned.totals.sent).toBeCloseTo(0.08, 2);
    const serving = (instances(tuned)?.timeline ?? []).filter((t) => t.starting === 0).map((t) => [t.time, t.serving]);
    expect(serving).toEqual([[30, 2], [60, 3]]);
    // All of them while the one instance is alone, in one-second windows.
    const { lesson, scenario } = loadLesson('autoscaling.json');
    const sim = createSimulation(withTries(lesson, scenario, 1), { window: 1 });
    sim.runUntil(scenario.duration);
    const windows = sim.windowsSince(0);
    expect(windows.filter((w) => w.end <= 30).reduce((sum, w) => sum + w.failed, 0)).toBe(584);
    expect([instances(after)?.instanceSeconds, instances(tuned)?.instanceSeconds, instances(before)?.instanceSeconds]).toEqual([350, 310, 180]);
  },
  // "About one request in eight failed with "too many connections" … a mean of 76 ms"; a pool of 4: "half the requests
  // fail with "pool timeout""; the debrief: the pool of 12 takes the 20 ms handshake off.
  'connection-pooling': (before, after, afterTries) => {
    expect(before.totals.failures.tooManyConnections / before.totals.sent).toBeCloseTo(1 / 8, 2);
    expect(before.totals.latency.mean).toBeCloseTo(0.076, 3);
    const small = afterTries(1);
    expect(small.totals.failures.poolTimeout / small.totals.sent).toBeCloseTo(0.5, 1);
    expect(after.totals.failed).toBe(0);
    expect((before.totals.latency.mean - after.totals.latency.mean) / 0.02).toBeCloseTo(1, 1);
  },
};

describe.each(files)('lesson %s', (file) => {
  let before: Report;
  let after: Report;
  let problems: string[];
  const { lesson, scenario } = loadLesson(file);

  beforeAll(() => {
    problems = lessonScenarioProblems(lesson, scenario);
    before = runLesson(scenario);
    after = runLesson(withEveryTry(lesson, scenario));
  });

  it('names only nodes and links its scenario has', () => {
    expect(problems).toEqual([]);
  });

  it('ends with checks, and one of them fails before the "try this" buttons', () => {
    const verdicts = finalVerdicts(lesson, before);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.map((c) => `${c.label}: ${c.verdict.state}`)).toContainEqual(expect.stringMatching(/: fail$/));
  });

  it('passes every check of its last step once every "try this" is applied', () => {
    const verdicts = finalVerdicts(lesson, after);
    expect(verdicts.length).toBeGreaterThan(0);
    // The label and the value read, for each check that does not pass.
    expect(verdicts.filter((c) => c.verdict.state !== 'pass').map((c) => `${c.label}: ${c.verdict.state} (${c.verdict.value})`)).toEqual([]);
  });

  const stated = STATED[lesson.id];
  if (stated) {
    it('shows the figures its narration states', () => stated(before, after, (count) => runLesson(withTries(lesson, scenario, count))));
  }
});
