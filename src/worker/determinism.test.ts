import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { Report } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import type { FaultAction } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import type { Frame } from './protocol';
import { createSimService } from './sim-service';

/** The starter scenario, shortened so the test stays quick. */
const scenario = { ...starterScenario(), duration: 20 };

/** Runs the real service (real engine, real timers, no Worker) and resolves with the final report. */
function finalReport(drive: (service: ReturnType<typeof createSimService>) => void, seed?: number): Promise<Report> {
  const service = createSimService();
  return new Promise((resolve) => {
    service.subscribe((frame: Frame) => {
      if (frame.report) resolve(frame.report);
    });
    service.load(scenario, seed);
    drive(service);
  });
}

type Service = ReturnType<typeof createSimService>;

/** Live edits and fault clicks on a service, each refused one failing the test, and what the service recorded of them. */
function recorder() {
  let service: Service | null = null;
  const changes: unknown[] = [];
  const faults: unknown[] = [];
  const edit = (graph: { nodes: unknown[]; links: unknown[] }) => {
    const answer = service!.applyChange(graph.nodes as never, graph.links as never);
    if (!answer.ok) throw new Error(answer.error);
    changes.push(answer.change);
  };
  const attach = (live: Service) => {
    service = live;
  };
  const fault = (node: string, action: FaultAction, factor?: number) => {
    const answer = service!.injectFault(node, action, factor);
    if (!answer.ok) throw new Error(answer.error);
    faults.push(answer.fault);
  };
  return { attach, changes, faults, edit, fault };
}

describe('the worker gives the same report as the headless runner', () => {
  // The headless report at the scenario's own seed, shared by the tests below.
  let headless: Report;
  beforeAll(() => {
    headless = runScenario(scenario);
  });

  it('at max speed, sliced on timers', async () => {
    const report = await finalReport((service) => {
      service.setSpeed(Number.POSITIVE_INFINITY);
      service.run();
    });
    expect(report).toEqual(headless);
  });

  it('one step at a time, with a seed override', async () => {
    const report = await finalReport((service) => {
      for (let i = 0; i < scenario.duration; i++) service.step();
    }, 99);
    expect(report).toEqual(runScenario(scenario, { seed: 99 }));
    expect(report).not.toEqual(headless);
  });

  it('when paused, stepped and resumed along the way', async () => {
    const report = await finalReport((service) => {
      service.step();
      service.setSpeed(1000);
      service.run();
      setTimeout(() => {
        service.pause();
        service.step();
        service.setSpeed(Number.POSITIVE_INFINITY);
        service.run();
      }, 5);
    });
    expect(report).toEqual(headless);
  });
});

describe('live edits through the worker', () => {
  /** The edits a teacher makes along the way: a third server, then a faster client, then a removed server. */
  const third = {
    nodes: [...scenario.nodes, { ...scenario.nodes.find((n) => n.id === 'server-1')!, id: 'server-3', label: 'API server 3' }],
    links: [
      ...scenario.links,
      { id: 'link-6', from: 'lb-1', to: 'server-3', latency: 0.001, weight: 1 },
      { id: 'link-7', from: 'server-3', to: 'database-1', latency: 0.001, weight: 1 },
    ],
  };
  const faster = { ...third, nodes: third.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open' as const, rate: 90 } } : n)) };
  const fewer = { nodes: faster.nodes.filter((n) => n.id !== 'server-2'), links: faster.links.filter((l) => l.to !== 'server-2' && l.from !== 'server-2') };

  it('give, byte for byte, the headless report of the scenario they recorded', async () => {
    const { attach, changes: recorded, edit } = recorder();
    const report = await finalReport((service) => {
      attach(service);
      // Stepped, then paced at a speed that lands between window boundaries, then at max speed.
      service.step();
      service.step();
      edit(third);
      service.setSpeed(200);
      service.run();
      setTimeout(() => {
        service.pause();
        edit(faster);
        service.step();
        edit(fewer);
        service.setSpeed(Number.POSITIVE_INFINITY);
        service.run();
      }, 3);
    });
    expect(recorded).toHaveLength(3);
    const replay = { ...scenario, changes: JSON.parse(JSON.stringify(recorded)) };
    expect(JSON.stringify(report)).toBe(JSON.stringify(runScenario(replay)));
    expect(report.nodes.some((n) => n.id === 'server-3')).toBe(true);
    expect(report).not.toEqual(runScenario(scenario));
  });

  it('with faults clicked along the way, give the headless report of the run they recorded', async () => {
    const { attach, changes, faults, edit, fault } = recorder();
    const report = await finalReport((service) => {
      attach(service);
      // At a window boundary, a fault then an edit, then an edit then a fault on the node it added;
      // then, between boundaries while paced, a slow-down and a recovery.
      service.step();
      service.step();
      fault('server-1', 'crash');
      // The same instant: a new server-1 (more workers) takes over from the crashed one.
      edit({ ...third, nodes: third.nodes.map((n) => (n.id === 'server-1' ? { ...n, workers: 6 } : n)) });
      fault('server-3', 'slow', 4);
      service.setSpeed(200);
      service.run();
      setTimeout(() => {
        service.pause();
        fault('server-1', 'restart');
        edit(faster);
        service.step();
        fault('server-3', 'recover');
        service.setSpeed(Number.POSITIVE_INFINITY);
        service.run();
      }, 3);
    });
    expect(faults).toHaveLength(4);
    expect(changes).toHaveLength(2);
    const replay = parseScenario(JSON.parse(JSON.stringify({ ...scenario, changes, faults })));
    if (!replay.ok) throw new Error(replay.errors.join('\n'));
    expect(JSON.stringify(report)).toBe(JSON.stringify(runScenario(replay.scenario)));
    // The faults matter: without them the replay differs.
    expect(JSON.stringify(report)).not.toBe(JSON.stringify(runScenario({ ...replay.scenario, faults: [] })));
  });
});

describe('faults injected through the worker', () => {
  it('reach the engine at the time the run has reached, and are refused before a load', async () => {
    const service = createSimService();
    expect(service.injectFault('server-1', 'crash')).toMatchObject({ ok: false, error: expect.stringMatching(/Run first/) });
    const frames: Frame[] = [];
    service.subscribe((frame) => {
      frames.push(frame);
    });
    service.load(scenario);
    service.step();
    expect(service.injectFault('server-1', 'crash')).toEqual({ ok: true, fault: { at: 1, node: 'server-1', action: 'crash', factor: 1 } });
    expect(service.injectFault('nobody', 'crash')).toMatchObject({ ok: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const index = scenario.nodes.findIndex((n) => n.id === 'server-1');
    expect(frames.at(-1)!.snapshot.nodes[index]!.down).toBe(true);
  });
});
