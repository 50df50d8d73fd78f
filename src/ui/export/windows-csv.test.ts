import { describe, expect, it } from 'vitest';
import type { WindowNodeSample, WindowSample } from '../../engine/types';
import { csvField, NODE_COLUMNS, SYSTEM_COLUMNS, windowsCsv } from './windows-csv';

const node = (utilization: number, extra: Partial<WindowNodeSample> = {}): WindowNodeSample => ({
  utilization,
  queueLength: 0.5,
  p99: 0.0123,
  served: 40,
  dropped: 1,
  ...extra,
});

const window = (start: number, nodes: WindowNodeSample[]): WindowSample => ({
  start,
  end: start + 1,
  completed: 39,
  failed: 2,
  throughput: 39,
  p50: 0.02,
  p95: 0.05,
  p99: 0.1 + 0.2,
  nodes,
});

/** The CSV's rows as arrays of fields (no field in these tests is quoted). */
const table = (csv: string) =>
  csv
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

describe('metric windows as CSV', () => {
  it('has the documented columns: the system first, then a group per node by id', () => {
    const csv = windowsCsv([window(0, [node(0.25), node(0.5, { hitRatio: 0.8 })])], ['server-1', 'cache-1']);
    const [header] = table(csv);
    expect(SYSTEM_COLUMNS).toEqual(['start_s', 'end_s', 'completed', 'failed', 'throughput_per_s', 'p50_ms', 'p95_ms', 'p99_ms']);
    expect(NODE_COLUMNS).toEqual(['utilization', 'queue_length', 'p99_ms', 'served', 'dropped']);
    expect(header).toEqual([
      ...SYSTEM_COLUMNS,
      'server-1.utilization',
      'server-1.queue_length',
      'server-1.p99_ms',
      'server-1.served',
      'server-1.dropped',
      'cache-1.utilization',
      'cache-1.queue_length',
      'cache-1.p99_ms',
      'cache-1.served',
      'cache-1.dropped',
      'cache-1.hit_ratio',
    ]);
  });

  it('writes one row per window, seconds and milliseconds as named, without float noise', () => {
    const csv = windowsCsv([window(0, [node(0.25)]), window(1, [node(0.75, { p99: 0.2 })])], ['server-1']);
    expect(table(csv).slice(1)).toEqual([
      ['0', '1', '39', '2', '39', '20', '50', '300', '0.25', '0.5', '12.3', '40', '1'],
      ['1', '2', '39', '2', '39', '20', '50', '300', '0.75', '0.5', '200', '40', '1'],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('leaves a field empty where a window has no figure (no reads yet, a node added later)', () => {
    const csv = windowsCsv([window(0, [node(0.1, { hitRatio: null })]), window(1, [node(0.1, { hitRatio: 0.5 }), node(0.3)])], ['cache-1', 'server-9']);
    const rows = table(csv);
    expect(rows[0]).toContain('server-9.utilization');
    expect(rows[1]?.slice(-6)).toEqual(['', '', '', '', '', '']);
    expect(rows[1]?.[8 + 5]).toBe('');
    expect(rows[2]?.[8 + 5]).toBe('0.5');
  });

  it('gives only the header for a run with no window yet', () => {
    expect(windowsCsv([], ['a'])).toBe(`${[...SYSTEM_COLUMNS, ...NODE_COLUMNS.map((c) => `a.${c}`)].join(',')}\r\n`);
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('api,1')).toBe('"api,1"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(Number.NaN)).toBe('');
    expect(windowsCsv([], ['odd,id']).split('\r\n')[0]).toContain('"odd,id.utilization"');
  });
});
