/**
 * Draws the particle pool on a canvas. Few particles are drawn as round,
 * anti-aliased dots with canvas paths; many are stamped as pixels into one
 * ImageData put once per frame: where the canvas is rastered in software
 * (headless Chromium, laptops without GPU raster) paths cost ~20 ms for
 * 5,000 dots and stamping ~2 ms, while a full-canvas put costs more than a
 * few hundred paths.
 */
import { type LinkPath, pointAt } from './link-geometry';
import { PARTICLE_KINDS, type ParticlePool } from './particle-pool';
import { COLORS } from '../colors';

/** Particle colours, indexed like PARTICLE_KINDS. */
export const PARTICLE_COLORS: Record<(typeof PARTICLE_KINDS)[number], string> = {
  request: COLORS.blue,
  ok: COLORS.green,
  error: COLORS.vermillion,
  dropped: COLORS.orange,
  timedOut: COLORS.purple,
  probe: COLORS.grey,
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

/** Up to this many particles on screen, dots are drawn as paths; above it, stamped as pixels. */
const PATHS_UP_TO = 600;

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

/** A 2D context on the page's canvas, or on one handed to a worker. */
type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A renderer for `canvas` (on the page, or transferred to a worker); it keeps its pixel buffer between frames. */
export function createParticleRenderer(canvas: HTMLCanvasElement | OffscreenCanvas, scene: ParticleScene): ParticleRenderer {
  const context = canvas.getContext('2d') as Context2D | null;
  let width = 0;
  let height = 0;
  let image: ImageData | null = null;
  let pixels = new Uint32Array(0);
  let stampRadius = -1;
  let stamp: Int32Array = new Int32Array(0);
  const point = new Float64Array(4);
  // The box the last stamped frame wrote into the buffer (empty when right < left).
  let last = { left: 0, right: -1, top: 0, bottom: -1 };
  let wholeCanvasStale = true;
  // Screen positions and colours of this frame's particles.
  let xs = new Int32Array(0);
  let ys = new Int32Array(0);
  let kinds = new Uint8Array(0);

  return {
    resize(w, h) {
      width = Math.max(1, Math.round(w));
      height = Math.max(1, Math.round(h));
      canvas.width = width;
      canvas.height = height;
      image = context ? context.createImageData(width, height) : null;
      pixels = image ? new Uint32Array(image.data.buffer) : new Uint32Array(0);
      last = { left: 0, right: -1, top: 0, bottom: -1 };
      wholeCanvasStale = true;
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
      if (xs.length < pool.capacity) {
        xs = new Int32Array(pool.capacity);
        ys = new Int32Array(pool.capacity);
        kinds = new Uint8Array(pool.capacity);
      }
      // Requests and responses travel in two lanes, one each side of the link, so neither hides the other.
      const lane = r + 0.5;
      const reach = Math.ceil(r);
      let drawn = 0;
      pool.sweep(now, (i, progress) => {
        const path = scene.linkPath(pool.link[i]!);
        if (!path) return;
        pointAt(path, progress, point);
        const side = pool.reverse[i] ? lane : -lane;
        const x = Math.round(point[0]! * zoom + tx - point[3]! * side);
        const y = Math.round(point[1]! * zoom + ty + point[2]! * side);
        if (x < -reach || y < -reach || x >= width + reach || y >= height + reach) return;
        xs[drawn] = x;
        ys[drawn] = y;
        kinds[drawn] = pool.kind[i]!;
        drawn++;
      });
      if (drawn <= PATHS_UP_TO) drawPaths(context, drawn, r);
      else stampPixels(context, image, drawn, reach);
      return drawn;
    },
  };

  function drawPaths(context: Context2D, n: number, r: number): void {
    context.clearRect(0, 0, width, height);
    // Path dots may be anywhere: the next stamped frame must put the whole buffer.
    wholeCanvasStale = true;
    PARTICLE_KINDS.forEach((kind, k) => {
      context.beginPath();
      for (let i = 0; i < n; i++) {
        if (kinds[i] !== k) continue;
        context.moveTo(xs[i]! + r, ys[i]!);
        context.arc(xs[i]!, ys[i]!, r, 0, Math.PI * 2);
      }
      context.fillStyle = PARTICLE_COLORS[kind];
      context.fill();
    });
  }

  function stampPixels(context: Context2D, target: ImageData, n: number, reach: number): void {
    // Clear only where the last stamped frame drew, and put back only the box both frames touch.
    for (let y = last.top; y <= last.bottom; y++) pixels.fill(0, y * width + last.left, y * width + last.right + 1);
    let left = width;
    let right = -1;
    let top = height;
    let bottom = -1;
    for (let i = 0; i < n; i++) {
      left = Math.min(left, xs[i]!);
      right = Math.max(right, xs[i]!);
      top = Math.min(top, ys[i]!);
      bottom = Math.max(bottom, ys[i]!);
    }
    const box = {
      left: Math.max(0, left - reach),
      right: Math.min(width - 1, right + reach),
      top: Math.max(0, top - reach),
      bottom: Math.min(height - 1, bottom + reach),
    };
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      const word = WORDS[kinds[i]!]!;
      const inside = x >= reach && y >= reach && x < width - reach && y < height - reach;
      for (let k = 0; k < stamp.length; k += 2) {
        const px = x + stamp[k]!;
        const py = y + stamp[k + 1]!;
        if (inside || (px >= 0 && py >= 0 && px < width && py < height)) pixels[py * width + px] = word;
      }
    }
    if (wholeCanvasStale) {
      context.putImageData(target, 0, 0);
      wholeCanvasStale = false;
    } else {
      const x0 = Math.min(box.left, last.left);
      const y0 = Math.min(box.top, last.top);
      const x1 = Math.max(box.right, last.right);
      const y1 = Math.max(box.bottom, last.bottom);
      if (x1 >= x0 && y1 >= y0) context.putImageData(target, 0, 0, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
    last = box;
  }
}
