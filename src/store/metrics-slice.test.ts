import { beforeEach, describe, expect, it } from 'vitest';
import type { WindowSample } from '../engine/types';
import { starterScenario } from '../scenario/starter';
import type { Frame } from '../worker/protocol';
import { NO_FAILURES } from '../worker/testing/fake-simulation';
import { type AppStore, createAppStore } from './index';

let store: AppStore;
const state = () => store.getState();

const win = (start: number): WindowSample => ({ start, end: start + 1, completed: 1, failed: 0, throughput: 1, p50: 0, p95: 0, p99: 0, nodes: [] });

function frame(epoch: number, now: number, extra: Partial<Frame> = {}): Frame {
  return {
    epoch,
    now,
    simFrom: now - 1,
    wallSpan: 16,
    status: 'running',
    snapshot: { now, events: 0, sent: 0, completed: 0, failed: 0, failures: NO_FAILURES, inFlight: 0, retries: 0, nodes: [] },
    windows: [win(now - 1)],
    particles: { link: Uint32Array.of(0), depart: Float64Array.of(now - 1), arrive: Float64Array.of(now), outcome: Uint8Array.of(0), reverse: Uint8Array.of(0) },
    sampleEvery: 1,
    report: null,
    error: null,
    ...extra,
  };
}

beforeEach(() => {
  store = createAppStore(starterScenario());
  state().startMetrics(1, [], []);
  store.setState({ runStatus: 'running' });
});

describe('metrics slice', () => {
  it('holds figures back between commits but loses no window, and streams every particle batch at once', () => {
    const batches: number[] = [];
    state().particles.subscribe((d) => batches.push(d.simTo));
    state().applyFrame(frame(1, 1));
    state().applyFrame(frame(1, 2));
    state().applyFrame(frame(1, 3));
    expect(batches).toEqual([1, 2, 3]);
    // The first frame went straight in; the next two wait for the throttle.
    expect(state().simTime).toBe(1);
    state().flushMetrics();
    expect(state().simTime).toBe(3);
    expect(state().windows.map((w) => w.start)).toEqual([0, 1, 2]);
  });

  it('commits at once what a person acts on: the end of the run with its report', () => {
    state().applyFrame(frame(1, 1));
    const report = { totals: { completed: 9 } } as unknown as NonNullable<Frame['report']>;
    state().applyFrame(frame(1, 2, { status: 'finished', report }));
    expect(state().runStatus).toBe('finished');
    expect(state().report).toBe(report);
    expect(state().windows).toHaveLength(2);
  });

  it('ignores frames of an older run and starts afresh on a newer one', () => {
    state().applyFrame(frame(1, 1));
    state().applyFrame(frame(0, 5));
    state().flushMetrics();
    expect(state().simTime).toBe(1);
    state().applyFrame(frame(2, 1, { status: 'paused' }));
    expect(state().metricsEpoch).toBe(2);
    expect(state().windows.map((w) => w.start)).toEqual([0]);
  });

  it('measures the speed the run achieves, and forgets it when the run stops', () => {
    // Each frame: one simulated second in 16 wall milliseconds.
    state().applyFrame(frame(1, 1));
    expect(state().achievedSpeed).toBeCloseTo(62.5);
    state().applyFrame(frame(1, 2, { status: 'paused' }));
    expect(state().achievedSpeed).toBe(0);
  });

  it('keeps one balancer sample per moment with the targets of every balancer, and forgets them on a new run', () => {
    const lb = { busy: 0, queueLength: 0, inSystem: 0, workers: 0, targets: [{ id: 's1', link: 'l1', routed: 3, share: 1, open: 1, eligible: true, out: '' as const }] };
    const plain = { busy: 0, queueLength: 0, inSystem: 0, workers: 1 };
    const at = (now: number) => frame(1, now, { snapshot: { ...frame(1, now).snapshot, nodes: [plain, lb] } });
    state().applyFrame(at(1));
    state().flushMetrics();
    state().applyFrame(at(1));
    state().flushMetrics();
    state().applyFrame(at(2));
    state().flushMetrics();
    expect(state().balancerSamples.map((s) => s.time)).toEqual([1, 2]);
    expect(state().balancerSamples[0]?.targets).toEqual([null, lb.targets]);
    expect(state().balancerSamples[0]?.down).toEqual([false, false]);
    state().startMetrics(2, [], []);
    expect(state().balancerSamples).toEqual([]);
  });
});

describe('the engine limit', () => {
  const limited = (epoch: number, now: number, engineLimit: number) => {
    const f = frame(epoch, now);
    return { ...f, snapshot: { ...f.snapshot, failed: engineLimit, failures: { ...NO_FAILURES, engineLimit } } };
  };

  it('is told once a run, as a warning that says what happened and what to change', () => {
    state().applyFrame(frame(1, 1));
    expect(state().messages).toEqual([]);
    state().applyFrame(limited(1, 2, 5000));
    state().flushMetrics();
    state().applyFrame(limited(1, 3, 9000));
    state().flushMetrics();
    expect(state().messages).toHaveLength(1);
    expect(state().messages[0]).toMatchObject({ tone: 'warning', title: 'The engine limit was reached.' });
    expect(state().messages[0]?.details?.[0]).toMatch(/^The engine limit was reached: 5,000 requests failed with "engine limit" because more than 211,968 were alive at once.*Lower the clients' rates, or bound the queues/);
    // A new run that reaches it again is told again (the message replaces the old one).
    const first = state().messages[0]?.id;
    state().applyFrame(limited(2, 1, 10));
    expect(state().messages).toHaveLength(1);
    expect(state().messages[0]?.id).not.toBe(first);
    expect(state().messages[0]?.details?.[0]).toMatch(/^The engine limit was reached: 10 requests failed/);
  });
});
