/**
 * Headless runner: `npm run sim -- <scenario.json> [--seed N] [--duration S] [--warmup S] [--json]`.
 * stdout carries only the result (the table, or the JSON report); warnings,
 * errors, progress and the engine limit's notice go to stderr so
 * `--json > report.json` stays clean.
 */
import { createSimulation } from '../engine/index';
import type { Report } from '../engine/types';
import { engineLimitAdvice } from '../scenario/engine-limits';
import { durationProblem } from '../scenario/run-cost';
import type { Scenario } from '../scenario/schema';
import { advance } from '../worker/pacing';
import { applyOverrides, parseSimArgs, USAGE } from './args';
import { formatReport } from './format-report';
import { loadScenarioFile } from './load-scenario-file';
import { progressLine } from './progress';

const EXIT_OK = 0;
const EXIT_RUN_FAILED = 1;
const EXIT_BAD_INPUT = 2;

/** Wall milliseconds of simulation between looks at the progress line: however slow simulated time moves, it updates. */
const SLICE_MS = 250;
/** Progress appears only once a run has taken this long, so short runs print nothing extra. */
const PROGRESS_AFTER_MS = 500;

function main(argv: readonly string[]): number {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const { args } = parsed;

  const result = loadScenarioFile(args.file);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const overridden = applyOverrides(result.scenario, args);
  // The CLI has no Pause: a run it could not finish in a day is refused, not started (the warning would say the same).
  const tooLong = overridden.ok ? durationProblem(overridden.scenario) : null;
  const fileTooLong = durationProblem(result.scenario);
  for (const warning of result.warnings) if (warning !== fileTooLong || tooLong === null) process.stderr.write(`warning: ${warning}\n`);
  if (!overridden.ok) {
    process.stderr.write(`${overridden.error}\n`);
    return EXIT_BAD_INPUT;
  }
  if (tooLong !== null) {
    const hint = args.duration === undefined ? '' : ' (the duration comes from --duration)';
    process.stderr.write(`Not running it: this run could not finish in reasonable time${hint}.\n  ${tooLong}\n`);
    return EXIT_BAD_INPUT;
  }

  let report: Report;
  try {
    // Progress is for a person watching a terminal; with --json piped away it would only be noise.
    const showProgress = Boolean(process.stderr.isTTY) && !(args.json && !process.stdout.isTTY);
    report = run(overridden.scenario, showProgress);
  } catch (error) {
    process.stderr.write(`The simulation failed: ${(error as Error).message}\n`);
    return EXIT_RUN_FAILED;
  }
  const refused = report.totals.failures.engineLimit;
  if (refused > 0) process.stderr.write(`${engineLimitAdvice(refused, overridden.scenario.hopLimit)}\n`);
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return EXIT_OK;
}

/**
 * Runs the scenario to its duration in slices of wall time, updating one
 * progress line on stderr between them. Slicing by wall time rather than by
 * simulated time keeps the line moving even when simulated time crawls (a
 * huge rate); it does not change the result (pacing.test.ts).
 */
function run(scenario: Scenario, showProgress: boolean): Report {
  // Windows are for live charts; the CLI only reads the final report.
  const sim = createSimulation(scenario, { window: 0 });
  const clock = () => performance.now();
  const started = clock();
  let shown = false;
  try {
    while (!advance(sim, scenario.duration, clock() + SLICE_MS, clock)) {
      const elapsed = clock() - started;
      if (showProgress && elapsed > PROGRESS_AFTER_MS) {
        process.stderr.write(`\r\x1b[K${progressLine(sim.now, scenario.duration, elapsed, sim.events, sim.snapshot().failures.engineLimit)}`);
        shown = true;
      }
    }
  } finally {
    // Clear the progress line, so what follows (the table, or an error) starts clean.
    if (shown) process.stderr.write('\r\x1b[K');
  }
  return sim.report();
}

// process.exitCode rather than process.exit(), so a large report piped to another program is flushed in full.
process.exitCode = main(process.argv.slice(2));
