import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { applyOverrides, parseSimArgs, type SimArgsResult } from './args';

function errorOf(result: SimArgsResult): string {
  if (result.ok) throw new Error('expected the arguments to be refused');
  return result.error;
}

describe('parseSimArgs', () => {
  it('reads the file alone, leaving every override to the scenario', () => {
    expect(parseSimArgs(['scenarios/mm1.json'])).toEqual({
      ok: true,
      help: false,
      args: { file: 'scenarios/mm1.json', seed: undefined, duration: undefined, warmup: undefined, json: false },
    });
  });

  it('reads every option, before or after the file, with a space or an equals sign', () => {
    expect(parseSimArgs(['--seed', '42', 'a.json', '--duration=120.5', '--warmup', '0', '--json'])).toEqual({
      ok: true,
      help: false,
      args: { file: 'a.json', seed: 42, duration: 120.5, warmup: 0, json: true },
    });
  });

  it('asks for help with --help or -h, even with other arguments', () => {
    expect(parseSimArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseSimArgs(['-h', 'a.json'])).toEqual({ ok: true, help: true });
  });

  it('refuses a missing file and several files', () => {
    expect(errorOf(parseSimArgs([]))).toMatch(/^Give the scenario file to run, e\.g\. npm run sim -- scenarios\/mm1\.json/);
    expect(errorOf(parseSimArgs(['a.json', 'b.json']))).toBe('Give one scenario file; got 2: a.json b.json');
  });

  it('refuses an unknown option, listing the real ones', () => {
    expect(errorOf(parseSimArgs(['a.json', '--sed', '1']))).toBe(
      'Unknown option --sed. Options are --seed, --duration, --warmup, --json and --help.',
    );
  });

  it('refuses an option with its value missing, or a value given to a flag', () => {
    expect(errorOf(parseSimArgs(['a.json', '--seed']))).toBe('--seed needs a value, e.g. --seed 42.');
    expect(errorOf(parseSimArgs(['a.json', '--json=yes']))).toBe('--json takes no value.');
  });

  it.each([
    ['--seed', '-1', '--seed must be a whole number from 0 to 4294967295; got "-1".'],
    ['--seed', '1.5', '--seed must be a whole number from 0 to 4294967295; got "1.5".'],
    ['--seed', '4294967296', '--seed must be a whole number from 0 to 4294967295; got "4294967296".'],
    ['--duration', '0', '--duration must be a number of simulated seconds greater than 0; got "0".'],
    ['--duration', '10s', '--duration must be a number of simulated seconds greater than 0; got "10s".'],
    ['--duration', 'Infinity', '--duration must be a number of simulated seconds greater than 0; got "Infinity".'],
    ['--warmup', '-5', '--warmup must be a number of simulated seconds, 0 or more; got "-5".'],
    ['--warmup', '', '--warmup must be a number of simulated seconds, 0 or more; got "".'],
  ])('refuses %s %j, saying what it must be', (flag, value, message) => {
    expect(errorOf(parseSimArgs(['a.json', `${flag}=${value}`]))).toBe(message);
  });
});

describe('applyOverrides', () => {
  const parsed = parseScenario({
    version: 1,
    seed: 5,
    duration: 100,
    warmup: 10,
    nodes: [{ id: 'users', kind: 'client', workload: { mode: 'open', rate: 1 } }],
    links: [],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const scenario: Scenario = parsed.scenario;
  const none = { seed: undefined, duration: undefined, warmup: undefined };

  it('keeps the scenario as it is when nothing is overridden', () => {
    expect(applyOverrides(scenario, none)).toEqual({ ok: true, scenario });
  });

  it('replaces seed, duration and warm-up, leaving the rest alone', () => {
    const result = applyOverrides(scenario, { seed: 9, duration: 50, warmup: 0 });
    expect(result).toEqual({ ok: true, scenario: { ...scenario, seed: 9, duration: 50, warmup: 0 } });
  });

  it('refuses a duration shorter than the warm-up, saying where each came from', () => {
    const result = applyOverrides(scenario, { ...none, duration: 5 });
    expect(result).toEqual({
      ok: false,
      error: 'The warm-up (10 s, from the scenario) must be shorter than the duration (5 s, from --duration). Pass a shorter --warmup.',
    });
  });

  it('refuses a warm-up as long as the duration', () => {
    const result = applyOverrides(scenario, { ...none, warmup: 100 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The warm-up \(100 s, from --warmup\) must be shorter than the duration \(100 s, from the scenario\)/);
  });
});
