import { describe, expect, it } from 'vitest';
import { Outcome } from '../../engine/types';
import { polyline } from './link-geometry';
import { createParticlePainter, type PainterDelivery, type PainterStats } from './particle-painter';

/** Just enough of a 2D context for the renderer: it draws into pixels that nobody looks at. */
function fakeCanvas(): OffscreenCanvas {
  const context = {
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData() {},
    clearRect() {},
    beginPath() {},
    moveTo() {},
    arc() {},
    fill() {},
    fillStyle: '',
  };
  return { width: 0, height: 0, getContext: () => context } as unknown as OffscreenCanvas;
}

/** A painter on a hand-driven clock whose animation frames run when `frame()` is called. */
function harness() {
  let wall = 1000;
  let queued: (() => void)[] = [];
  const stats: PainterStats[] = [];
  const painter = createParticlePainter(
    {
      requestFrame: (draw) => queued.push(draw),
      now: () => wall,
      report: (s) => stats.push(s),
    },
    100,
  );
  const frame = (ms = 16) => {
    wall += ms;
    const due = queued;
    queued = [];
    for (const draw of due) draw();
  };
  return { painter, stats, frame, waiting: () => queued.length };
}

/** `count` requests on link 0, leaving over the batch's first half and taking 0.5 simulated seconds. */
function batch(count: number, epoch = 1): PainterDelivery {
  return {
    batch: {
      link: new Uint32Array(count),
      depart: Float64Array.from({ length: count }, (_, i) => (i / count) * 0.5),
      arrive: Float64Array.from({ length: count }, (_, i) => (i / count) * 0.5 + 0.5),
      outcome: new Uint8Array(count).fill(Outcome.request),
      reverse: new Uint8Array(count),
    },
    epoch,
    simFrom: 0,
    simTo: 1,
    wallSpan: 1000,
    sampleEvery: 1,
  };
}

const scene = { transform: [0, 0, 1] as const, links: [polyline([0, 0, 100, 0])] };

describe('the particle painter in its worker', () => {
  it('draws nothing until it has a canvas, then animates while particles are on their way', () => {
    const h = harness();
    h.painter.handle({ type: 'particles', delivery: batch(10) });
    expect(h.waiting()).toBe(0);
    h.painter.handle({ type: 'canvas', canvas: fakeCanvas(), width: 200, height: 100 });
    h.painter.handle({ type: 'scene', scene });
    // One frame asked for, however many messages woke it.
    expect(h.waiting()).toBe(1);
    h.frame(600);
    const [stats] = h.stats;
    expect(stats?.particles).toBeGreaterThan(0);
    expect(stats?.drawn).toBeGreaterThan(0);
    expect(h.waiting()).toBe(1);
  });

  it('goes to sleep, and says so, once every particle has arrived', () => {
    const h = harness();
    h.painter.handle({ type: 'canvas', canvas: fakeCanvas(), width: 200, height: 100 });
    h.painter.handle({ type: 'scene', scene });
    h.painter.handle({ type: 'particles', delivery: batch(10) });
    for (let i = 0; i < 400 && h.waiting() > 0; i++) h.frame();
    expect(h.waiting()).toBe(0);
    expect(h.stats.at(-1)).toEqual({ drawn: 0, particles: 0 });
  });

  it('reports a few times a second, not every frame', () => {
    const h = harness();
    h.painter.handle({ type: 'canvas', canvas: fakeCanvas(), width: 200, height: 100 });
    h.painter.handle({ type: 'scene', scene });
    h.painter.handle({ type: 'particles', delivery: batch(50) });
    for (let i = 0; i < 30; i++) h.frame(16);
    // 30 frames of 16 ms: about half a second.
    expect(h.stats.length).toBeLessThanOrEqual(4);
  });

  it('forgets the particles on clear', () => {
    const h = harness();
    h.painter.handle({ type: 'canvas', canvas: fakeCanvas(), width: 200, height: 100 });
    h.painter.handle({ type: 'scene', scene });
    h.painter.handle({ type: 'particles', delivery: batch(10) });
    h.painter.handle({ type: 'clear' });
    h.frame(600);
    expect(h.stats.at(-1)).toEqual({ drawn: 0, particles: 0 });
    expect(h.waiting()).toBe(0);
  });
});

describe('the painter hands over its frame for an export', () => {
  it('answers each ask with its id and the canvas as drawn, without drawing a frame of its own', () => {
    const asked: [number, OffscreenCanvas | null][] = [];
    let frames = 0;
    const painter = createParticlePainter({ requestFrame: () => frames++, now: () => 0, report: () => {}, snapshot: (id, canvas) => asked.push([id, canvas]) }, 100);
    painter.handle({ type: 'snapshot', id: 1 });
    const canvas = fakeCanvas();
    painter.handle({ type: 'canvas', canvas, width: 100, height: 50 });
    const framesBefore = frames;
    painter.handle({ type: 'snapshot', id: 2 });
    expect(asked).toEqual([
      [1, null],
      [2, canvas],
    ]);
    expect(frames).toBe(framesBefore);
  });
});
