/**
 * Timeline marks for scripts/measure-first-paint.mjs, which prints where the
 * time before the canvas's first paint goes. main.tsx imports this module
 * first, so its mark is the moment the bundle starts running (after it was
 * fetched, parsed and compiled). Marks cost microseconds and show in a
 * browser's performance panel too.
 */
performance.mark('app:module-start');

/** Marks a step of the page's start (`app:<step>`), with details the measuring script reads. */
export function markStart(step: 'main' | 'render' | 'first-commit', detail?: Record<string, string>): void {
  performance.mark(`app:${step}`, detail ? { detail } : undefined);
}
