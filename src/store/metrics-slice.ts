import type { StateCreator } from 'zustand';
import type { LiveSnapshot, Report, WindowSample } from '../engine/types';
import { engineLimitAdvice } from '../scenario/engine-limits';
import type { Frame, ParticleBatch, RunLayout } from '../worker/protocol';
import { type BalancerSample, withBalancerSample } from './balancer-samples';
import type { AppState } from './types';

/** Windows kept for the charts: an hour of simulated time at the default 1 s window. */
const MAX_WINDOWS = 3600;
/**
 * Figures reach the store at most this often (ms). Particles still go out on
 * every frame; numbers read by people need no more than ~15 updates a second,
 * and each store update wakes every subscriber.
 */
export const METRICS_COMMIT_MS = 66;

export { type BalancerSample, MAX_BALANCER_SAMPLES, withBalancerSample } from './balancer-samples';

/** A batch of particles as it reached the page, with what the overlay needs to pace it. */
export interface ParticleDelivery {
  batch: ParticleBatch;
  epoch: number;
  /** Simulated interval the batch covers, and the wall milliseconds it took. */
  simFrom: number;
  simTo: number;
  wallSpan: number;
  /** performance.now() when the page received it. */
  receivedAt: number;
  sampleEvery: number;
}

/**
 * Particles are a stream, not state: each batch is drawn once by the overlay,
 * so they bypass the store's state (and React) through this small feed.
 */
export class ParticleFeed {
  private readonly listeners = new Set<(delivery: ParticleDelivery) => void>();

  /** Calls `listener` with every batch from now on; returns the unsubscribe function. */
  subscribe(listener: (delivery: ParticleDelivery) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(delivery: ParticleDelivery): void {
    for (const listener of this.listeners) listener(delivery);
  }
}

export interface MetricsSlice {
  /** Run the figures belong to; grows on every load and reset. */
  metricsEpoch: number;
  /** Simulated seconds reached. */
  simTime: number;
  snapshot: LiveSnapshot | null;
  /** Closed metrics windows, oldest first (a new array whenever one is added). */
  windows: WindowSample[];
  /** The final report, once the run reached its duration. */
  report: Report | null;
  /** Load balancers' targets over time, oldest first (a new array on every commit that adds one). */
  balancerSamples: BalancerSample[];
  /** One in `sampleEvery` requests is drawn as a particle. */
  sampleEvery: number;
  /** Simulated seconds per wall second actually achieved lately (smoothed); 0 when not running. */
  achievedSpeed: number;
  /** Where each node id sits in the run's scenario (engine figures are in scenario order). */
  nodeIndex: Readonly<Record<string, number>>;
  /** Where each link id sits in the run's scenario (particles name links by index). */
  linkIds: readonly string[];
  /** Node id of each figure's position (live edits append nodes: see RunLayout). */
  runNodeIds: readonly string[];
  /** Sender and receiver of each link number, so particles are drawn only on links that still join them. */
  linkEnds: readonly { from: string; to: string }[];
  particles: ParticleFeed;
  /** Takes one frame from the worker. Charts and the overlay read the result through `subscribe`. */
  applyFrame(frame: Frame, receivedAt?: number): void;
  /** Puts figures still held back by the commit throttle into the store now. */
  flushMetrics(): void;
  /** Forgets the figures and remembers which scenario the next frames describe. */
  startMetrics(epoch: number, nodeIds: readonly string[], linkIds: readonly string[], linkEnds?: readonly { from: string; to: string }[]): void;
  /** A live edit changed which node or link each number is. */
  applyLayout(layout: RunLayout): void;
}

/** Live figures of the current run. Updated up to 60 times a second: read it with `useAppStore.subscribe`, not hooks. */
export const createMetricsSlice: StateCreator<AppState, [], [], MetricsSlice> = (set, get) => {
  // Frames not yet committed to the store: the latest one, and every window they carried.
  let latest: Frame | null = null;
  let pendingWindows: WindowSample[] = [];
  let pendingReport: Report | null = null;
  let lastCommit = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let achieved = 0;
  // The run whose engine limit the page has already told about: once per run is enough.
  let engineLimitToldFor = -1;

  /** The first time a run's requests fail with "engine limit", a message says so and what to change. */
  const tellEngineLimit = (frame: Frame) => {
    const failed = frame.snapshot.failures.engineLimit ?? 0;
    if (failed === 0 || engineLimitToldFor === frame.epoch) return;
    engineLimitToldFor = frame.epoch;
    const hopLimit = (get().runScenario ?? get().scenario).hopLimit;
    get().notify({ tone: 'warning', title: 'The engine limit was reached.', details: [engineLimitAdvice(failed, hopLimit)] });
  };

  const commit = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const frame = latest;
    if (!frame) return;
    latest = null;
    const state = get();
    const fresh = frame.epoch > state.metricsEpoch;
    const previous = fresh ? [] : state.windows;
    const windows = pendingWindows.length > 0 ? [...previous, ...pendingWindows].slice(-MAX_WINDOWS) : previous;
    const balancerSamples = withBalancerSample(fresh ? [] : state.balancerSamples, frame.snapshot);
    set({
      balancerSamples,
      metricsEpoch: frame.epoch,
      simTime: frame.now,
      snapshot: frame.snapshot,
      windows,
      report: pendingReport ?? (fresh ? null : state.report),
      sampleEvery: frame.sampleEvery,
      achievedSpeed: frame.status === 'running' ? achieved : 0,
      runStatus: frame.status,
      runError: frame.error,
    });
    pendingWindows = [];
    pendingReport = null;
    lastCommit = performance.now();
    tellEngineLimit(frame);
  };

  const forget = () => {
    achieved = 0;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    latest = null;
    pendingWindows = [];
    pendingReport = null;
  };

  return {
    metricsEpoch: 0,
    simTime: 0,
    snapshot: null,
    windows: [],
    report: null,
    balancerSamples: [],
    sampleEvery: 1,
    achievedSpeed: 0,
    nodeIndex: {},
    linkIds: [],
    runNodeIds: [],
    linkEnds: [],
    particles: new ParticleFeed(),

    applyLayout: (layout) => set({ nodeIndex: layout.nodeIndex, linkIds: layout.linkIds, runNodeIds: layout.nodeIds, linkEnds: layout.linkEnds }),

    flushMetrics: () => commit(),

    startMetrics: (epoch, nodeIds, linkIds, linkEnds = []) => {
      forget();
      set({
        metricsEpoch: epoch,
        simTime: 0,
        snapshot: null,
        windows: [],
        report: null,
        balancerSamples: [],
        sampleEvery: 1,
        nodeIndex: Object.fromEntries(nodeIds.map((id, i) => [id, i])),
        linkIds,
        runNodeIds: nodeIds,
        linkEnds,
      });
    },

    applyFrame: (frame, receivedAt = performance.now()) => {
      const state = get();
      // A frame from before the latest load or reset describes a run nobody is looking at.
      if (frame.epoch < state.metricsEpoch || (latest !== null && frame.epoch < latest.epoch)) return;
      if (latest !== null && frame.epoch > latest.epoch) forget();
      latest = frame;
      if (frame.layout && frame.epoch >= state.metricsEpoch) state.applyLayout(frame.layout);
      pendingWindows.push(...frame.windows);
      if (frame.status === 'running' && frame.wallSpan > 0 && frame.now > frame.simFrom) {
        const speed = (frame.now - frame.simFrom) / (frame.wallSpan / 1000);
        // Smoothed over ~20 frames: one slow frame should not make the label jump.
        achieved = achieved === 0 ? speed : achieved * 0.95 + speed * 0.05;
      }
      if (frame.report) pendingReport = frame.report;
      // Changes a person acts on (status, the end, an error, a new run) go out at once.
      const urgent = frame.epoch !== state.metricsEpoch || frame.status !== state.runStatus || frame.report !== null || frame.error !== state.runError;
      const wait = METRICS_COMMIT_MS - (performance.now() - lastCommit);
      if (urgent || wait <= 0) commit();
      else timer ??= setTimeout(commit, wait);
      if (frame.particles.link.length > 0) {
        state.particles.publish({
          batch: frame.particles,
          epoch: frame.epoch,
          simFrom: frame.simFrom,
          simTo: frame.now,
          wallSpan: frame.wallSpan,
          receivedAt,
          sampleEvery: frame.sampleEvery,
        });
      }
    },
  };
};

