import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConnectionPolicy } from '../../scenario/schema';
import type { RuntimeLink } from '../component';
import { RequestPool } from '../request-pool';
import { ConnectionLayer } from './connection-layer';

const LATENCY = 0.01;
const IDLE_TIMEOUT = 5;

/** One caller making calls one after another on a pool of one connection; says which calls paid a handshake. */
function handshakesOf(calls: { gap: number; hold: number }[]): boolean[] {
  const requests = new RequestPool(4);
  const events: { kind: number; arg: number; time: number }[] = [];
  let sentAt = 0;
  let arrivedAt = 0;
  const layer = new ConnectionLayer({
    requests,
    cross: (request, link, time) => {
      arrivedAt = time + link.latency;
      requests.depth[request] = (requests.depth[request] as number) + 1;
    },
    respond: () => {
      throw new Error('no call should fail');
    },
    scheduleConnectionEvent: (kind, arg, time) => events.push({ kind, arg, time }),
    instanceOf: () => 0,
    connectionLimitOf: () => null,
    nodeId: () => 'db',
  });
  const link: RuntimeLink = { index: 0, id: 'query', from: 0, to: 1, latency: LATENCY, weight: 1 };
  const policy: ConnectionPolicy = { handshakeRoundTrips: 1, tlsCpu: 0, pool: { size: 1, idleTimeout: IDLE_TIMEOUT, waitTimeout: null } };
  const runUntil = (time: number) => {
    for (;;) {
      events.sort((a, b) => a.time - b.time);
      const next = events[0];
      if (next === undefined || next.time > time) return;
      events.shift();
      layer.handle(next.kind, next.arg, next.time);
    }
  };
  const paid: boolean[] = [];
  let freeAt = 0;
  for (const { gap, hold } of calls) {
    const now = freeAt + gap;
    runUntil(now);
    const request = requests.alloc();
    sentAt = now;
    layer.send(request, link, policy, now);
    paid.push(arrivedAt - sentAt > LATENCY * 1.5);
    // The answer is back `hold` after the request arrived; the connection is free then.
    freeAt = arrivedAt + hold + LATENCY;
    layer.answered(request * requests.stride, freeAt);
    requests.depth[request] = 0;
    requests.release(request);
  }
  return paid;
}

describe('idle expiry', () => {
  it('a call after idleTimeout of silence pays a handshake; one sooner does not (property)', () => {
    const gap = fc.double({ min: 0, max: 3 * IDLE_TIMEOUT, noNaN: true }).filter((g) => Math.abs(g - IDLE_TIMEOUT) > 1e-6);
    const call = fc.record({ gap, hold: fc.double({ min: 0, max: 2, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 30 }), (calls) => {
        const paid = handshakesOf(calls);
        const expected = calls.map((c, i) => i === 0 || c.gap > IDLE_TIMEOUT);
        expect(paid).toEqual(expected);
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
