import { ALGORITHMS } from '../../canvas/node-kinds';
import type { LoadBalancerNode, LoadBalancingAlgorithm } from '../../scenario/schema';
import type { NodePatch } from '../../store/scenario-slice';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';


const ALGORITHM_OPTIONS = (Object.keys(ALGORITHMS) as LoadBalancingAlgorithm[]).map((value) => ({ value, label: ALGORITHMS[value].title }));

type Commit = (patch: NodePatch, field: string) => string | null;

/** The balancer's algorithm and its health checks (active probes, passive ejection). */
export function LoadBalancerFields({ node, commit }: { node: LoadBalancerNode; commit: Commit }) {
  const { active, passive } = node.healthCheck;
  const setHealth = (healthCheck: Partial<LoadBalancerNode['healthCheck']>, field: string) =>
    commit({ healthCheck: { ...node.healthCheck, ...healthCheck } }, field);
  return (
    <>
      <SelectField
        label="Algorithm"
        value={node.algorithm}
        options={ALGORITHM_OPTIONS}
        onChange={(algorithm) => commit({ algorithm }, 'algorithm')}
        note={ALGORITHMS[node.algorithm].note}
      />
      {node.algorithm === 'consistentHash' && (
        <NumberField label="Virtual nodes" value={node.virtualNodes} spec={SPECS.virtualNodes} onCommit={(v) => commit({ virtualNodes: v ?? 0 }, 'virtualNodes')} />
      )}
      <fieldset className="distribution">
        <legend>Active health check</legend>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={active !== null}
            onChange={(event) =>
              setHealth({ active: event.target.checked ? { interval: 5, timeout: 1, healthyThreshold: 2, unhealthyThreshold: 3 } : null }, 'active')
            }
          />
          Probe each target on a timer
        </label>
        {active && (
          <>
            <NumberField label="Probe interval" value={active.interval} spec={SPECS.probeInterval} onCommit={(interval) => setHealth({ active: { ...active, interval: interval ?? 0 } }, 'interval')} />
            <NumberField label="Probe timeout" value={active.timeout} spec={SPECS.probeTimeout} onCommit={(timeout) => setHealth({ active: { ...active, timeout: timeout ?? 0 } }, 'probeTimeout')} />
            <NumberField
              label="Healthy after"
              value={active.healthyThreshold}
              spec={SPECS.probeThreshold}
              onCommit={(n) => setHealth({ active: { ...active, healthyThreshold: n ?? 0 } }, 'healthyThreshold')}
            />
            <NumberField
              label="Unhealthy after"
              value={active.unhealthyThreshold}
              spec={SPECS.probeThreshold}
              onCommit={(n) => setHealth({ active: { ...active, unhealthyThreshold: n ?? 0 } }, 'unhealthyThreshold')}
            />
          </>
        )}
      </fieldset>
      <fieldset className="distribution">
        <legend>Passive health check</legend>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={passive !== null}
            onChange={(event) => setHealth({ passive: event.target.checked ? { consecutiveFailures: 5, cooloff: 10 } : null }, 'passive')}
          />
          Eject a target after failed answers
        </label>
        {passive && (
          <>
            <NumberField
              label="Eject after"
              value={passive.consecutiveFailures}
              spec={SPECS.consecutiveFailures}
              onCommit={(n) => setHealth({ passive: { ...passive, consecutiveFailures: n ?? 0 } }, 'consecutiveFailures')}
            />
            <NumberField label="Cool-off" value={passive.cooloff} spec={SPECS.cooloff} onCommit={(cooloff) => setHealth({ passive: { ...passive, cooloff: cooloff ?? 0 } }, 'cooloff')} />
          </>
        )}
      </fieldset>
    </>
  );
}
