/*
 * Plain-text tables and numbers for the terminal. Formatted by hand, not with
 * toLocaleString, so the output is the same on every machine.
 */

export type Align = 'left' | 'right';

/** Lays out rows in columns two spaces apart, each column as wide as its widest cell. */
export function formatTable(rows: readonly (readonly string[])[], align: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** 1234567 → "1,234,567" (rounded to a whole number). */
export function formatCount(n: number): string {
  return groupThousands(String(Math.round(n)));
}

/** Puts commas in the whole part of a decimal string: "12345.67" → "12,345.67". */
function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Seconds → milliseconds with about three significant digits: 0.000123 → "0.123", 0.5 → "500", 12.3 → "12,300". */
export function formatMilliseconds(seconds: number): string {
  const ms = seconds * 1000;
  if (ms >= 100) return formatCount(Math.round(ms));
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function formatRate(perSecond: number): string {
  return groupThousands(perSecond.toFixed(perSecond >= 100 ? 1 : 2));
}

/** Seconds of simulated time: at most three decimals, none when whole. */
export function formatNumber(n: number): string {
  return groupThousands(String(Math.round(n * 1000) / 1000));
}

/** Percent with one decimal: 0.6012 → "60.1%". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Indents rows under a section title. */
export function indent(rows: readonly string[]): string[] {
  return rows.map((row) => `  ${row}`);
}
