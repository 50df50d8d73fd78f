import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { Report } from '../engine/types';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import type { Frame } from './protocol';
import { createSimService } from './sim-service';

/*
 * A scaling group watched in the browser gives the headless numbers: live
 * frames read the instance counts and integrals without advancing them, so
 * the instance-seconds, the cost and every scaling decision are the same.
 */

function rampExample(): Scenario {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../scenarios/autoscaling-ramp-spike.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  // The first 200 s: the ramp, several scale-outs of the tuned group and the slow group's first.
  return { ...parsed.scenario, duration: 200 };
}

const scenario = rampExample();

describe('a scaling group through the worker', () => {
  it('gives the headless report, paced, paused and stepped', async () => {
    const service = createSimService();
    const frames: Frame[] = [];
    const report = await new Promise<Report>((resolve) => {
      service.subscribe((frame: Frame) => {
        frames.push(frame);
        if (frame.report) resolve(frame.report);
      });
      service.load(scenario);
      service.step();
      service.setSpeed(500);
      service.run();
      setTimeout(() => {
        service.pause();
        service.step();
        service.setSpeed(Number.POSITIVE_INFINITY);
        service.run();
      }, 5);
    });
    expect(JSON.stringify(report)).toBe(JSON.stringify(runScenario(scenario)));
    const tuned = report.nodes.find((n) => n.id === 'tuned-api');
    expect(tuned?.instances?.scaleOuts).toBeGreaterThan(2);
    // The live frames carried the counts the card shows.
    expect(frames.some((frame) => (frame.snapshot?.nodes ?? []).some((n) => (n.instances?.starting ?? 0) > 0))).toBe(true);
  });
});
