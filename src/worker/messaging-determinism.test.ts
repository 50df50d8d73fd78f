import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine';
import type { Report } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import type { Frame } from './protocol';
import { createSimService } from './sim-service';

/* A run with a queue, watched live frame by frame (each frame reads the queue's live figures), gives the headless report. */

const parsed = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../scenarios/queue-consumer-crash.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const scenario = { ...parsed.scenario, duration: 50 };

describe('the worker runs a message queue as the headless runner does', () => {
  it('the consumer-crash example at max speed, sliced on timers: the same report', async () => {
    const service = createSimService();
    const report = await new Promise<Report>((resolve) => {
      service.subscribe((frame: Frame) => {
        if (frame.report) resolve(frame.report);
      });
      service.load(scenario);
      service.setSpeed(Number.POSITIVE_INFINITY);
      service.run();
    });
    const headless = runScenario(scenario);
    expect(report).toEqual(headless);
    const queue = headless.nodes.find((n) => n.kind === 'messageQueue');
    expect(queue?.kind === 'messageQueue' && queue.messaging.duplicates).toBeGreaterThan(0);
  });
});
