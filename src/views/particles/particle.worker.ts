/**
 * The particle overlay's worker: it owns the overlay canvas (handed over with
 * transferControlToOffscreen) and draws on it; particle-painter.ts holds the
 * logic, this file only connects it to the page.
 */
import { createParticlePainter, type PainterMessage } from './particle-painter';

const painter = createParticlePainter({
  // Workers that own a canvas get animation frames in Chromium and Firefox; a timer stands in elsewhere.
  requestFrame: (draw) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(draw) : setTimeout(draw, 16)),
  now: () => performance.now(),
  report: (stats) => self.postMessage(stats),
  snapshot: (id, canvas) => {
    if (!canvas) return self.postMessage({ type: 'snapshot', id, bitmap: null });
    void createImageBitmap(canvas).then(
      (bitmap) => self.postMessage({ type: 'snapshot', id, bitmap }, { transfer: [bitmap] }),
      () => self.postMessage({ type: 'snapshot', id, bitmap: null }),
    );
  },
});

self.addEventListener('message', (event: MessageEvent<PainterMessage>) => painter.handle(event.data));
