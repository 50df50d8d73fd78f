/**
 * A tiny deterministic stand-in for the engine, for worker and store tests:
 * one request every `interval` simulated seconds, each crossing link 0 and
 * coming back. It honours the Simulation contract (peek/step/runUntil,
 * windows, trace) so slicing and pacing can be checked without the engine.
 */
import { FAILURE_REASONS, type FailureReason, type LiveSnapshot, type Report, type RunLayout, type Simulation, type SimulationOptions, type TraceSink, type WindowSample } from '../../engine/types';
import { parseScenario } from '../../scenario/parse';
import type { Scenario, ScenarioInput } from '../../scenario/schema';

/** Zero for every failure reason the engine knows. */
export const NO_FAILURES = Object.fromEntries(FAILURE_REASONS.map((reason) => [reason, 0])) as Record<FailureReason, number>;

/** Builds a fake simulation; the seed shifts the arrival phase so different seeds give different runs. */
export function createFakeSimulation(scenario: Scenario, options: SimulationOptions = {}, interval = 0.1): Simulation {
  const seed = options.seed ?? scenario.seed;
  const phase = ((seed % 7) / 7) * interval;
  let trace: TraceSink | null = options.trace ?? null;
  let now = 0;
  let processed = 0;
  const windows: WindowSample[] = [];
  const nextTime = () => phase + (processed + 1) * interval;
  const layout: RunLayout = {
    nodeIds: scenario.nodes.map((n) => n.id),
    nodeIndex: Object.fromEntries(scenario.nodes.map((n, i) => [n.id, i])),
    linkIds: scenario.links.map((l) => l.id),
    linkEnds: scenario.links.map((l) => ({ from: l.from, to: l.to })),
  };

  const closeWindows = () => {
    while (windows.length + 1 <= Math.floor(now + 1e-9)) {
      const start = windows.length;
      const completed = countBefore(start + 1) - countBefore(start);
      windows.push({
        start,
        end: start + 1,
        completed,
        failed: 0,
        throughput: completed,
        p50: 0.02,
        p95: 0.02,
        p99: 0.02,
        nodes: scenario.nodes.map(() => ({ utilization: 0.5, queueLength: 0, p99: 0.01, served: completed, dropped: 0 })),
      });
    }
  };
  const countBefore = (t: number) => Math.max(0, Math.floor((t - phase) / interval + 1e-9));

  const sim: Simulation = {
    get now() {
      return now;
    },
    get events() {
      return processed;
    },
    get windowCount() {
      return windows.length;
    },
    inFlight: 0,
    // One pending event: the next tick.
    pendingEvents: 1,
    peek: () => (nextTime() <= scenario.duration + 1 ? nextTime() : Number.POSITIVE_INFINITY),
    step() {
      const t = sim.peek();
      if (!Number.isFinite(t)) return false;
      now = t;
      processed++;
      trace?.hop(0, t, t + 0.01, 0, false);
      trace?.hop(0, t + 0.01, t + 0.02, 1, true);
      closeWindows();
      return true;
    },
    runUntil(time) {
      while (sim.peek() <= time) sim.step();
      now = Math.max(now, time);
      closeWindows();
    },
    windowsSince: (from) => windows.slice(from),
    snapshot: (): LiveSnapshot => ({
      now,
      events: processed,
      sent: processed,
      completed: processed,
      failed: 0,
      failures: { ...NO_FAILURES },
      inFlight: 0,
      retries: 0,
      nodes: scenario.nodes.map(() => ({ busy: 1, queueLength: 0, inSystem: 1, workers: 2 })),
    }),
    // Cast through unknown: the engine's report keeps growing; the worker only passes it through.
    report: (): Report =>
      ({
      scenario: scenario.name,
      seed,
      duration: scenario.duration,
      warmup: scenario.warmup,
      simulatedTime: now,
      events: processed,
      totals: {
        sent: processed,
        completed: processed,
        failed: 0,
        failures: { ...NO_FAILURES },
        inFlight: 0,
        retries: 0,
        throughput: processed / Math.max(now, 1e-9),
        latency: { count: processed, mean: 0.02, p50: 0.02, p90: 0.02, p95: 0.02, p99: 0.02, p999: 0.02, max: 0.02 },
        sessions: { logins: 0, relogins: 0, lost: 0 },
      },
      nodes: [],
    }) as unknown as Report,
    setTrace(sink) {
      trace = sink;
    },
    injectFault: () => null,
    applyChange: (nodes, links) => ({ at: now, nodes: nodes.slice(), links: links.slice() }),
    layout: () => layout,
  };
  return sim;
}

/** A small valid scenario: client → server over one link, defaults filled in by the real parser. */
export const tinyScenario: Scenario = parsed({
  version: 4,
  name: 'tiny',
  seed: 1,
  duration: 5,
  nodes: [
    { id: 'client', kind: 'client', position: { x: 0, y: 0 }, workload: { mode: 'open', rate: 10 } },
    { id: 'server', kind: 'server', position: { x: 200, y: 0 }, workers: 2, serviceTime: { type: 'exponential', mean: 0.05 } },
  ],
  links: [{ id: 'l1', from: 'client', to: 'server', latency: 0.01 }],
});

function parsed(input: ScenarioInput): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.scenario;
}
