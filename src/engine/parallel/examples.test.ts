import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { runScenario } from '../index';
import type { NodeReportOf } from '../types';
import { fitUsl, type SpeedupPoint } from './scalability';

/* Every figure the two parallel-job examples' descriptions state, held against their headless runs. */

function load(file: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../../scenarios', file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** The example run with the job's workers set to `n`: its measured speedup and efficiency. */
function runWith(scenario: Scenario, n: number) {
  const nodes = scenario.nodes.map((node) => (node.kind === 'parallelJob' ? { ...node, workers: n } : node));
  const report = runScenario({ ...scenario, nodes });
  const job = report.nodes.find((node) => node.kind === 'parallelJob') as NodeReportOf<'parallelJob'>;
  if (!job.parallel) throw new Error('no parallel figures');
  return job.parallel;
}

/** Measured speedups for N = 1…64 (every N up to 32, then every 4th). */
const SWEEP = [...Array.from({ length: 32 }, (_, i) => i + 1), 36, 40, 44, 48, 52, 56, 60, 64];

describe('amdahl-serial-5.json', () => {
  const scenario = load('amdahl-serial-5.json');
  const points: SpeedupPoint[] = [];
  beforeAll(() => {
    for (const n of SWEEP) points.push({ n, speedup: runWith(scenario, n).speedup });
  });

  it('runs 16 workers 9.1 times faster, not 16', () => {
    expect(runWith(scenario, 16).speedup).toBeCloseTo(9.14, 1);
    // Amdahl's law: S(16) = 1/(0.05 + 0.95/16) = 9.14.
    expect(1 / (0.05 + 0.95 / 16)).toBeCloseTo(9.14, 2);
    expect(scenario.nodes.find((n) => n.kind === 'parallelJob')).toMatchObject({ workers: 16, serialFraction: 0.05 });
  });

  it('never passes 20 times; 64 workers give 15.4 times at 24 % efficiency', () => {
    for (const p of points) expect(p.speedup).toBeLessThan(20);
    const at64 = runWith(scenario, 64);
    expect(at64.speedup).toBeCloseTo(15.4, 1);
    expect(Math.round(at64.efficiency * 100)).toBe(24);
  });

  it('puts the swept points on the curve: the fitted USL is Amdahl (σ = s, κ = 0)', () => {
    const fit = fitUsl(points);
    expect(fit?.sigma).toBeCloseTo(0.05, 3);
    expect(fit?.kappa).toBeLessThan(1e-6);
  });
});

describe('usl-coordination.json', () => {
  const scenario = load('usl-coordination.json');
  const points: SpeedupPoint[] = [];
  beforeAll(() => {
    for (const n of SWEEP) points.push({ n, speedup: runWith(scenario, n).speedup });
  });

  it('peaks near 22 workers at 7.4 times', () => {
    const best = points.reduce((a, b) => (b.speedup > a.speedup ? b : a));
    expect(best.n).toBe(22);
    expect(best.speedup).toBeCloseTo(7.4, 1);
  });

  it('is 7.1 times faster at 32 workers, and at 64 only 5.2 times: slower than with 8 (5.5)', () => {
    const at = (n: number) => points.find((p) => p.n === n)?.speedup ?? 0;
    expect(at(32)).toBeCloseTo(7.1, 1);
    expect(at(64)).toBeCloseTo(5.2, 1);
    expect(at(8)).toBeCloseTo(5.5, 1);
    expect(at(64)).toBeLessThan(at(8));
  });

  it('the docs’ row: S(32) = 7.06, S(64) = 5.24, S(8) = 5.47; the peak at √(0.95/0.002) ≈ 22', () => {
    const at = (n: number) => points.find((p) => p.n === n)?.speedup ?? 0;
    expect(at(32)).toBeCloseTo(7.06, 2);
    expect(at(64)).toBeCloseTo(5.24, 2);
    expect(at(8)).toBeCloseTo(5.47, 2);
    expect(Math.round(Math.sqrt(0.95 / 0.002))).toBe(22);
  });

  it('lets the fitted USL find the contention and coherency back, and the peak', () => {
    const fit = fitUsl(points);
    // σ in the USL is the serial part and the join's contention together: 0.02 + 0.03.
    expect(fit?.sigma).toBeCloseTo(0.05, 3);
    expect(fit?.kappa).toBeCloseTo(0.002, 4);
    expect(fit?.peakWorkers).toBeGreaterThan(21);
    expect(fit?.peakWorkers).toBeLessThan(23);
  });
});
