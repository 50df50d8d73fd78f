/**
 * Draws the particle pool on a canvas by writing pixels into one ImageData
 * and putting it once per frame. Canvas paths cost ~20 ms for 5,000 dots
 * where the canvas is rastered in software (headless Chromium, many
 * laptops without GPU raster); stamping pixels costs ~2 ms.
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

/** Particle radius in screen pixels; a little larger when zoomed in. */
export const particleRadius = (zoom: number) => Math.min(4, Math.max(1.5, 2.5 * zoom));

export interface ParticleRenderer {
  /** Draws the particles alive at `now` (wall ms) and returns how many were drawn. */
  draw(now: number, pool: ParticlePool): number;
  /** The canvas's size in CSS pixels (it is drawn at one canvas pixel per CSS pixel). */
  resize(width: number, height: number): void;
}

/** "#0072B2" → 0xffb27200: one opaque pixel as a little-endian RGBA word. */
export function pixelWord(hex: string): number {
  const v = Number.parseInt(hex.slice(1), 16);
  return (0xff000000 | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff)) >>> 0;
}

const WORDS = PARTICLE_KINDS.map((kind) => pixelWord(PARTICLE_COLORS[kind]));

/** Pixel offsets of a filled disc of radius `r`, as [dx0, dy0, dx1, dy1, …]. */
export function discOffsets(r: number): Int32Array {
  const offsets: number[] = [];
  const reach = Math.ceil(r);
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) if (dx * dx + dy * dy <= r * r + 0.5) offsets.push(dx, dy);
  }
  return Int32Array.from(offsets);
}

/** A renderer for `canvas`; it keeps its pixel buffer between frames. */
export function createParticleRenderer(canvas: HTMLCanvasElement, scene: ParticleScene): ParticleRenderer {
  const context = canvas.getContext('2d');
  let width = 0;
  let height = 0;
  let image: ImageData | null = null;
  let pixels = new Uint32Array(0);
  let stampRadius = -1;
  let stamp: Int32Array = new Int32Array(0);
  const point = new Float64Array(4);

  return {
    resize(w, h) {
      width = Math.max(1, Math.round(w));
      height = Math.max(1, Math.round(h));
      canvas.width = width;
      canvas.height = height;
      image = context ? context.createImageData(width, height) : null;
      pixels = image ? new Uint32Array(image.data.buffer) : new Uint32Array(0);
    },

    draw(now, pool) {
      if (!context || !image) return 0;
      scene.beginFrame?.();
      const [tx, ty, zoom] = scene.transform();
      const r = particleRadius(zoom);
      if (r !== stampRadius) {
        stampRadius = r;
        stamp = discOffsets(r);
      }
      // Requests and responses travel in two lanes, one each side of the link, so neither hides the other.
      const lane = r + 0.5;
      const reach = Math.ceil(r);
      pixels.fill(0);
      let drawn = 0;
      pool.sweep(now, (i, progress) => {
        const path = scene.linkPath(pool.link[i]!);
        if (!path) return;
        pointAt(path, progress, point);
        const side = pool.reverse[i] ? lane : -lane;
        const x = Math.round(point[0]! * zoom + tx - point[3]! * side);
        const y = Math.round(point[1]! * zoom + ty + point[2]! * side);
        if (x < -reach || y < -reach || x >= width + reach || y >= height + reach) return;
        const word = WORDS[pool.kind[i]!]!;
        const inside = x >= reach && y >= reach && x < width - reach && y < height - reach;
        for (let k = 0; k < stamp.length; k += 2) {
          const px = x + stamp[k]!;
          const py = y + stamp[k + 1]!;
          if (inside || (px >= 0 && py >= 0 && px < width && py < height)) pixels[py * width + px] = word;
        }
        drawn++;
      });
      context.putImageData(image, 0, 0);
      return drawn;
    },
  };
}
