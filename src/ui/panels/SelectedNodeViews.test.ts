import { beforeEach, describe, expect, it } from 'vitest';
import { type AppStore, createAppStore } from '../../store';
import { parseScenario } from '../../scenario/parse';
import type { Frame } from '../../worker/protocol';
import { NO_FAILURES } from '../../worker/testing/fake-simulation';
import { selectBalancerData, selectedColumns } from './SelectedNodeViews';

let store: AppStore;

function scenario() {
  const parsed = parseScenario({
    version: 1,
    nodes: [
      { id: 'lb', kind: 'loadBalancer', algorithm: 'consistentHash' },
      { id: 'app', kind: 'server', workers: 1, serviceTime: { type: 'constant', value: 0.01 }, replicas: 2 },
    ],
    links: [{ id: 'l', from: 'lb', to: 'app' }],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

const target = (id: string, routed: number) => ({ id, link: 'l', routed, share: 0.5, open: 1, eligible: true, out: '' as const });

function feed(now: number, down: boolean) {
  const frame: Frame = {
    epoch: 1,
    now,
    simFrom: now - 1,
    wallSpan: 16,
    status: 'running',
    snapshot: {
      now,
      events: 1,
      sent: 1,
      completed: 1,
      failed: 0,
      failures: NO_FAILURES,
      inFlight: 0,
      retries: 0,
      nodes: [
        { busy: 0, queueLength: 0, inSystem: 0, workers: 0, targets: [target('app #1', now * 10), target('app #2', now * 10)] },
        { busy: 0, queueLength: 0, inSystem: 0, workers: 1, down },
      ],
    },
    windows: [],
    particles: { link: new Uint32Array(), depart: new Float64Array(), arrive: new Float64Array(), outcome: new Uint8Array(), reverse: new Uint8Array() },
    sampleEvery: 1,
    report: null,
    error: null,
  };
  store.getState().applyFrame(frame, 0);
  store.getState().flushMetrics();
}

beforeEach(() => {
  store = createAppStore(scenario());
  store.getState().startMetrics(1, ['lb', 'app'], ['l']);
});

describe('selected node views', () => {
  it('reads a balancer’s rows from the run, marking replicas of a crashed server down with the time it went down', () => {
    expect(selectBalancerData(store.getState(), 'lb', 'LB')).toBeNull();
    feed(1, false);
    feed(2, true);
    feed(3, true);
    const data = selectBalancerData(store.getState(), 'lb', 'LB');
    expect(data?.rows.map((r) => [r.id, r.down])).toEqual([
      ['app #1', true],
      ['app #2', true],
    ]);
    expect(data?.rows[0]?.crashes).toEqual([{ start: 2, end: 3 }]);
    expect(data?.now).toBe(3);
    expect(selectBalancerData(store.getState(), 'app', 'App')).toBeNull();
  });

  it('gives a hash-ring balancer and a server more room than a node with fault buttons only', () => {
    const [lb, app] = scenario().nodes;
    if (!lb || !app) throw new Error('nodes missing');
    expect(selectedColumns(lb)).toBe(4);
    // A server shows its cost sweep and the field sweep side by side.
    expect(selectedColumns(app)).toBe(4);
    expect(selectedColumns({ ...lb, algorithm: 'roundRobin' } as typeof lb)).toBe(2);
  });
});
