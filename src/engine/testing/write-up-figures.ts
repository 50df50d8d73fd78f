/**
 * The figures a write-up states, and which of them are the scenario's own
 * settings. Used by engine/write-ups.test.ts: a figure that is not a setting
 * is a claim about the run, and the test file that holds the example's
 * write-up must state it too (in an assertion, or in the title or comment
 * of the test that asserts it).
 */

/** A figure as written ("1,500", "0.605", "30%", "75 ms"), with its value and unit. */
export interface WrittenFigure {
  text: string;
  value: number;
  unit: '' | '%' | 'ms' | 's' | 'µs' | 'kB';
}

const FIGURE = /(?<![\w.^/−-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(%|ms\b|µs\b|kB\b|s\b)?/g;

/** Every figure in `text`, in order (a "1/(μ−λ)" or "2^i" inside a formula is left out: it is notation, not a figure). */
export function figuresIn(text: string): WrittenFigure[] {
  return [...text.matchAll(FIGURE)].map((m) => ({
    text: m[0].trim(),
    value: Number((m[1] as string).replaceAll(',', '')),
    unit: (m[2] ?? '') as WrittenFigure['unit'],
  }));
}

/** Every number in a scenario file (settings), with the counts of its nodes of each kind and its edges. */
export function settingsOf(raw: unknown): Set<number> {
  const values = new Set<number>();
  const walk = (value: unknown): void => {
    if (typeof value === 'number') values.add(value);
    else if (Array.isArray(value)) {
      values.add(value.length);
      value.forEach(walk);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(raw);
  const nodes = (raw as { nodes?: { kind: string }[] }).nodes ?? [];
  const perKind = new Map<string, number>();
  for (const node of nodes) perKind.set(node.kind, (perKind.get(node.kind) ?? 0) + 1);
  for (const count of perKind.values()) values.add(count);
  return values;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The values a written figure may be stored as in a scenario file: 75 ms is 0.075 s, 30% is 0.3, 100 kB is 100,000 bytes. */
function storedForms(figure: WrittenFigure): number[] {
  switch (figure.unit) {
    case 'ms':
      return [figure.value / 1000];
    case 'µs':
      return [figure.value / 1e6];
    case '%':
      return [figure.value / 100, figure.value];
    case 'kB':
      return [figure.value * 1000];
    default:
      return [figure.value];
  }
}

/** True when the figure is one of the file's settings (a rate, a size, a time it was given), not a claim about the run. */
export function isSetting(figure: WrittenFigure, settings: Set<number>): boolean {
  return storedForms(figure).some((form) => [...settings].some((setting) => close(setting, form)));
}

/** How a figure may be written in a test: as in the write-up, without thousands commas or with _, or in base units. */
export function testForms(figure: WrittenFigure): string[] {
  const plain = String(figure.value);
  const forms = new Set([figure.text, plain, plain.replace(/\B(?=(\d{3})+(?!\d))/g, '_'), plain.replace(/\B(?=(\d{3})+(?!\d))/g, ',')]);
  const base = (v: number) => String(Number(v.toPrecision(12)));
  if (figure.unit === '%') forms.add(base(figure.value / 100));
  if (figure.unit === 'ms') forms.add(base(figure.value / 1000));
  if (figure.unit === 'µs') forms.add(base(figure.value / 1e6));
  // 0.50 and 0.5 are the same figure.
  if (plain.includes('.')) forms.add(plain.replace(/0+$/, ''));
  return [...forms];
}

/** True when the test source states the figure in one of its forms (as a whole number, not inside a longer one). */
export function testStates(source: string, figure: WrittenFigure): boolean {
  return testForms(figure).some((form) => {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\d.])${escaped}(?![\\d])`).test(source);
  });
}
