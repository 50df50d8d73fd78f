import { useEffect, useState } from 'react';

/**
 * False until the browser has painted the page once, then true. Parts that
 * are not needed to see the canvas (the charts below it) mount a frame
 * later, so their layout and first D3 draw stay out of the first paint.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (typeof requestAnimationFrame !== 'function') {
      setPainted(true);
      return;
    }
    // The callback of the next frame runs before it is painted; the timeout after it runs once that frame is on screen.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
