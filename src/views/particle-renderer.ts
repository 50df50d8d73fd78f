/**
 * Draws the particle pool on a canvas: one path per colour, so 5,000
 * particles cost five fills, not 5,000.
 */
import { type LinkPath, pointAt } from './link-geometry';
import { PARTICLE_KINDS, type ParticlePool } from './particle-pool';
import { COLORS } from './palette';

/** Particle colours, indexed like PARTICLE_KINDS. */
export const PARTICLE_COLORS: Record<(typeof PARTICLE_KINDS)[number], string> = {
  request: COLORS.blue,
  ok: COLORS.green,
  error: COLORS.vermillion,
  dropped: COLORS.orange,
  timedOut: COLORS.purple,
};

/** What the renderer needs to know about the canvas it draws over. */
export interface ParticleScene {
  /** Where link `index` runs, in flow coordinates; null when it is not on the canvas. */
  linkPath(index: number): LinkPath | null;
  /** The flow's viewport: screen = flow × zoom + offset. */
  transform(): readonly [number, number, number];
  /** Called once at the start of every draw, so geometry can be refreshed lazily. */
  beginFrame?(): void;
}

/** Above this many particles on screen, squares replace circles. */
const ROUND_DOTS_UP_TO = 1500;

/** Particle radius in screen pixels; a little larger when zoomed in. */
const radius = (zoom: number) => Math.min(4, Math.max(1.5, 2.5 * zoom));

export interface ParticleRenderer {
  /** Draws the particles alive at `now` (wall ms) and returns how many were drawn. */
  draw(now: number, pool: ParticlePool): number;
  resize(width: number, height: number, pixelRatio: number): void;
}

/** A renderer for `canvas`; it keeps its scratch buffers between frames. */
export function createParticleRenderer(canvas: HTMLCanvasElement, scene: ParticleScene): ParticleRenderer {
  const context = canvas.getContext('2d');
  let width = 0;
  let height = 0;
  let ratio = 1;
  let xs = new Float32Array(0);
  let ys = new Float32Array(0);
  let kinds = new Uint8Array(0);
  const point = new Float64Array(4);

  return {
    resize(w, h, pixelRatio) {
      width = w;
      height = h;
      ratio = pixelRatio;
      canvas.width = Math.max(1, Math.round(w * pixelRatio));
      canvas.height = Math.max(1, Math.round(h * pixelRatio));
    },

    draw(now, pool) {
      if (!context) return 0;
      if (xs.length < pool.capacity) {
        xs = new Float32Array(pool.capacity);
        ys = new Float32Array(pool.capacity);
        kinds = new Uint8Array(pool.capacity);
      }
      scene.beginFrame?.();
      const [tx, ty, zoom] = scene.transform();
      const r = radius(zoom);
      // Requests and responses travel in two lanes, one each side of the link, so neither hides the other.
      const lane = r + 0.5;
      let n = 0;
      pool.sweep(now, (i, progress) => {
        const path = scene.linkPath(pool.link[i]!);
        if (!path) return;
        pointAt(path, progress, point);
        const side = pool.reverse[i] ? lane : -lane;
        const x = point[0]! * zoom + tx - point[3]! * side;
        const y = point[1]! * zoom + ty + point[2]! * side;
        if (x < -8 || y < -8 || x > width + 8 || y > height + 8) return;
        xs[n] = x;
        ys[n] = y;
        kinds[n] = pool.kind[i]!;
        n++;
      });

      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      // Round dots while few are on screen; squares past that, which cost a fraction of an arc each.
      const round = n <= ROUND_DOTS_UP_TO;
      PARTICLE_KINDS.forEach((kind, k) => {
        context.beginPath();
        for (let i = 0; i < n; i++) {
          if (kinds[i] !== k) continue;
          if (round) {
            context.moveTo(xs[i]! + r, ys[i]!);
            context.arc(xs[i]!, ys[i]!, r, 0, Math.PI * 2);
          } else {
            context.rect(xs[i]! - r, ys[i]! - r, 2 * r, 2 * r);
          }
        }
        context.fillStyle = PARTICLE_COLORS[kind];
        context.fill();
      });
      return n;
    },
  };
}
