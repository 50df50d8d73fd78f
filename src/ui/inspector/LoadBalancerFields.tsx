import { formatSeconds } from '../../canvas/format';
import { ALGORITHMS } from '../../canvas/algorithm-names';
import { balancerOverhead, PRESETS } from '../../scenario/load-balancer-presets';
import { LOAD_BALANCER_PRESETS, type LoadBalancerNode, type ScenarioNode } from '../../scenario/schema';
import type { Commit } from './fields-props';
import { CheckboxField } from './CheckboxField';
import { SPECS } from './field-spec';
import { HealthCheckFields } from './HealthCheckFields';
import { NumberField } from './NumberField';
import { RoutesEditor } from './RoutesEditor';
import { Section } from './Section';
import { SelectField } from './SelectField';

const PRESET_OPTIONS = LOAD_BALANCER_PRESETS.map((value) => ({ value, label: PRESETS[value].title }));
/** Leaving L7 drops what only L7 can do, so the change is never refused for it. */
const L4_SAFE: Partial<LoadBalancerNode> = { routes: [], stickySessions: false, tlsTermination: false, hashKey: 'address' };
const HASH_KEY_OPTIONS = [
  { value: 'address', label: 'Client address (users keep a server)' },
  { value: 'requestKey', label: 'Request key (each item keeps a server: shards)' },
] as const;

/**
 * A balancer: the product it behaves like, its layer and algorithm (only
 * what that product offers), its cost per request, L7 features and health
 * checks. Choosing a product moves layer, algorithm and overhead to match.
 */
export function LoadBalancerFields({ node, targets, commit }: { node: LoadBalancerNode; targets: readonly ScenarioNode[]; commit: Commit }) {
  const preset = PRESETS[node.preset];
  const l7 = node.layer === 'L7';
  const choosePreset = (value: LoadBalancerNode['preset']) => {
    const next = PRESETS[value];
    const layer = next.layers.includes(node.layer) ? node.layer : (next.layers[0] ?? 'L7');
    const algorithm = next.algorithms.includes(node.algorithm) ? node.algorithm : (next.algorithms[0] ?? 'roundRobin');
    const l4Safe = layer === 'L4' ? L4_SAFE : {};
    // The engine reads the preset's typical overhead from its table while the field is empty.
    commit({ preset: value, layer, algorithm, overhead: null, ...l4Safe }, 'preset');
  };
  return (
    <>
      <SelectField label="Behaves like" value={node.preset} options={PRESET_OPTIONS} onChange={choosePreset} note={preset.note} />
      <SelectField
        label="Layer"
        value={node.layer}
        options={preset.layers.map((value) => ({ value, label: value === 'L4' ? 'L4: addresses and ports' : 'L7: HTTP methods, paths, headers' }))}
        onChange={(layer) => commit(layer === 'L4' ? { layer, ...L4_SAFE } : { layer }, 'layer')}
        note={`${l7 ? 'Picks a server for each request.' : 'Picks a server for each connection: every request on it goes there.'} ${preset.connections}`}
      />
      <SelectField
        label="Algorithm"
        value={node.algorithm}
        options={preset.algorithms.map((value) => ({ value, label: ALGORITHMS[value].title }))}
        onChange={(algorithm) => commit({ algorithm }, 'algorithm')}
        note={ALGORITHMS[node.algorithm].note}
      />
      {node.algorithm === 'consistentHash' && (
        <>
          <NumberField label="Virtual nodes" value={node.virtualNodes} spec={SPECS.virtualNodes} onCommit={(v) => commit({ virtualNodes: v ?? 0 }, 'virtualNodes')} />
          <SelectField
            label="Hash on"
            value={node.hashKey}
            options={l7 ? HASH_KEY_OPTIONS : HASH_KEY_OPTIONS.slice(0, 1)}
            onChange={(hashKey) => commit({ hashKey }, 'hashKey')}
            note={l7 ? undefined : 'At L4 only the address is visible; request keys need L7.'}
          />
        </>
      )}
      <Section title="Cost, TLS and stickiness" summary={costSummary(node)}>
        <NumberField
          label="Overhead"
          note={`CPU time per request; ${preset.title}'s typical: ${formatSeconds(preset.overhead)}`}
          value={node.overhead}
          spec={SPECS.overhead}
          onCommit={(overhead) => commit({ overhead }, 'overhead')}
        />
        <NumberField label="Cores" value={node.workers} spec={SPECS.cores} onCommit={(workers) => commit({ workers: workers ?? 0 }, 'cores')} />
        <CheckboxField
          label="Terminate TLS here"
          note={l7 ? 'Servers behind then skip decryption.' : 'Needs L7.'}
          checked={node.tlsTermination}
          disabled={!l7}
          onChange={(tlsTermination) => commit({ tlsTermination }, 'tlsTermination')}
        />
        {node.tlsTermination && (
          <NumberField label="TLS cost" note="CPU time to decrypt one request" value={node.tlsCost} spec={SPECS.tlsCost} onCommit={(v) => commit({ tlsCost: v ?? 0 }, 'tlsCost')} />
        )}
        <CheckboxField
          label="Sticky sessions (cookie)"
          note={l7 ? 'Each user keeps the server that first answered.' : 'Needs L7; at L4 use IP hash for stickiness.'}
          checked={node.stickySessions}
          disabled={!l7}
          onChange={(stickySessions) => commit({ stickySessions }, 'stickySessions')}
        />
      </Section>
      {l7 && (
        <Section title="Routes" summary={node.routes.length === 0 ? 'none' : `${node.routes.length} rule${node.routes.length === 1 ? '' : 's'}`}>
          <RoutesEditor routes={node.routes} targets={targets} commit={(routes, field) => commit({ routes }, field)} />
        </Section>
      )}
      <Section title="Health checks" summary={healthSummary(node)}>
        <HealthCheckFields healthCheck={node.healthCheck} commit={(healthCheck, field) => commit({ healthCheck }, field)} />
      </Section>
    </>
  );
}

function costSummary(node: LoadBalancerNode): string {
  const overhead = balancerOverhead(node);
  const parts = [overhead === 0 ? 'no overhead' : `${formatSeconds(overhead)} per request${node.overhead === null ? " (preset's)" : ''}`];
  if (node.tlsTermination) parts.push('terminates TLS');
  if (node.stickySessions) parts.push('sticky');
  return parts.join(', ');
}

function healthSummary(node: LoadBalancerNode): string {
  const { active, passive } = node.healthCheck;
  if (active && passive) return 'active and passive';
  if (active) return 'active probes';
  if (passive) return 'passive ejection';
  return 'none';
}
