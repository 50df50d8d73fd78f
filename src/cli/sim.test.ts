import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../engine/types';
import { CLI_MEMORY_BUDGET, maxRequestSlots } from '../scenario/engine-limits';

const root = join(import.meta.dirname, '../..');
const mm1 = join(root, 'scenarios/mm1.json');
/** Loaded before the CLI: prints the process's peak resident memory (kB) on stderr as it exits. */
const PRINT_PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb='+process.resourceUsage().maxRSS+'\\n'))`;
/** A run the budget should stop or refuse is killed after this long, so a regression fails instead of hanging. */
const BUDGET_TIMEOUT_MS = 60_000;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run sim -- ...args` as a real child process (node + tsx, without npm's banner). */
async function sim(...args: string[]): Promise<CliRun> {
  return simWith([], 0, ...args);
}

/** The same, with extra Node options and a timeout (0: none) after which the child is killed. */
async function simWith(nodeOptions: string[], timeout: number, ...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', ...nodeOptions, 'src/cli/sim.ts', ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      timeout,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw new Error(`the CLI did not exit by itself (${String(failed.code ?? (error as Error).message)})`);
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run sim', () => {
  // A short run keeps the test quick; determinism does not depend on length.
  const short = ['--duration', '200', '--warmup', '20', '--json'];

  it('prints byte-identical JSON for the same seed, and a different report for another seed', async () => {
    const [first, second, other] = await Promise.all([
      sim(mm1, '--seed', '7', ...short),
      sim(mm1, '--seed', '7', ...short),
      sim(mm1, '--seed', '8', ...short),
    ]);
    for (const run of [first, second, other]) expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);

    const report = JSON.parse(first.stdout) as Report;
    expect(report).toMatchObject({ scenario: 'M/M/1 at 80% load', seed: 7, duration: 200, warmup: 20, simulatedTime: 200 });
    const { totals } = report;
    expect(totals.sent).toBe(totals.completed + totals.failed + totals.inFlight);
    // 8 requests a second for 200 s: a Poisson count this far from 1600 would be a bug.
    expect(totals.sent).toBeGreaterThan(1400);
    expect(totals.sent).toBeLessThan(1800);
  });

  it('prints the readable table by default', async () => {
    const run = await sim(mm1, '--duration', '100', '--warmup', '10');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^M\/M\/1 at 80% load\nseed 1 · 100 s simulated/);
    expect(run.stdout).toMatch(/\n {2}latency \(ms\) /);
    expect(run.stdout).toMatch(/\n {2}server {2}server /);
  });

  it('refuses an invalid scenario with exit code 2, naming the node and the field, and prints nothing on stdout', async () => {
    const bad = join(tmpdir(), `scale-playground-bad-${process.pid}.json`);
    writeFileSync(
      bad,
      JSON.stringify({
        version: 1,
        nodes: [
          { id: 'users', kind: 'client', workload: { mode: 'open', rate: 8 } },
          { id: 'api', kind: 'server', workers: 0, serviceTime: { type: 'exponential', mean: 0.1 } },
        ],
        links: [{ id: 'users-api', from: 'users', to: 'api' }],
      }),
    );
    const run = await sim(bad, '--json');
    rmSync(bad);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${bad} is not a valid scenario:\n  - node "api" (nodes[1]) field "workers": must be at least 1 (it is 0).\n`,
    });
  });

  it('runs a cycle with no answering node, warning on stderr, and fails its requests at the hop limit', async () => {
    const cyclic = join(tmpdir(), `scale-playground-cycle-${process.pid}.json`);
    const server = (id: string) => ({ id, kind: 'server', workers: 4, serviceTime: { type: 'constant', value: 0.001 } });
    writeFileSync(
      cyclic,
      JSON.stringify({
        version: 1,
        duration: 10,
        hopLimit: 8,
        nodes: [{ id: 'users', kind: 'client', workload: { mode: 'open', rate: 10 } }, server('a'), server('b')],
        links: [
          { id: 'users-a', from: 'users', to: 'a' },
          { id: 'a-b', from: 'a', to: 'b' },
          { id: 'b-a', from: 'b', to: 'a' },
        ],
      }),
    );
    const run = await sim(cyclic, '--json');
    rmSync(cyclic);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: The links form a cycle \(a → b → a\): no node on it or after it answers/);
    const { totals } = JSON.parse(run.stdout) as Report;
    expect(totals.completed).toBe(0);
    expect(totals.failures.hopLimit).toBeGreaterThan(50);
    expect(totals.failed).toBe(totals.failures.hopLimit);
  });

  it('refuses bad arguments with exit code 2 and the usage', async () => {
    const run = await sim(mm1, '--duration', '10', '--warmup', '10');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'The warm-up (10 s, from --warmup) must be shorter than the duration (10 s, from --duration). Pass a shorter --warmup.\n',
    );
    const unknown = await sim(mm1, '--fast');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown option --fast\..*\n\nUsage: npm run sim -- <scenario\.json>/s);
  });

  describe('under the engine budget', () => {
    /** scenarios/mmc.json (an unbounded queue) with the client's rate and the run's length replaced. */
    const mmc = (rate: number, duration: number, name: string) => {
      const scenario = JSON.parse(readFileSync(join(root, 'scenarios/mmc.json'), 'utf8'));
      scenario.nodes[0].workload.rate = rate;
      Object.assign(scenario, { duration, warmup: 0 });
      const file = join(tmpdir(), `scale-playground-${name}-${process.pid}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      return file;
    };
    const peakBytes = (run: CliRun) => Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1]) * 1024;
    const runs: Record<string, CliRun & { seconds: number }> = {};

    beforeAll(async () => {
      const cases = {
        rate: [mmc(1e308, 3600, 'rate-1e308')],
        duration: [join(root, 'scenarios/mmc.json'), '--duration', '1e308'],
        flood: [mmc(1e6, 2, 'rate-1e6'), '--json'],
      };
      await Promise.all(
        Object.entries(cases).map(async ([name, args]) => {
          const started = performance.now();
          const run = await simWith(['--import', PRINT_PEAK_RSS], BUDGET_TIMEOUT_MS, ...args);
          runs[name] = { ...run, seconds: (performance.now() - started) / 1000 };
          if (args[0]?.startsWith(tmpdir())) rmSync(args[0]);
        }),
      );
    }, 2 * BUDGET_TIMEOUT_MS);

    it('refuses a client at 1e308 requests a second within seconds, saying which field and what to change', () => {
      const run = runs.rate!;
      expect(run.code).toBe(2);
      expect(run.seconds).toBeLessThan(20);
      expect(peakBytes(run)).toBeLessThan(CLI_MEMORY_BUDGET);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^warning: client "users" field "workload\.rate": 1e308 requests a second is more than the engine keeps alive/);
      expect(run.stderr).toMatch(/\nNot running it: this run could not finish in reasonable time\.\n {2}field "duration": 3,600 s .* Lower the rate, or the duration/);
    });

    it('refuses a duration of 1e308 s, naming --duration', () => {
      const run = runs.duration!;
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^Not running it: this run could not finish in reasonable time \(the duration comes from --duration\)\.\n {2}field "duration": 1e308 s/);
    });

    it('runs a flood into an unbounded queue to its end within the memory budget, failing the excess with "engine limit"', () => {
      const run = runs.flood!;
      expect(run.code).toBe(0);
      expect(peakBytes(run)).toBeLessThan(CLI_MEMORY_BUDGET);
      expect(run.stderr).toMatch(/\nThe engine limit was reached: [\d,]+ requests failed with "engine limit" because more than 211,968 were alive at once.* Lower the clients' rates, or bound the queues/);
      const { totals, simulatedTime } = JSON.parse(run.stdout) as Report;
      expect(simulatedTime).toBe(2);
      expect(totals.inFlight).toBeLessThanOrEqual(maxRequestSlots(16));
      expect(totals.failures.engineLimit).toBeGreaterThan(1_000_000);
      expect(totals.sent).toBe(totals.completed + totals.failed + totals.inFlight);
    });
  });
});
