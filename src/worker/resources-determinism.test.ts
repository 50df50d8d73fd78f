import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { Report } from '../engine/types';
import { parseScenario, parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import type { Frame } from './protocol';
import { createSimService } from './sim-service';

/*
 * A server with resources watched in the browser gives the headless numbers:
 * live figures read the resources' integrals without advancing them, and a
 * crash, a slow-down and a live edit of the machine replay the same.
 */

function bottleneckExample(): Scenario {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../scenarios/bottleneck-resources.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { ...parsed.scenario, duration: 20, warmup: 2 };
}

const scenario = bottleneckExample();

function finalReport(drive: (service: ReturnType<typeof createSimService>) => void): Promise<Report> {
  const service = createSimService();
  return new Promise((resolve) => {
    service.subscribe((frame: Frame) => {
      if (frame.report) resolve(frame.report);
    });
    service.load(scenario);
    drive(service);
  });
}

describe('a server with resources through the worker', () => {
  it('gives the headless report, paced, paused and stepped', async () => {
    const report = await finalReport((service) => {
      service.step();
      service.setSpeed(50);
      service.run();
      setTimeout(() => {
        service.pause();
        service.step();
        service.setSpeed(Number.POSITIVE_INFINITY);
        service.run();
      }, 5);
    });
    expect(JSON.stringify(report)).toBe(JSON.stringify(runScenario(scenario)));
    expect(report.nodes[1]?.resources?.bottleneck).toBe('disk');
  });

  it('replays a crash, a restart, a slow-down and a faster disk edited live to the same report', async () => {
    const changes: unknown[] = [];
    const faults: unknown[] = [];
    const report = await finalReport((service) => {
      const fault = (action: 'crash' | 'restart' | 'slow', factor?: number) => {
        const answer = service.injectFault('app', action, factor);
        if (!answer.ok) throw new Error(answer.error);
        faults.push(answer.fault);
      };
      for (let i = 0; i < 3; i++) service.step();
      fault('crash');
      service.step();
      fault('restart');
      fault('slow', 3);
      service.step();
      const answer = service.applyChange(
        scenario.nodes.map((n) => (n.kind === 'server' && n.resources ? { ...n, resources: { ...n.resources, diskIops: 4000 } } : n)),
        scenario.links,
      );
      if (!answer.ok) throw new Error(answer.error);
      changes.push(answer.change);
      service.setSpeed(Number.POSITIVE_INFINITY);
      service.run();
    });
    const replay = parseScenario(JSON.parse(JSON.stringify({ ...scenario, changes, faults })));
    if (!replay.ok) throw new Error(replay.errors.join('\n'));
    expect(JSON.stringify(report)).toBe(JSON.stringify(runScenario(replay.scenario)));
    // The new machine (a fast disk) finished with the CPU as its bottleneck; requests were lost in the crash.
    const apps = report.nodes.filter((n) => n.id === 'app');
    expect(apps.at(-1)?.resources?.bottleneck).toBe('cpu');
    expect(apps[0]?.lost).toBeGreaterThan(0);
    expect(report.totals.sent).toBe(report.totals.completed + report.totals.failed + report.totals.inFlight);
  });
});
