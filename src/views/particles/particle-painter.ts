/**
 * The particle overlay's drawing loop, for a worker that owns the canvas:
 * the page posts particle batches, the scene when it changes, the canvas
 * size and resets; this draws every animation frame while particles are on
 * their way. At full speed the page's main thread then spends nothing per
 * frame on particles, and they move smoothly even while it lays out charts.
 */
import type { ParticleDelivery } from '../../store/metrics-slice';
import { MAX_LIVE_PARTICLES, ParticlePool } from './particle-pool';
import { createParticleRenderer, type ParticleRenderer, type ParticleScene } from './particle-renderer';
import type { SceneSnapshot } from './particle-scene';

/** A batch as the page posts it; the painter stamps its own arrival time (worker and page clocks differ). */
export type PainterDelivery = Omit<ParticleDelivery, 'receivedAt'>;

/** What the page tells the painter. */
export type PainterMessage =
  | { type: 'canvas'; canvas: OffscreenCanvas; width: number; height: number }
  | { type: 'resize'; width: number; height: number }
  | { type: 'scene'; scene: SceneSnapshot }
  | { type: 'particles'; delivery: PainterDelivery }
  | { type: 'clear' }
  /** The page asks for the current frame (an export); the painter answers through `host.snapshot` with the same `id`. */
  | { type: 'snapshot'; id: number };

/** What the painter tells the page, a few times a second: for the frame-time measurement and the e2e tests. */
export interface PainterStats {
  /** Particles drawn in the latest frame. */
  drawn: number;
  /** Particles on their way. */
  particles: number;
}

/** The worker's side of the world: its frame clock and the way back to the page. */
export interface PainterHost {
  requestFrame(draw: () => void): void;
  now(): number;
  report(stats: PainterStats): void;
  /** Hands the page the canvas as drawn now (null before the page gave one). */
  snapshot?(id: number, canvas: OffscreenCanvas | null): void;
}

/** Stats go to the page at most this often (ms). */
const REPORT_MS = 200;

/** A painter that draws on the canvas it is handed; feed it the page's messages. */
export function createParticlePainter(host: PainterHost, capacity = MAX_LIVE_PARTICLES): { handle(message: PainterMessage): void } {
  const pool = new ParticlePool(capacity);
  let snapshot: SceneSnapshot = { transform: [0, 0, 1], links: [] };
  const scene: ParticleScene = { linkPath: (index) => snapshot.links[index] ?? null, transform: () => snapshot.transform };
  let renderer: ParticleRenderer | null = null;
  let canvas: OffscreenCanvas | null = null;
  let awake = false;
  let lastReport = Number.NEGATIVE_INFINITY;
  let reported: PainterStats = { drawn: -1, particles: -1 };

  const report = (stats: PainterStats, now: number, force: boolean) => {
    if (stats.drawn === reported.drawn && stats.particles === reported.particles) return;
    if (!force && now - lastReport < REPORT_MS) return;
    reported = stats;
    lastReport = now;
    host.report(stats);
  };

  const frame = () => {
    awake = false;
    if (!renderer) return;
    const now = host.now();
    const drawn = renderer.draw(now, pool);
    // Keep animating while anything is on its way; sleep (after saying so) when the pool is empty.
    const empty = pool.size === 0;
    report({ drawn, particles: pool.size }, now, empty);
    if (!empty) wake();
  };

  function wake(): void {
    if (awake || !renderer) return;
    awake = true;
    host.requestFrame(frame);
  }

  return {
    handle(message) {
      switch (message.type) {
        case 'canvas':
          canvas = message.canvas;
          renderer = createParticleRenderer(message.canvas, scene);
          renderer.resize(message.width, message.height);
          break;
        case 'resize':
          renderer?.resize(message.width, message.height);
          break;
        case 'scene':
          snapshot = message.scene;
          break;
        case 'particles':
          pool.add({ ...message.delivery, receivedAt: host.now() });
          break;
        case 'clear':
          pool.clear();
          break;
        case 'snapshot':
          // The frame already on the canvas: drawing anew would move the particles on from what the page shows.
          host.snapshot?.(message.id, canvas);
          return;
      }
      wake();
    },
  };
}
