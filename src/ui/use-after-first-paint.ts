import { useEffect, useState } from 'react';

/**
 * Calls `then` once the browser has painted the page's current frame: the
 * next frame's callback runs before that frame is painted, and a timeout
 * queued from it runs once the frame is on screen. Returns a cancel function.
 */
export function afterFirstPaint(then: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(then, 0);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Calls `then` after the first paint, once the page is idle (or after
 * `timeoutMs` at most): for work no one sees, such as starting workers,
 * which would otherwise compete with the first frame for a small machine's
 * cores. Returns a cancel function.
 */
export function whenIdleAfterFirstPaint(then: () => void, timeoutMs = 1000): () => void {
  let cancelIdle = () => {};
  const cancelPaint = afterFirstPaint(() => {
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(then, { timeout: timeoutMs });
      cancelIdle = () => cancelIdleCallback(idle);
    } else {
      const timer = setTimeout(then, 0);
      cancelIdle = () => clearTimeout(timer);
    }
  });
  return () => {
    cancelPaint();
    cancelIdle();
  };
}

/**
 * False until the browser has painted the page once, then true. Parts that
 * are not needed to see the canvas (the charts below it) mount a frame
 * later, so their layout and first D3 draw stay out of the first paint.
 * With `idle`, it turns true only once the page is idle after that paint.
 */
export function useAfterFirstPaint(idle = false): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (idle ? whenIdleAfterFirstPaint : afterFirstPaint)(() => setPainted(true)), [idle]);
  return painted;
}
