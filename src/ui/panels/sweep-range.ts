/**
 * The range a field sweep offers first, and the check of a range the user
 * typed, before any run starts. The field's bounds come from its schema
 * (scenario/field-bounds.ts), so a suggestion is always one the format takes.
 */
import type { FieldBounds } from '../../scenario/field-bounds';

/** A sweep's values: `steps` points evenly spaced from `from` up to `to`. */
export interface SweepRange {
  from: number;
  to: number;
  steps: number;
}

/** Points a suggested sweep has: each is a full run. */
const SUGGESTED_STEPS = 8;

/** Rounds float noise away (0.1 × 3 reads 0.3), as a typed number would look. */
const tidy = (x: number) => Number(x.toPrecision(12));

/** Bounds for a field whose schema is unknown: anything from 0 (or the value, if below) up, whole if the value is. */
function assumedBounds(value: number): FieldBounds {
  return { min: Math.min(0, value), max: Number.POSITIVE_INFINITY, minExclusive: false, maxExclusive: false, integer: Number.isInteger(value) };
}

/**
 * The range to suggest for a field now at `value`: increasing, inside the field's bounds, and holding the value.
 * A share (bounds within 0…1) spans its whole range; any other field half its value to four times it, so the
 * value itself is one of the eight points when the bounds allow the whole span.
 */
export function suggestSweepRange(value: number, known: FieldBounds | null): SweepRange {
  const b = known ?? assumedBounds(value);
  if (!b.integer && b.min >= 0 && b.max <= 1) {
    const from = b.minExclusive ? Math.min(value, 0.1) : b.min;
    const to = b.maxExclusive ? Math.max(value, 0.9) : b.max;
    // Tenths: 0, 0.1, … 1, less an excluded end.
    return { from, to, steps: 11 - (b.minExclusive ? 1 : 0) - (b.maxExclusive ? 1 : 0) };
  }
  let from = value > 0 ? value / 2 : value;
  let to = value > 0 ? value * 4 : value + (b.integer ? SUGGESTED_STEPS : 1);
  // Inside the bounds: an excluded end is approached halfway from the value (whole fields: the next whole number).
  if (b.minExclusive ? from <= b.min : from < b.min) from = b.minExclusive ? (b.integer ? Math.floor(b.min) + 1 : (value + b.min) / 2) : b.min;
  if (b.maxExclusive ? to >= b.max : to > b.max) to = b.maxExclusive ? (b.integer ? Math.ceil(b.max) - 1 : (value + b.max) / 2) : b.max;
  if (b.integer) {
    from = Math.ceil(from);
    to = Math.floor(to);
  }
  from = Math.min(tidy(from), value);
  to = Math.max(tidy(to), value);
  const span = b.integer ? to - from + 1 : SUGGESTED_STEPS;
  return { from, to, steps: from === to ? 1 : Math.min(SUGGESTED_STEPS, span) };
}

/** The bounds in words, e.g. "whole numbers from 1 to 1,000,000" or "numbers above 0". */
export function describeBounds(b: FieldBounds): string {
  const what = b.integer ? 'whole numbers' : 'numbers';
  const n = (x: number) => x.toLocaleString('en-US');
  const low = Number.isFinite(b.min) ? `${b.minExclusive ? 'above' : 'from'} ${n(b.min)}` : '';
  const high = Number.isFinite(b.max) ? `${b.maxExclusive ? 'below' : low ? 'to' : 'up to'} ${n(b.max)}` : '';
  return [what, low, high].filter(Boolean).join(' ');
}

/** Why `range` cannot be swept for the field `name` (bounds known or not), or null when it can run. */
export function sweepRangeProblem(range: SweepRange, name: string, bounds: FieldBounds | null): string | null {
  const { from, to } = range;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return `Enter the sweep's range: a number in “from” and one in “to”.`;
  if (from > to) return `“From” (${from}) is above “to” (${to}): put the smaller value first.`;
  if (!bounds) return null;
  // A whole-number field's values are rounded before they run (worker/field-sweep.ts), so its ends are checked rounded.
  const [low, high] = bounds.integer ? [Math.round(from), Math.round(to)] : [from, to];
  const below = bounds.minExclusive ? low <= bounds.min : low < bounds.min;
  const above = bounds.maxExclusive ? high >= bounds.max : high > bounds.max;
  if (below || above) return `“${name}” takes ${describeBounds(bounds)}: the range ${from} – ${to} does not fit.`;
  return null;
}
