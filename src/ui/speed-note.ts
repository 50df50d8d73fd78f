/**
 * The note after "Running at …" in the run controls: how fast max speed
 * really is, or that the machine cannot keep up with the chosen speed. Below
 * a hundredth of real time a multiple rounds to "0×", which reads as frozen;
 * there the note says how much simulated time passes each second instead
 * (a huge rate, with the engine limit failing requests, does this).
 */

/** Achieved speeds below this are written as simulated time per wall second. */
const CRAWL = 0.01;

/** The note for `speed` (Infinity: max) when `achieved` simulated seconds pass per wall second; '' when nothing is known yet. */
export function speedNote(speed: number, achieved: number): string {
  if (achieved <= 0) return '';
  if (achieved < CRAWL) return ` (simulated time barely moves: ${formatPace(achieved)} a second)`;
  const shown = achieved.toLocaleString('en-US');
  if (!Number.isFinite(speed)) return ` (≈${shown}×)`;
  return achieved < speed * 0.8 ? ` (this machine manages ${shown}×)` : '';
}

/** Simulated seconds as a person reads a small span: "4.2 ms", "36 µs", "1.2e-300 s". */
function formatPace(seconds: number): string {
  if (seconds >= 1e-3) return `${Number((seconds * 1e3).toPrecision(2))} ms`;
  if (seconds >= 1e-6) return `${Number((seconds * 1e6).toPrecision(2))} µs`;
  return `${seconds.toExponential(1)} s`;
}
