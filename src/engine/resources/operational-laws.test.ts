import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput, ServerNode } from '../../scenario/schema';
import { runScenario } from '../index';
import { buildScenario } from '../testing/build-scenario';
import type { NodeReportOf, Report, ResourceFigures, ResourceName } from '../types';
import { serverDemands, throughputBound } from './operational-laws';

/*
 * A server's resources held to the operational laws on simulated runs: the
 * utilization law U_k = X · D_k / units for each resource, the bottleneck is
 * the resource with the largest demand per unit and caps throughput at
 * units / D_b, and memory beyond RAM multiplies CPU time as documented.
 */

/** users → app with a machine: 2 cores, CPU 10 ms, 2 disk ops at `iops`, 0.05 MB out at 100 Mbit/s (4 ms). */
function machineScenario(options: { workload: unknown; iops?: number; cpu?: unknown; ramMB?: number; workingSetMB?: number; memoryMB?: number; duration?: number }) {
  return buildScenario({
    duration: options.duration ?? 2000,
    warmup: 50,
    nodes: [
      { id: 'users', kind: 'client', workload: options.workload },
      {
        id: 'app',
        kind: 'server',
        workers: 64,
        serviceTime: options.cpu ?? { type: 'exponential', mean: 0.01 },
        resources: {
          cores: 2,
          ramMB: options.ramMB ?? 4096,
          workingSetMB: options.workingSetMB ?? 1024,
          pagingSlowdown: 11,
          diskIops: options.iops ?? 100,
          diskMBps: 1000,
          networkMbps: 100,
          demands: [{ diskOps: 2, diskMB: 0, networkMB: 0.05, memoryMB: options.memoryMB ?? 0 }],
        },
      },
    ] as ScenarioInput['nodes'],
    links: [{ id: 'l', from: 'users', to: 'app', latency: 0 }],
  });
}

const appOf = (report: Report) => report.nodes[1] as NodeReportOf<'server'>;
const figure = (report: Report, name: ResourceName) => appOf(report).resources?.resources.find((r) => r.resource === name) as ResourceFigures;

describe('operational laws on a server with resources', () => {
  describe('utilization law, open load at 30 requests a second', () => {
    let report: Report;
    beforeAll(() => {
      report = runScenario(machineScenario({ workload: { mode: 'open', rate: 30 } }), { seed: 5, window: 0 });
    });

    it('U_k = X · D_k / units for every resource, D_k from the configuration', () => {
      const scenario = machineScenario({ workload: { mode: 'open', rate: 30 } });
      const demands = serverDemands(scenario, scenario.nodes[1] as ServerNode);
      const X = appOf(report).resources?.throughput ?? 0;
      expect(X).toBeGreaterThan(29);
      for (const d of demands?.demands ?? []) {
        const measured = figure(report, d.resource);
        // ≈58,000 requests: the sample mean of the exponential CPU time is within ~0.4 % (1 SE)
        // of 10 ms; disk and network visits are exact. Allow 2 % of U.
        expect(Math.abs(measured.utilization - (X * d.demand) / d.units)).toBeLessThan(0.02 * measured.utilization);
      }
      expect(demands?.demands.map((d) => d.demand)).toEqual([0.01, 0.02, 0.004]);
    });

    it('measured D_k = V_k · S_k, with two disk visits and three CPU bursts per request', () => {
      for (const name of ['cpu', 'disk', 'network'] as const) {
        const r = figure(report, name);
        expect(r.demand).toBeCloseTo(r.visitRatio * r.serviceTime, 12);
      }
      expect(figure(report, 'disk').visitRatio).toBeCloseTo(2, 2);
      expect(figure(report, 'cpu').visitRatio).toBeCloseTo(3, 2);
      expect(figure(report, 'network').visitRatio).toBeCloseTo(1, 2);
    });
  });

  describe('the bottleneck is the resource with the largest demand per unit', () => {
    let slowDisk: Report;
    let fastDisk: Report;
    const closed = { mode: 'closed', users: 60, thinkTime: { type: 'exponential', mean: 0.1 } };
    beforeAll(() => {
      slowDisk = runScenario(machineScenario({ workload: closed, duration: 600 }), { seed: 6, window: 0 });
      fastDisk = runScenario(machineScenario({ workload: closed, iops: 2000, duration: 600 }), { seed: 6, window: 0 });
    });

    it('a 100 IOPS disk (D = 20 ms) saturates first and caps X at 1/D_disk = 50/s', () => {
      const resources = appOf(slowDisk).resources;
      expect(resources?.bottleneck).toBe('disk');
      expect(figure(slowDisk, 'disk').utilization).toBeGreaterThan(0.99);
      expect(figure(slowDisk, 'cpu').utilization).toBeLessThan(0.3);
      // The disk's visits are exact (10 ms each): the cap holds to the edge of the window.
      expect(Math.abs(slowDisk.totals.throughput - 50)).toBeLessThan(0.5);
      // The queue is at the disk: that is where the time goes.
      expect(figure(slowDisk, 'disk').meanQueue).toBeGreaterThan(10 * figure(slowDisk, 'cpu').meanQueue);
    });

    it('a faster disk (D = 1 ms) moves it to the CPU: 2 cores / 10 ms = 200/s, and the bound min(Xmax, N/(D + Z)) holds', () => {
      const resources = appOf(fastDisk).resources;
      expect(resources?.bottleneck).toBe('cpu');
      expect(figure(fastDisk, 'cpu').utilization).toBeGreaterThan(0.97);
      const scenario = machineScenario({ workload: closed, iops: 2000 });
      const demands = serverDemands(scenario, scenario.nodes[1] as ServerNode);
      expect(demands?.bottleneck).toBe('cpu');
      expect(demands?.maxThroughput).toBeCloseTo(200, 6);
      const bound = throughputBound(demands ?? { total: 0, maxThroughput: 0 }, 60, 0.1);
      // Exponential CPU times: over ~110,000 requests the mean is within ~0.3 % (1 SE); allow 2 %.
      expect(fastDisk.totals.throughput).toBeLessThan(bound * 1.02);
      expect(fastDisk.totals.throughput).toBeGreaterThan(bound * 0.95);
    });
  });

  describe('memory beyond RAM multiplies CPU time', () => {
    it('a working set twice RAM pages half of it: CPU × (1 + ½ · (11 − 1)) = ×6', () => {
      const one = { mode: 'closed', users: 1, thinkTime: { type: 'constant', value: 0.1 } };
      const cpu = { type: 'constant', value: 0.01 };
      const paged = runScenario(machineScenario({ workload: one, cpu, ramMB: 1000, workingSetMB: 2000, duration: 300 }), { seed: 7, window: 0 });
      const fits = runScenario(machineScenario({ workload: one, cpu, ramMB: 4000, workingSetMB: 2000, duration: 300 }), { seed: 7, window: 0 });
      // B/C counts the visit cut by the end of the run: within one visit in ~3,000 (0.1 %).
      expect(Math.abs(figure(fits, 'cpu').demand / 0.01 - 1)).toBeLessThan(1e-3);
      expect(Math.abs(figure(paged, 'cpu').demand / 0.06 - 1)).toBeLessThan(1e-3);
      expect(appOf(paged).resources?.memory.pagingFactor).toBeCloseTo(6, 9);
      // One user never waits: a request takes CPU + disk + network, 60 + 20 + 4 ms (the histogram keeps 3 digits).
      expect(paged.totals.latency.mean).toBeCloseTo(0.084, 3);
      expect(fits.totals.latency.mean).toBeCloseTo(0.034, 3);
    });

    it('requests that hold memory push the working set past RAM only under load', () => {
      // 1,000 MB base + 100 MB per request in the server, 1,500 MB of RAM: five at once fit, more page.
      const light = runScenario(
        machineScenario({ workload: { mode: 'open', rate: 5 }, ramMB: 1500, workingSetMB: 1000, memoryMB: 100, iops: 2000, duration: 500 }),
        { seed: 8, window: 0 },
      );
      const heavy = runScenario(
        machineScenario({ workload: { mode: 'closed', users: 40, thinkTime: { type: 'constant', value: 0.01 } }, ramMB: 1500, workingSetMB: 1000, memoryMB: 100, iops: 2000, duration: 500 }),
        { seed: 8, window: 0 },
      );
      expect(appOf(light).resources?.memory.pagingFactor).toBeLessThan(1.05);
      const memory = appOf(heavy).resources?.memory;
      expect(memory?.peakWorkingSetMB).toBeCloseTo(1000 + 40 * 100, 6);
      // 40 requests in: W = 5,000 MB, f = 0.7, factor 1 + 0.7 · 10 = 8.
      expect(memory?.pagingFactor).toBeGreaterThan(7);
      expect(figure(heavy, 'cpu').serviceTime).toBeGreaterThan(5 * figure(light, 'cpu').serviceTime);
    });
  });

  describe('the other knobs', () => {
    const closed = { mode: 'closed', users: 60, thinkTime: { type: 'exponential', mean: 0.1 } };

    it('compression divides network bytes by its ratio and adds its CPU per megabyte', () => {
      const plain = machineScenario({ workload: closed, iops: 2000 });
      const server = plain.nodes[1] as ServerNode;
      const compressed = { ...server, resources: { ...(server.resources as NonNullable<ServerNode['resources']>), compression: { ratio: 4, cpuPerMB: 0.02 } } };
      const withCompression = { ...plain, duration: 300, nodes: [plain.nodes[0], compressed] } as typeof plain;
      expect(serverDemands(plain, server)?.demands.map((d) => d.demand)).toEqual([0.01, 0.001, 0.004]);
      // 0.05 MB: network 4 ms → 1 ms; CPU 10 ms + 0.05 × 20 ms = 11 ms.
      const after = serverDemands(withCompression, compressed)?.demands.map((d) => d.demand) ?? [];
      for (const [got, want] of after.map((d, i) => [d, [0.011, 0.001, 0.001][i] as number])) expect(got).toBeCloseTo(want as number, 12);
      const report = runScenario(withCompression, { seed: 9, window: 0 });
      expect(Math.abs(figure(report, 'network').demand / 0.001 - 1)).toBeLessThan(0.01);
      // Exponential CPU over ~55,000 requests: within 2 % of 11 ms.
      expect(Math.abs(figure(report, 'cpu').demand / 0.011 - 1)).toBeLessThan(0.02);
    });

    it('each replica is a machine of its own: two slow disks carry twice the load', () => {
      const base = machineScenario({ workload: closed, duration: 600 });
      const two = { ...base, nodes: base.nodes.map((n) => (n.kind === 'server' ? { ...n, replicas: 2 } : n)) } as typeof base;
      const report = runScenario(two, { seed: 10, window: 0 });
      expect(serverDemands(two, two.nodes[1] as ServerNode)?.maxThroughput).toBeCloseTo(100, 9);
      // Requests are dealt to the replicas in turn, so both disks saturate: 2 / 20 ms.
      expect(Math.abs(report.totals.throughput - 100)).toBeLessThan(1);
      expect(figure(report, 'disk').utilization).toBeGreaterThan(0.99);
    });
  });
});
