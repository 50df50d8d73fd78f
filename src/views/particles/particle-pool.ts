/**
 * The particles on screen, as parallel typed arrays (no object per particle,
 * so 5,000 of them cost no garbage). Each batch from the worker is replayed
 * over the wall time it took to simulate, so motion stays smooth between
 * frames; each hop is shown for its simulated duration at the current speed,
 * stretched to stay visible (see particleLifetimeMs).
 */
import type { ParticleDelivery } from '../../store/metrics-slice';
import { Outcome } from '../../engine/types';
import { particleLifetimeMs } from '../../worker/protocol';

/** Particles kept on screen at most; the worker samples requests to stay under it. */
export const MAX_LIVE_PARTICLES = 5000;

/** Colour classes of particles, in legend order. */
export const PARTICLE_KINDS = ['request', 'ok', 'error', 'dropped', 'timedOut', 'probe'] as const;
export type ParticleKind = (typeof PARTICLE_KINDS)[number];

/** Engine outcome code → index into PARTICLE_KINDS; any other failure code draws as an error. */
const KIND_OF_OUTCOME: number[] = [];
KIND_OF_OUTCOME[Outcome.request] = PARTICLE_KINDS.indexOf('request');
KIND_OF_OUTCOME[Outcome.ok] = PARTICLE_KINDS.indexOf('ok');
KIND_OF_OUTCOME[Outcome.queueFull] = PARTICLE_KINDS.indexOf('dropped');
KIND_OF_OUTCOME[Outcome.timeout] = PARTICLE_KINDS.indexOf('timedOut');
// A balancer's health probe on its way out (its answer travels back as ok or an error).
KIND_OF_OUTCOME[Outcome.probe] = PARTICLE_KINDS.indexOf('probe');
const ERROR_KIND = PARTICLE_KINDS.indexOf('error');

export class ParticlePool {
  readonly link: Uint32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly kind: Uint8Array;
  readonly reverse: Uint8Array;
  size = 0;
  private epoch = -1;

  constructor(readonly capacity: number) {
    this.link = new Uint32Array(capacity);
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.reverse = new Uint8Array(capacity);
  }

  /** Adds a batch; a batch from a new run (epoch) first clears the old run's particles. */
  add(delivery: ParticleDelivery): void {
    if (delivery.epoch !== this.epoch) {
      this.epoch = delivery.epoch;
      this.size = 0;
    }
    const { batch, simFrom, simTo, wallSpan, receivedAt } = delivery;
    const simSpan = simTo - simFrom;
    if (simSpan <= 0) return;
    const speed = wallSpan > 0 ? simSpan / (wallSpan / 1000) : Number.POSITIVE_INFINITY;
    const n = batch.link.length;
    for (let i = 0; i < n && this.size < this.capacity; i++) {
      const depart = batch.depart[i]!;
      const arrive = batch.arrive[i]!;
      const into = Math.min(1, Math.max(0, (depart - simFrom) / simSpan));
      const j = this.size++;
      this.link[j] = batch.link[i]!;
      this.start[j] = receivedAt + into * wallSpan;
      this.end[j] = this.start[j]! + particleLifetimeMs(arrive - depart, speed);
      this.kind[j] = KIND_OF_OUTCOME[batch.outcome[i]!] ?? ERROR_KIND;
      this.reverse[j] = batch.reverse[i]!;
    }
  }

  /**
   * Drops particles that have arrived by `now` and calls `visit` for each one
   * on its way, with its progress along the link from its start (0..1).
   */
  sweep(now: number, visit: (index: number, progress: number) => void): void {
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const end = this.end[i]!;
      if (end <= now) continue;
      if (kept !== i) this.move(i, kept);
      const start = this.start[kept]!;
      if (start <= now) {
        const t = (now - start) / (end - start);
        visit(kept, this.reverse[kept] ? 1 - t : t);
      }
      kept++;
    }
    this.size = kept;
  }

  clear(): void {
    this.size = 0;
  }

  private move(from: number, to: number): void {
    this.link[to] = this.link[from]!;
    this.start[to] = this.start[from]!;
    this.end[to] = this.end[from]!;
    this.kind[to] = this.kind[from]!;
    this.reverse[to] = this.reverse[from]!;
  }
}
