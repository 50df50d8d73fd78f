/**
 * The benchmark's sweep case: 16 points of about 200,000 requests each
 * (the 8-server system, its database's workers swept 8…23), run on pools of
 * 1 and 2 worker threads. Parallel efficiency is T(1 thread) / (2 × T(2
 * threads)): how much of the second core the pool turned into speed.
 */
import { readFileSync } from 'node:fs';
import { parseScenarioJson } from '../scenario/parse';
import { planFieldSweep } from '../worker/field-sweep';
import { sweepInThreads } from './thread-sweep';

const POINTS = 16;
const REQUESTS_PER_POINT = 200_000;

/** What the sweep case measured. */
export interface SweepBench {
  points: number;
  requestsPerPoint: number;
  /** Wall seconds with one thread, then two. */
  oneThreadSeconds: number;
  twoThreadSeconds: number;
  speedup: number;
  efficiency: number;
  /** CPU seconds the process got per wall second during the two-thread run: the cores the machine actually gave it. */
  coresObtained: number;
}

/** Runs the sweep on one thread, then on two, and compares their wall clocks. */
export async function benchSweep(): Promise<SweepBench> {
  const parsed = parseScenarioJson(readFileSync('scenarios/bench-8-servers.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const client = parsed.scenario.nodes.find((n) => n.kind === 'client');
  const rate = client?.kind === 'client' && client.workload.mode === 'open' ? client.workload.rate : 1;
  const scenario = { ...parsed.scenario, duration: REQUESTS_PER_POINT / rate, warmup: 0 };
  const plan = planFieldSweep(scenario, { path: 'nodes.db.workers', from: 8, to: 8 + POINTS - 1, steps: POINTS });
  if (!plan.ok) throw new Error(plan.error);
  const one = await sweepInThreads(plan.variants, scenario.seed, 1);
  // process.cpuUsage counts every thread of the process; thread start-up is inside, a small share.
  const before = process.cpuUsage();
  const started = performance.now();
  const two = await sweepInThreads(plan.variants, scenario.seed, 2);
  const cpu = process.cpuUsage(before);
  const coresObtained = (cpu.user + cpu.system) / 1000 / (performance.now() - started);
  const speedup = one.wallMs / two.wallMs;
  return {
    points: POINTS,
    requestsPerPoint: REQUESTS_PER_POINT,
    oneThreadSeconds: one.wallMs / 1000,
    twoThreadSeconds: two.wallMs / 1000,
    speedup,
    efficiency: speedup / 2,
    coresObtained,
  };
}

/** One line for the bench's table. */
export function formatSweepBench(b: SweepBench): string {
  return (
    `sweep: ${b.points} points × ${b.requestsPerPoint.toLocaleString('en-US')} requests`.padEnd(44) +
    ` 1 thread ${b.oneThreadSeconds.toFixed(2)} s, 2 threads ${b.twoThreadSeconds.toFixed(2)} s: speedup ${b.speedup.toFixed(2)}×, ` +
    `parallel efficiency ${(b.efficiency * 100).toFixed(0)} % [goal ≥ 80 %]; the 2 threads got ${b.coresObtained.toFixed(2)} cores' worth of CPU ` +
    '(below 2: other work on the machine held them back)'
  );
}
