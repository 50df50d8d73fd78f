import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Report } from '../engine/types';

const root = join(import.meta.dirname, '../..');
const mm1 = join(root, 'scenarios/mm1.json');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run sim -- ...args` as a real child process (node + tsx, without npm's banner). */
async function sim(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
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
});
