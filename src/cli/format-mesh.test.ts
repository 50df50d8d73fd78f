import { describe, expect, it } from 'vitest';
import type { MeshReport } from '../engine/types';
import { MeshSchema } from '../scenario/elastic-schema';
import { meshLines } from './format-mesh';
import { nodeReport } from './report-fixture';

const mesh: MeshReport = {
  settings: MeshSchema.parse({ policy: { timeout: 0.3 } }),
  services: ['api', 'payments'],
  links: [
    { link: 'users-api', from: 'users', to: 'api', sidecars: 1, addedRoundTrip: 0.001, mtls: false, policy: 'none', crossings: 7827 },
    { link: 'api-payments', from: 'api', to: 'payments', sidecars: 2, addedRoundTrip: 0.002, mtls: true, policy: 'mesh', crossings: 4804 },
  ],
  cpuSeconds: 6.369,
  cores: 0.0796,
  costPerHour: 0.00025,
};
const sidecar = { inbound: 7827, outbound: 4804, cpuSeconds: 3.967, cores: 0.0496, costPerHour: 0.0001, policyLinks: ['api-payments'] };

describe('the mesh section of the terminal report', () => {
  it('says the hop costs, the policy in words, each link’s sidecars and each sidecar’s CPU', () => {
    const text = meshLines(mesh, [nodeReport({ id: 'users', kind: 'client' }), nodeReport({ id: 'api', kind: 'server', sidecar })]).join('\n');
    expect(text).toContain('sidecars add 0.500 ms each way and 0.200 ms of CPU a request, mTLS 0.300 ms more at each end');
    expect(text).toContain('policy: 300 ms timeout');
    expect(text).toMatch(/api-payments\s+2\s+2\.00\s+yes\s+the mesh's\s+4,804/);
    expect(text).toMatch(/api\s+7,827\s+4,804\s+3\.967\s+0\.050/);
    expect(text).toContain('0.080 cores');
  });
  it('prints nothing without a mesh, and says so when no server has a sidecar', () => {
    expect(meshLines(undefined, [])).toEqual([]);
    expect(meshLines({ ...mesh, services: [], links: [] }, []).join('\n')).toContain('no server has a sidecar');
  });
});
