import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/schema';
import { loadExample, nodeOf, runExample } from '../testing/examples';
import type { NodeReportOf, Report } from '../types';

/* The connection-pooling examples' write-ups, sentence by sentence, against their headless runs (seed 1). */

const refusedShare = (report: Report) => report.totals.failures.tooManyConnections / report.totals.sent;
const linkOf = (report: Report) => nodeOf(report, 'app').connections?.[0];

describe('connection-pooling-none.json', () => {
  let report: Report;
  beforeAll(() => {
    report = runExample(loadExample('connection-pooling-none.json'));
  });

  it('a new connection costs 3 round trips × 2 × 2 ms + 8 ms TLS = 20 ms, held about 54 ms: about 108 wanted at once', () => {
    const handshake = 3 * 2 * 0.002 + 0.008;
    expect(handshake).toBeCloseTo(0.02, 12);
    // Open from the handshake until the answer is back: handshake + 2 ms + 30 ms query + 2 ms.
    const held = handshake + 0.002 + 0.03 + 0.002;
    expect(held).toBeCloseTo(0.054, 12);
    expect(2000 * held).toBeCloseTo(108, 9);
  });

  it('about 12 % of requests fail with "too many connections"; Postgres never has more than 100 open', () => {
    expect(refusedShare(report)).toBeGreaterThan(0.11);
    expect(refusedShare(report)).toBeLessThan(0.135);
    expect(report.totals.failed).toBe(report.totals.failures.tooManyConnections);
    expect(nodeOf(report, 'db').inboundConnections?.peak).toBe(100);
  });

  it('every query that got through paid a handshake (no pool)', () => {
    expect(linkOf(report)?.poolSize).toBeNull();
    expect(linkOf(report)?.handshakes).toBe((linkOf(report)?.calls ?? 0) - (linkOf(report)?.refused ?? 0));
  });
});

describe('connection-pooling-pool.json', () => {
  let pooled: Report;
  let perQuery: Report;
  beforeAll(() => {
    pooled = runExample(loadExample('connection-pooling-pool.json'));
    perQuery = runExample(loadExample('connection-pooling-none.json'));
  });

  it('8 instances × 12 connections: at most 96 open, under 100; none refused', () => {
    expect(nodeOf(pooled, 'db').inboundConnections?.peak).toBeLessThanOrEqual(96);
    expect(linkOf(pooled)?.instances).toBe(8);
    expect(pooled.totals.failed).toBe(0);
  });

  it('a query seldom waits for a connection: under 1 ms on average', () => {
    expect(linkOf(pooled)?.meanWait).toBeLessThan(0.001);
  });

  it('mean latency about 56 ms against 76 ms per query: the 20 ms handshake gone', () => {
    expect(pooled.totals.latency.mean).toBeGreaterThan(0.0555);
    expect(pooled.totals.latency.mean).toBeLessThan(0.0575);
    expect(perQuery.totals.latency.mean).toBeGreaterThan(0.0755);
    expect(perQuery.totals.latency.mean).toBeLessThan(0.0775);
    expect(perQuery.totals.latency.mean - pooled.totals.latency.mean).toBeGreaterThan(0.019);
    expect(perQuery.totals.latency.mean - pooled.totals.latency.mean).toBeLessThan(0.021);
  });
});

describe('connection-pooling-pooler.json', () => {
  let scenario: Scenario;
  let report: Report;
  let direct: Report;
  beforeAll(() => {
    scenario = loadExample('connection-pooling-pooler.json');
    report = runExample(scenario);
    // The same app linked straight to Postgres, with the same pools.
    const toPooler = scenario.links.find((l) => l.id === 'app-pgbouncer');
    direct = runExample({
      ...scenario,
      nodes: scenario.nodes.filter((n) => n.kind !== 'pooler'),
      links: [
        ...scenario.links.filter((l) => l.id === 'users-app'),
        { id: 'app-db', from: 'app', to: 'db', latency: 0.002, weight: 1, ...(toPooler?.connection && { connection: toPooler.connection }) },
      ],
    });
  });

  it('40 instances × a pool of 10 may open 400 connections', () => {
    expect(40 * 10).toBe(400);
    expect(linkOf(report)?.instances).toBe(40);
  });

  it('linked straight to Postgres, about 14 % of requests would be refused', () => {
    expect(refusedShare(direct)).toBeGreaterThan(0.13);
    expect(refusedShare(direct)).toBeLessThan(0.15);
  });

  it('through the pooler: at most 80 reach Postgres, none refused, mean latency about 56 ms', () => {
    const pooler = (nodeOf(report, 'pgbouncer') as NodeReportOf<'pooler'>).pooler;
    expect(nodeOf(report, 'db').inboundConnections?.peak).toBe(80);
    expect(pooler.serverOpen).toBe(80);
    expect(report.totals.failed).toBe(0);
    expect(report.totals.latency.mean).toBeGreaterThan(0.0555);
    expect(report.totals.latency.mean).toBeLessThan(0.0575);
  });

  it('its client connections stay under the 1,000 it accepts', () => {
    expect(nodeOf(report, 'pgbouncer').inboundConnections?.peak).toBeLessThan(1000);
    expect(nodeOf(report, 'pgbouncer').inboundConnections?.refused).toBe(0);
  });
});
