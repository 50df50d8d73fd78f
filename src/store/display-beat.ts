/**
 * One beat for everything on the page that shows live figures: charts, the
 * totals, node cards, the run's clock. Each redraw is a small task of its
 * own, and all of them fall between the same two frames, so the page lays
 * out and paints once per beat instead of once per figure: at full speed
 * figures arrive ~15 times a second, and every frame the browser renders
 * costs the main thread a few milliseconds however little changed.
 */

/** Live figures redraw this often (ms): 5 times a second. */
export const DISPLAY_BEAT_MS = 200;

const redraws = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function startRedraws(): void {
  for (const redraw of redraws) setTimeout(redraw, 0);
}

/** Calls `redraw` on every beat, in a task of its own; returns the function that stops it. */
export function onDisplayBeat(redraw: () => void): () => void {
  redraws.add(redraw);
  timer ??= setInterval(() => {
    // Started just after a frame, the redraws have the whole gap to the next one to themselves.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(startRedraws);
    else startRedraws();
  }, DISPLAY_BEAT_MS);
  return () => {
    redraws.delete(redraw);
    if (redraws.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}
