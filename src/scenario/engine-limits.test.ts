import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_EVENT,
  MAX_PENDING_EVENTS,
  maxRequestSlots,
  PENDING_EVENTS_FOR_NEW_REQUESTS,
  REQUEST_POOL_BYTES,
  WORKER_MEMORY_BUDGET,
} from './engine-limits';
import { SCENARIO_LIMITS } from './schema';

const docs = readFileSync(join(import.meta.dirname, '../../docs/scenario-format.md'), 'utf8');
const grouped = (n: number) => n.toLocaleString('en-US');

describe('the engine budget', () => {
  it('fits in the worker budget even while the pool and the heap grow (old and new arrays held at once)', () => {
    const poolAtWorst = 2 * REQUEST_POOL_BYTES;
    const heapAtWorst = 1.5 * MAX_PENDING_EVENTS * BYTES_PER_EVENT;
    // What is left is for code, the worker's own heap, queues and windows.
    expect(WORKER_MEMORY_BUDGET - poolAtWorst - heapAtWorst).toBeGreaterThanOrEqual(32 * 2 ** 20);
  });

  it('keeps requests alive for every hop limit the format allows', () => {
    expect(maxRequestSlots(SCENARIO_LIMITS.maxHopLimit)).toBeGreaterThan(50_000);
    expect(maxRequestSlots(16)).toBeGreaterThan(200_000);
  });

  it('is stated in docs/scenario-format.md with the figures the engine enforces', () => {
    for (const figure of [maxRequestSlots(16), maxRequestSlots(SCENARIO_LIMITS.maxHopLimit), MAX_PENDING_EVENTS, PENDING_EVENTS_FOR_NEW_REQUESTS]) {
      expect(docs).toContain(grouped(figure));
    }
    expect(docs).toContain(`**${WORKER_MEMORY_BUDGET / 2 ** 20} MB**`);
    expect(docs).toMatch(/\| `engineLimit` \|/);
  });
});
