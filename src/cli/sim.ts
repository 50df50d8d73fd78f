/**
 * Headless runner: `npm run sim -- <scenario.json> [--seed N] [--duration S] [--warmup S] [--json]`.
 * stdout carries only the result (the table, or the JSON report); warnings,
 * errors and progress go to stderr so `--json > report.json` stays clean.
 */
import { readFileSync } from 'node:fs';
import { createSimulation } from '../engine/index';
import type { Report } from '../engine/types';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { applyOverrides, parseSimArgs, USAGE } from './args';
import { formatReport } from './format-report';

const EXIT_OK = 0;
const EXIT_RUN_FAILED = 1;
const EXIT_BAD_INPUT = 2;

/** Simulated time is run in this many slices, so progress can be shown between them. */
const SLICES = 200;
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

  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    process.stderr.write(`Cannot read ${args.file}: ${describeReadError(error as NodeJS.ErrnoException)}\n`);
    return EXIT_BAD_INPUT;
  }
  const result = parseScenarioJson(text);
  if (!result.ok) {
    process.stderr.write(`${args.file} is not a valid scenario:\n${result.errors.map((e) => `  - ${e}\n`).join('')}`);
    return EXIT_BAD_INPUT;
  }
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  const overridden = applyOverrides(result.scenario, args);
  if (!overridden.ok) {
    process.stderr.write(`${overridden.error}\n`);
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
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return EXIT_OK;
}

/** Runs the scenario to its duration in slices of simulated time, updating one progress line on stderr. */
function run(scenario: Scenario, showProgress: boolean): Report {
  // Windows are for live charts; the CLI only reads the final report.
  const sim = createSimulation(scenario, { window: 0 });
  const started = performance.now();
  let shown = false;
  try {
    for (let slice = 1; slice <= SLICES; slice++) {
      // The last slice ends exactly at the duration, whatever the rounding on the way.
      sim.runUntil(slice === SLICES ? scenario.duration : (scenario.duration * slice) / SLICES);
      const elapsed = performance.now() - started;
      if (showProgress && elapsed > PROGRESS_AFTER_MS) {
        const percent = Math.floor((100 * slice) / SLICES);
        process.stderr.write(`\r${percent}% of ${scenario.duration} s simulated, ${(elapsed / 1000).toFixed(1)} s so far, ${sim.events.toLocaleString('en')} events`);
        shown = true;
      }
    }
  } finally {
    // Clear the progress line, so what follows (the table, or an error) starts clean.
    if (shown) process.stderr.write('\r\x1b[K');
  }
  return sim.report();
}

function describeReadError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file. Example scenarios are in scenarios/, e.g. scenarios/mm1.json';
  if (error.code === 'EISDIR') return 'it is a folder; give a .json file inside it.';
  return error.message;
}

// process.exitCode rather than process.exit(), so a large report piped to another program is flushed in full.
process.exitCode = main(process.argv.slice(2));
