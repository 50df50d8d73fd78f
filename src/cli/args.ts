import { parseArgs } from 'node:util';
import type { Scenario } from '../scenario/schema';

/** What `npm run sim` was asked to do. Overrides are undefined when not given. */
export interface SimArgs {
  file: string;
  seed: number | undefined;
  duration: number | undefined;
  warmup: number | undefined;
  json: boolean;
}

export type SimArgsResult = { ok: true; help: true } | { ok: true; help: false; args: SimArgs } | { ok: false; error: string };

export const USAGE = `Usage: npm run sim -- <scenario.json> [--seed N] [--duration S] [--warmup S] [--json]

Runs a scenario headless and prints a table of the results.

  <scenario.json>   a scenario file (see docs/scenario-format.md and scenarios/)
  --seed N          random seed, a whole number from 0 to 4294967295 (default: the file's seed)
  --duration S      simulated seconds to run (default: the file's duration)
  --warmup S        simulated seconds left out of latency, throughput and utilization
                    (default: the file's warm-up); must be shorter than the duration
  --json            print the full report as JSON on stdout instead of the table
  -h, --help        print this help

A run that would take more than a day at the engine's speed is refused, not started.

Exit codes: 0 ran, 1 the simulation failed, 2 bad arguments, an invalid scenario
or a run too long to finish.`;

const OPTIONS = {
  seed: { type: 'string' },
  duration: { type: 'string' },
  warmup: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Parses the command line of `npm run sim`; never throws, never exits. */
export function parseSimArgs(argv: readonly string[]): SimArgsResult {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: describeParseError(error as Error & { code?: string }) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, help: true };
  const seed = readNumber('--seed', values.seed, (n) => Number.isInteger(n) && n >= 0 && n <= 2 ** 32 - 1, 'a whole number from 0 to 4294967295');
  const duration = readNumber('--duration', values.duration, (n) => n > 0, 'a number of simulated seconds greater than 0');
  const warmup = readNumber('--warmup', values.warmup, (n) => n >= 0, 'a number of simulated seconds, 0 or more');
  if (!seed.ok) return seed;
  if (!duration.ok) return duration;
  if (!warmup.ok) return warmup;
  if (positionals.length === 0) return { ok: false, error: 'Give the scenario file to run, e.g. npm run sim -- scenarios/mm1.json' };
  if (positionals.length > 1) {
    return { ok: false, error: `Give one scenario file; got ${positionals.length}: ${positionals.join(' ')}` };
  }
  const file = positionals[0]!;
  return { ok: true, help: false, args: { file, seed: seed.value, duration: duration.value, warmup: warmup.value, json: values.json } };
}

type NumberOption = { ok: true; value: number | undefined } | { ok: false; error: string };

/** Reads a numeric option; value is undefined when the option was not given. */
function readNumber(flag: string, text: string | undefined, accept: (n: number) => boolean, expected: string): NumberOption {
  if (text === undefined) return { ok: true, value: undefined };
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !accept(value)) return { ok: false, error: `${flag} must be ${expected}; got "${text}".` };
  return { ok: true, value };
}

function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-[^', ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option}. Options are --seed, --duration, --warmup, --json and --help.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option === '--json' || option === '--help' || option === '-h'
        ? `${option} takes no value.`
        : `${option} needs a value, e.g. ${option} ${option === '--seed' ? '42' : '60'}.`;
    default:
      return error.message;
  }
}

/**
 * Applies --seed/--duration/--warmup to a validated scenario, re-checking
 * that the warm-up still ends before the run does.
 */
export function applyOverrides(scenario: Scenario, args: Pick<SimArgs, 'seed' | 'duration' | 'warmup'>): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const result: Scenario = {
    ...scenario,
    seed: args.seed ?? scenario.seed,
    duration: args.duration ?? scenario.duration,
    warmup: args.warmup ?? scenario.warmup,
  };
  if (result.warmup >= result.duration) {
    const source = (flag: string, given: number | undefined) => (given === undefined ? 'from the scenario' : `from ${flag}`);
    return {
      ok: false,
      error: `The warm-up (${result.warmup} s, ${source('--warmup', args.warmup)}) must be shorter than the duration (${result.duration} s, ${source('--duration', args.duration)}). Pass a shorter --warmup.`,
    };
  }
  return { ok: true, scenario: result };
}
