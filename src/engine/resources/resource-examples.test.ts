import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../scenario/parse';
import type { Scenario, ServerNode } from '../../scenario/schema';
import { createSimulation } from '../index';
import type { NodeReportOf, Report, ResourceName } from '../types';
import { serverDemands, throughputBound } from './operational-laws';
import { saturatedResource } from './saturation';

/*
 * The two resource examples keep the promises of their write-ups, sentence by
 * sentence, on their headless runs (the file's seed; variants change one knob).
 */

const dir = join(import.meta.dirname, '../../../scenarios');

function load(name: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(join(dir, name), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** The scenario with the app server's resources (or the users) changed. */
function variant(scenario: Scenario, change: { resources?: Partial<NonNullable<ServerNode['resources']>>; cores?: number; users?: number }): Scenario {
  return {
    ...scenario,
    nodes: scenario.nodes.map((n) => {
      if (n.kind === 'server' && n.resources) return { ...n, resources: { ...n.resources, ...change.resources } };
      if (n.kind === 'client' && n.workload.mode === 'closed' && change.users) return { ...n, workload: { ...n.workload, users: change.users } };
      return n;
    }),
  };
}

interface Run {
  report: Report;
  badge: ReturnType<typeof saturatedResource>;
}

/** Runs to the end; the badge is what the card shows from the last live snapshot. */
function run(scenario: Scenario): Run {
  const sim = createSimulation(scenario, { window: 0 });
  sim.runUntil(scenario.duration);
  const live = sim.snapshot().nodes[1]?.resources;
  if (!live) throw new Error('the app server has no live resources');
  return { report: sim.report(), badge: saturatedResource(live) };
}

const app = (r: Run) => r.report.nodes[1] as NodeReportOf<'server'>;
const util = (r: Run, name: ResourceName) => app(r).resources?.resources.find((x) => x.resource === name)?.utilization ?? Number.NaN;

describe('bottleneck-resources.json: which resource is the bottleneck?', () => {
  const scenario = load('bottleneck-resources.json');
  const runs = {} as Record<'base' | 'fastDisk' | 'batched' | 'moreCores' | 'lessRam', Run>;
  beforeAll(() => {
    runs.base = run(scenario);
    runs.fastDisk = run(variant(scenario, { resources: { diskIops: 4000 } }));
    runs.batched = run(variant(scenario, { resources: { batchSize: 4 } }));
    runs.moreCores = run(variant(scenario, { resources: { diskIops: 4000, cores: 8 } }));
    runs.lessRam = run(variant(scenario, { resources: { ramMB: 4096 } }));
  });

  it('demands: 8 ms of CPU on 4 cores, 5 ms of disk, 0.4 ms of network; the disk has the largest per unit', () => {
    const demands = serverDemands(scenario, scenario.nodes[1] as ServerNode);
    expect(demands?.demands.map((d) => d.demand)).toEqual([0.008, 0.005, 0.0004]);
    expect(demands?.bottleneck).toBe('disk');
  });

  it('the card badges the disk, busy 100 %; throughput stops at 200/s and the CPU idles at about 40 %', () => {
    expect(runs.base.badge).toBe('disk');
    expect(app(runs.base).resources?.bottleneck).toBe('disk');
    expect(util(runs.base, 'disk')).toBeGreaterThan(0.995);
    // Disk visits are exact (2.5 ms), so the cap is sharp; 1 % for the window's edges.
    expect(Math.abs(runs.base.report.totals.throughput - 200)).toBeLessThan(2);
    expect(Math.abs(util(runs.base, 'cpu') - 0.4)).toBeLessThan(0.03);
  });

  it('a 4,000 IOPS disk moves the bottleneck to the CPU: about 500/s, and the card badges the CPU', () => {
    expect(runs.fastDisk.badge).toBe('cpu');
    expect(app(runs.fastDisk).resources?.bottleneck).toBe('cpu');
    // CPU times are exponential: over ~50,000 requests their mean is within ~0.5 % (1 SE) of 8 ms; allow 3 %.
    expect(Math.abs(runs.fastDisk.report.totals.throughput / 500 - 1)).toBeLessThan(0.03);
    // The docs' row: 503/s in this run (seed 1).
    expect(Math.round(runs.fastDisk.report.totals.throughput)).toBe(503);
  });

  it('batching four requests’ disk operations moves it to the CPU as well', () => {
    expect(runs.batched.badge).toBe('cpu');
    expect(app(runs.batched).resources?.bottleneck).toBe('cpu');
    expect(util(runs.batched, 'disk')).toBeLessThan(0.85);
  });

  it('with the fast disk and 8 cores nothing saturates: about 300 / 0.509 s ≈ 590/s', () => {
    expect(runs.moreCores.badge).toBeNull();
    const bound = 300 / (0.5 + 0.008 + 0.0005 + 0.0004 + 0.002);
    expect(runs.moreCores.report.totals.throughput).toBeLessThan(bound);
    expect(runs.moreCores.report.totals.throughput).toBeGreaterThan(0.97 * bound);
    expect(Math.round(bound / 10) * 10).toBe(590);
  });

  it('memory: 4 GB + 64 × 20 MB = 5.4 GB of 8 GB, no paging', () => {
    const memory = app(runs.base).resources?.memory;
    expect(memory?.peakWorkingSetMB).toBe(4096 + 64 * 20);
    expect(memory?.pagingFactor).toBe(1);
  });

  it('with 4 GB of RAM the working set pages: CPU work × 5.5, and the CPU caps throughput at about 92/s', () => {
    const memory = app(runs.lessRam).resources?.memory;
    // f = 1,280 / 5,376 of the working set is beyond RAM: 1 + f · 19 = 5.52.
    expect(memory?.pagingFactor).toBeCloseTo(1 + (1280 / 5376) * 19, 2);
    expect(app(runs.lessRam).resources?.bottleneck).toBe('cpu');
    expect(runs.lessRam.badge).toBe('memory');
    expect(Math.abs(runs.lessRam.report.totals.throughput / 92 - 1)).toBeLessThan(0.04);
    // The docs' row: 91.8/s in this run (seed 1).
    expect(runs.lessRam.report.totals.throughput).toBeCloseTo(91.8, 1);
  });
});

describe('closed-system-bounds.json: asymptotic bounds for a closed system', () => {
  const scenario = load('closed-system-bounds.json');
  const demands = serverDemands(scenario, scenario.nodes[1] as ServerNode);
  const byUsers = new Map<number, Report>();
  const USERS = [10, 30, 42, 60, 80];
  beforeAll(() => {
    for (const users of USERS) byUsers.set(users, run(variant(scenario, { users })).report);
  });
  const throughputAt = (users: number) => byUsers.get(users)?.totals.throughput ?? Number.NaN;
  const responseAt = (users: number) => byUsers.get(users)?.totals.latency.mean ?? Number.NaN;

  it('demands 10 + 25 + 5 = 40 ms, the disk the bottleneck; the bounds cross near 42 users', () => {
    expect(demands?.demands.map((d) => d.demand)).toEqual([0.01, 0.025, 0.005]);
    expect(demands?.total).toBeCloseTo(0.04, 12);
    expect(demands?.bottleneck).toBe('disk');
    expect(demands?.maxThroughput).toBeCloseTo(40, 9);
    expect(Math.round((0.04 + 1) / 0.025)).toBe(42);
  });

  it('measured throughput stays under both bounds at every N (1 % for sampling)', () => {
    for (const users of USERS) expect(throughputAt(users)).toBeLessThan(throughputBound(demands ?? { total: 0, maxThroughput: 0 }, users, 1) * 1.01);
  });

  it('below N* it follows N / (D + Z) and R stays near D; above, X is pinned at 40/s and R ≥ N · D_disk − Z', () => {
    expect(throughputAt(10) / (10 / 1.04)).toBeGreaterThan(0.95);
    expect(responseAt(10)).toBeLessThan(0.05);
    for (const users of [60, 80]) {
      expect(Math.abs(throughputAt(users) - 40)).toBeLessThan(0.4);
      expect(responseAt(users)).toBeGreaterThan(users * 0.025 - 1 - 0.01);
    }
    // Each extra user adds D_disk: from 60 to 80 users, 20 × 25 ms.
    expect(Math.abs(responseAt(80) - responseAt(60) - 0.5)).toBeLessThan(0.02);
  });

  it('near N* the points bend away from the corner: at 42 users X is well under 40/s', () => {
    expect(throughputAt(42)).toBeLessThan(0.95 * 40);
  });

  it('at 30 users (the file) about 28/s against a bound of 28.8', () => {
    expect(throughputBound(demands ?? { total: 0, maxThroughput: 0 }, 30, 1)).toBeCloseTo(28.85, 2);
    expect(Math.abs(throughputAt(30) - 28)).toBeLessThan(0.6);
    // The docs' row: 27.8/s in this run (seed 1).
    expect(throughputAt(30)).toBeCloseTo(27.8, 1);
  });
});
