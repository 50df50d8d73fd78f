import { BREAKER_LOOK } from '../../canvas/breaker-look';
import { describeCallPolicy, meshedServices, sidecarsOn } from '../../scenario/mesh-rules';
import type { Mesh, Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import type { AppState } from '../../store/types';
import { useBeatValue } from '../../store/use-beat-value';
import { controlPlaneRows } from './control-plane-rows';
import './control-plane.css';

const selectRun = (state: AppState) => state.report ?? state.snapshot;
const ms = (seconds: number) => `${Number((seconds * 1000).toPrecision(3))} ms`;
const count = (n: number | null) => (n === null ? '–' : n.toLocaleString('en-US'));

/**
 * The control plane's view of the mesh: which services it covers, its policy
 * in words, what a hop costs, and each sidecar's figures while a run goes
 * (the report's once it ends).
 */
export function ControlPlaneView({ scenario }: { scenario: Scenario }) {
  const mesh = scenario.mesh as Mesh;
  const run = useBeatValue(selectRun);
  const nodeIndex = useAppStore((s) => s.nodeIndex);
  const ids = new Set(meshedServices(scenario));
  const services = scenario.nodes.filter((n) => ids.has(n.id)).map((n) => ({ id: n.id, label: n.label || n.id }));
  const rows = controlPlaneRows(services, run, nodeIndex);
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const meshedLinks = scenario.links.filter((l) => sidecarsOn(l, byId, mesh) === 2).length;
  // A link's own call policy takes precedence over the mesh's: say which keep theirs.
  const name = (id: string) => byId.get(id)?.label || id;
  const ownPolicy = scenario.links.filter((l) => l.call !== undefined && ids.has(l.from)).map((l) => `${name(l.from)} → ${name(l.to)}`);
  const cores = rows.reduce((sum, r) => sum + (r.cores ?? 0), 0);
  return (
    <section className="control-plane" aria-label="Control plane" data-testid="control-plane">
      <h4 className="mesh-settings__subtitle">Control plane</h4>
      {services.length === 0 ? (
        <p className="inspector__note">No service is in the mesh yet: select a server and turn on Sidecar.</p>
      ) : (
        <>
          <p className="control-plane__line">
            <strong>Services:</strong> {services.map((s) => s.label).join(', ')}
          </p>
          <ul className="control-plane__policy" aria-label="Mesh policy in words">
            {describeCallPolicy(mesh.policy).map((phrase) => (
              <li key={phrase}>{phrase}</li>
            ))}
            {mesh.mtls && <li>mTLS between sidecars</li>}
          </ul>
          {ownPolicy.length > 0 && (
            <p className="control-plane__line" data-testid="mesh-own-policy">
              <strong>Own policy, so not the mesh’s:</strong> {ownPolicy.join(', ')}.
            </p>
          )}
          <p className="control-plane__line" data-testid="mesh-added-latency">
            <strong>Per hop:</strong> a call between two sidecars +{ms(4 * mesh.hopLatency)} round trip ({meshedLinks} link{meshedLinks === 1 ? '' : 's'}); into or out of one, +
            {ms(2 * mesh.hopLatency)}.
          </p>
          {/* One line per sidecar, not a table: the inspector is narrow, and a line wraps where a table would be cut. */}
          <ul className="control-plane__sidecars" aria-label="Sidecars">
            {rows.map((row) => (
              <li key={row.id} data-service={row.id}>
                <strong>{row.label}</strong> <span data-figure="in">{count(row.inbound)}</span> in · <span data-figure="out">{count(row.outbound)}</span> out ·{' '}
                {row.retries !== null && (
                  <>
                    <span data-figure="retries">{count(row.retries)}</span> retries · ejected <span data-figure="ejections">{count(row.ejections)}</span>×
                    {row.breaker && row.breaker !== 'closed' && (
                      <span className="control-plane__breaker" style={{ color: BREAKER_LOOK[row.breaker].color }}>
                        {' '}
                        ({BREAKER_LOOK[row.breaker].label})
                      </span>
                    )}{' '}
                    ·{' '}
                  </>
                )}
                <span data-figure="cores">{row.cores === null ? '–' : row.cores.toFixed(3)}</span> cores
              </li>
            ))}
          </ul>
          {run && <p className="control-plane__line">Sidecar CPU: {cores.toFixed(3)} cores in all.</p>}
        </>
      )}
    </section>
  );
}
