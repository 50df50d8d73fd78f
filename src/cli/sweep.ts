/**
 * Headless sweep: `npm run sweep -- <scenario.json> --field <path> --from A
 * --to B --steps K [--workers N] [--seed N] [--json|--csv]`. One full run per
 * value, spread over worker threads (tinypool). stdout carries only the
 * result; errors and progress go to stderr.
 */
import { planFieldSweep } from '../worker/field-sweep';
import { sweepCsv, sweepJson, sweepTable } from './format-sweep';
import { loadScenarioFile } from './load-scenario-file';
import { parseSweepArgs, SWEEP_USAGE } from './sweep-args';
import { defaultThreads, sweepInThreads } from './thread-sweep';

const EXIT_OK = 0;
const EXIT_RUN_FAILED = 1;
const EXIT_BAD_INPUT = 2;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseSweepArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${SWEEP_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  if (parsed.help) {
    process.stdout.write(`${SWEEP_USAGE}\n`);
    return EXIT_OK;
  }
  const { args } = parsed;
  const scenario = loadScenarioFile(args.file);
  if (!scenario.ok) {
    process.stderr.write(`${scenario.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const plan = planFieldSweep(scenario.scenario, { path: args.field, from: args.from, to: args.to, steps: args.steps });
  if (!plan.ok) {
    process.stderr.write(`${plan.error}\n`);
    return EXIT_BAD_INPUT;
  }
  const seed = args.seed ?? scenario.scenario.seed;
  const workers = Math.min(args.workers ?? defaultThreads(), plan.variants.length);
  const showProgress = Boolean(process.stderr.isTTY);
  try {
    const result = await sweepInThreads(plan.variants, seed, workers, (done, total) => {
      if (showProgress) process.stderr.write(`\r\x1b[K${done}/${total} runs`);
    });
    if (showProgress) process.stderr.write('\r\x1b[K');
    const out = args.format === 'json' ? sweepJson(args.field, seed, result) : args.format === 'csv' ? sweepCsv(result.points) : sweepTable(args.field, result);
    process.stdout.write(out);
    return EXIT_OK;
  } catch (error) {
    process.stderr.write(`A run failed: ${(error as Error).message}\n`);
    return EXIT_RUN_FAILED;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
