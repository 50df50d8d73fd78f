/**
 * The rows of the A/B totals table: each a measure of the engine's whole-run
 * totals for A and B, and B's difference from A, formatted to read.
 */
import type { TotalsReport } from '../../engine/types';

export interface CompareRow {
  measure: string;
  a: string;
  b: string;
  /** "+12.3 ms (+25 %)", "−4.0 req/s", "same". */
  difference: string;
  /** Whether B is better, worse or neither (for colour; text says the rest). */
  verdict: 'better' | 'worse' | 'same';
}

interface Measure {
  measure: string;
  value(t: TotalsReport): number | null;
  unit: string;
  digits: number;
  /** Whether a larger value is better. */
  higherIsBetter: boolean;
}

const MEASURES: Measure[] = [
  { measure: 'Throughput', value: (t) => t.throughput, unit: 'req/s', digits: 1, higherIsBetter: true },
  { measure: 'Latency p50', value: (t) => t.latency.p50 * 1000, unit: 'ms', digits: 1, higherIsBetter: false },
  { measure: 'Latency p95', value: (t) => t.latency.p95 * 1000, unit: 'ms', digits: 1, higherIsBetter: false },
  { measure: 'Latency p99', value: (t) => t.latency.p99 * 1000, unit: 'ms', digits: 1, higherIsBetter: false },
  { measure: 'Completed', value: (t) => t.completed, unit: '', digits: 0, higherIsBetter: true },
  { measure: 'Failed', value: (t) => t.failed, unit: '', digits: 0, higherIsBetter: false },
  { measure: 'Retries', value: (t) => t.retries, unit: '', digits: 0, higherIsBetter: false },
  { measure: 'Cost per hour', value: (t) => t.costPerHour ?? null, unit: '$', digits: 2, higherIsBetter: false },
];

const formatted = (value: number, unit: string, digits: number) => {
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === '$' ? `$${text}` : unit ? `${text} ${unit}` : text;
};

/** The table's rows for totals `a` and `b`; a measure neither run reports is left out. */
export function compareRows(a: TotalsReport, b: TotalsReport): CompareRow[] {
  return MEASURES.flatMap((m): CompareRow[] => {
    const x = m.value(a);
    const y = m.value(b);
    if (x === null || y === null) return [];
    const delta = y - x;
    const shown = Number(delta.toFixed(m.digits));
    if (shown === 0) return [{ measure: m.measure, a: formatted(x, m.unit, m.digits), b: formatted(y, m.unit, m.digits), difference: 'same', verdict: 'same' }];
    const sign = delta > 0 ? '+' : '−';
    const percent = x !== 0 ? ` (${sign}${Math.abs((delta / x) * 100).toFixed(0)} %)` : '';
    const better = delta > 0 === m.higherIsBetter;
    return [
      {
        measure: m.measure,
        a: formatted(x, m.unit, m.digits),
        b: formatted(y, m.unit, m.digits),
        difference: `${sign}${formatted(Math.abs(delta), m.unit, m.digits)}${percent}`,
        verdict: better ? 'better' : 'worse',
      },
    ];
  });
}
