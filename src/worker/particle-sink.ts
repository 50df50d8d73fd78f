/**
 * A TraceSink that keeps a random sample of link traversals in typed arrays,
 * so the page can draw them as particles. The sampling rate adapts so that
 * about `maxLive` particles are on screen at once, whatever the speed.
 */
import type { OutcomeCode, TraceSink } from '../engine/types';
import { type ParticleBatch, particleLifetimeMs } from './protocol';

/**
 * The sampling rate for a wanted ratio `x`: a whole number at or above it
 * with at most two significant digits, so the label reads "1 in 260", not
 * "1 in 257", while the screen still gets at least ~90 % of its particle budget.
 */
export function niceCeil(x: number): number {
  if (x <= 1) return 1;
  const whole = Math.ceil(x - 1e-9);
  if (whole < 100) return whole;
  const unit = 10 ** (Math.floor(Math.log10(whole)) - 1);
  return Math.ceil(whole / unit) * unit;
}


export class ParticleSink implements TraceSink {
  /** One hop in `sampleEvery` is kept. */
  sampleEvery = 1;
  private readonly capacity: number;
  private readonly link: Uint32Array;
  private readonly depart: Float64Array;
  private readonly arrive: Float64Array;
  private readonly outcome: Uint8Array;
  private readonly reverse: Uint8Array;
  private kept = 0;
  /** Hops seen since the last retune, and their summed simulated duration. */
  private seen = 0;
  private seenSimSeconds = 0;
  /** xorshift32 state: sampling must not follow the path's rhythm (every 4th hop could be the same link). */
  private random = 0x9e3779b9;

  constructor(readonly maxLive: number) {
    // A frame rarely holds more than the live budget; the rest waits for the next frame's sample.
    this.capacity = maxLive;
    this.link = new Uint32Array(maxLive);
    this.depart = new Float64Array(maxLive);
    this.arrive = new Float64Array(maxLive);
    this.outcome = new Uint8Array(maxLive);
    this.reverse = new Uint8Array(maxLive);
  }

  hop(link: number, depart: number, arrive: number, outcome: OutcomeCode, reverse: boolean): void {
    this.seen++;
    this.seenSimSeconds += arrive - depart;
    if (this.sampleEvery > 1 && this.nextUnit() * this.sampleEvery >= 1) return;
    if (this.kept >= this.capacity) return;
    const i = this.kept++;
    this.link[i] = link;
    this.depart[i] = depart;
    this.arrive[i] = arrive;
    this.outcome[i] = outcome;
    this.reverse[i] = reverse ? 1 : 0;
  }

  /** Particles kept since the last call, in fresh arrays the caller may transfer. */
  take(): ParticleBatch {
    const n = this.kept;
    this.kept = 0;
    return {
      link: this.link.slice(0, n),
      depart: this.depart.slice(0, n),
      arrive: this.arrive.slice(0, n),
      outcome: this.outcome.slice(0, n),
      reverse: this.reverse.slice(0, n),
    };
  }

  /**
   * Chooses the sampling rate for what comes next from what was seen over the
   * last `wallMs` at `speed`: expected live particles = hops per wall ms ×
   * lifetime on screen / sampleEvery, kept under `maxLive`.
   */
  retune(wallMs: number, speed: number): void {
    if (wallMs <= 0 || this.seen === 0) return;
    const lifetimeMs = particleLifetimeMs(this.seenSimSeconds / this.seen, speed);
    const liveIfAll = (this.seen / wallMs) * lifetimeMs;
    const wanted = niceCeil(liveIfAll / this.maxLive);
    // Change only on a clear difference (or to stay in budget), so the label does not flicker between neighbours.
    if (wanted > this.sampleEvery || wanted * 1.5 < this.sampleEvery) this.sampleEvery = wanted;
    this.seen = 0;
    this.seenSimSeconds = 0;
  }

  /** Forgets every kept particle and the rate (a new run). */
  clear(): void {
    this.kept = 0;
    this.seen = 0;
    this.seenSimSeconds = 0;
    this.sampleEvery = 1;
  }

  private nextUnit(): number {
    let x = this.random;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.random = x >>> 0;
    return this.random / 4294967296;
  }
}
