import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../engine/simulation';
import { buildScenario } from '../engine/testing/build-scenario';
import type { NodeReportOf, Report } from '../engine/types';
import type { ScenarioInput } from '../scenario/schema';
import { replicaLines } from './format-replicas';

describe('the runner shows each replica of a server as a machine', () => {
  let report: Report;
  beforeAll(() => {
    report = runScenario(
      buildScenario({
        duration: 20,
        nodes: [
          { id: 'users', kind: 'client', workload: { mode: 'closed', users: 30, thinkTime: { type: 'exponential', mean: 0.5 } }, addresses: 30 },
          { id: 'lb', kind: 'loadBalancer', stickySessions: true },
          { id: 'api', kind: 'server', workers: 2, serviceTime: { type: 'exponential', mean: 0.01 }, replicas: 3, sessions: 'inMemory' },
        ] as ScenarioInput['nodes'],
        links: [
          { id: 'in', from: 'users', to: 'lb' },
          { id: 'out', from: 'lb', to: 'api' },
        ],
        faults: [{ at: 10, node: 'api', action: 'crash', replica: 3 }] as ScenarioInput['faults'],
      }),
      { window: 0 },
    );
  });

  it('one row a replica, with its sessions and its state at the end', () => {
    const api = report.nodes.find((n) => n.id === 'api') as NodeReportOf<'server'>;
    const lines = replicaLines(api, 'api');
    expect(lines[1]).toBe('Server api: each replica, a machine of its own');
    expect(lines[2]).toMatch(/^ {2}replica +arrivals +busy +dropped +refused +lost +sessions +sessions lost +at the end$/);
    expect(lines.slice(3).map((l) => l.trim().split(/\s+/)[0])).toEqual(['api', 'api', 'api']);
    expect(lines[3]).toMatch(/^ {2}api #1 .* 0 +up$/);
    expect(lines[5]).toMatch(/^ {2}api #3 .* down$/);
    expect(lines[5]).toContain(String(api.perReplica[2]!.sessions.lost));
  });

  it('prints nothing for a single machine', () => {
    const single = { ...(report.nodes.find((n) => n.id === 'api') as NodeReportOf<'server'>) };
    single.perReplica = single.perReplica.slice(0, 1);
    expect(replicaLines(single, 'api')).toEqual([]);
  });
});
