import { parseArgs } from 'node:util';

/** What `npm run sweep` was asked to do. */
export interface SweepArgs {
  file: string;
  field: string;
  from: number;
  to: number;
  steps: number;
  /** Threads; undefined: one per core. */
  workers: number | undefined;
  seed: number | undefined;
  format: 'table' | 'json' | 'csv';
}

export type SweepArgsResult = { ok: true; help: true } | { ok: true; help: false; args: SweepArgs } | { ok: false; error: string };

export const SWEEP_USAGE = `Usage: npm run sweep -- <scenario.json> --field <path> --from A --to B --steps K [--workers N] [--seed N] [--json|--csv]

Runs the scenario once per value of one numeric field, K values from A to B,
spread over worker threads, and prints one row per value.

  <scenario.json>   a scenario file (see docs/scenario-format.md and scenarios/)
  --field <path>    the field to sweep: nodes.<id>.<field> (deeper fields after dots,
                    e.g. nodes.users.workload.rate), links.<id>.<field>, or a top-level
                    field such as duration
  --from A --to B   the range, both ends included
  --steps K         how many values (whole-number fields are rounded, repeats dropped)
  --workers N       worker threads (default: one per core)
  --seed N          random seed of every run (default: the file's seed)
  --json            print the points as JSON
  --csv             print the points as CSV
  -h, --help        print this help

Exit codes: 0 ran, 1 a run failed, 2 bad arguments, an invalid scenario or sweep.`;

const OPTIONS = {
  field: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  steps: { type: 'string' },
  workers: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A required or optional number option, or why it is wrong. */
function readNumber(flag: string, text: string | undefined, required: boolean, accept: (n: number) => boolean, expected: string) {
  if (text === undefined) return required ? { ok: false as const, error: `${flag} is missing: ${expected}.` } : { ok: true as const, value: undefined };
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !accept(value)) return { ok: false as const, error: `${flag} must be ${expected}; got "${text}".` };
  return { ok: true as const, value };
}

/** Parses the command line of `npm run sweep`; never throws, never exits. */
export function parseSweepArgs(argv: readonly string[]): SweepArgsResult {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const option = /'(-[^', ]+)/.exec((error as Error).message)?.[1] ?? '';
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { ok: false, error: `Unknown option ${option}. Options are --field, --from, --to, --steps, --workers, --seed, --json, --csv and --help.` };
    return { ok: false, error: code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? `${option} needs a value.` : (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, help: true };
  if (positionals.length !== 1) return { ok: false, error: positionals.length === 0 ? 'Give the scenario file to sweep, e.g. npm run sweep -- scenarios/amdahl-serial-5.json --field nodes.job.workers --from 1 --to 64 --steps 16' : `Give one scenario file; got ${positionals.length}.` };
  if (!values.field) return { ok: false, error: '--field is missing: the path of the field to sweep, e.g. nodes.app.replicas.' };
  if (values.json && values.csv) return { ok: false, error: 'Choose one of --json and --csv.' };
  const from = readNumber('--from', values.from, true, () => true, 'the first value of the range');
  const to = readNumber('--to', values.to, true, () => true, 'the last value of the range');
  const steps = readNumber('--steps', values.steps, true, (n) => Number.isInteger(n) && n >= 1, 'a whole number of values, at least 1 (a sweep with no points runs nothing)');
  const workers = readNumber('--workers', values.workers, false, (n) => Number.isInteger(n) && n >= 1 && n <= 256, 'a whole number of threads from 1 to 256');
  const seed = readNumber('--seed', values.seed, false, (n) => Number.isInteger(n) && n >= 0 && n <= 2 ** 32 - 1, 'a whole number from 0 to 4294967295');
  for (const option of [from, to, steps, workers, seed]) if (!option.ok) return option;
  return {
    ok: true,
    help: false,
    args: {
      file: positionals[0] as string,
      field: values.field,
      from: from.value as number,
      to: to.value as number,
      steps: steps.value as number,
      workers: workers.value,
      seed: seed.value,
      format: values.json ? 'json' : values.csv ? 'csv' : 'table',
    },
  };
}
