import { describe, expect, it } from 'vitest';
import { parseSweepArgs } from './sweep-args';

const base = ['s.json', '--field', 'nodes.app.replicas', '--from', '1', '--to', '8'];

describe('npm run sweep arguments', () => {
  it('reads the file, field, range, steps, threads, seed and format', () => {
    const parsed = parseSweepArgs([...base, '--steps', '8', '--workers', '2', '--seed', '7', '--csv']);
    expect(parsed).toEqual({
      ok: true,
      help: false,
      args: { file: 's.json', field: 'nodes.app.replicas', from: 1, to: 8, steps: 8, workers: 2, seed: 7, format: 'csv' },
    });
  });

  it.each([
    [[...base, '--steps', '0'], /--steps must be a whole number of values, at least 1 \(a sweep with no points runs nothing\); got "0"/],
    [[...base], /--steps is missing/],
    [['s.json', '--from', '1', '--to', '2', '--steps', '2'], /--field is missing/],
    [[...base, '--steps', '2', '--json', '--csv'], /one of --json and --csv/],
    [[...base, '--steps', '2', '--workers', '0'], /--workers must be a whole number of threads/],
    [[...base, '--steps', '2', '--colour'], /Unknown option --colour/],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    const parsed = parseSweepArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });
});
