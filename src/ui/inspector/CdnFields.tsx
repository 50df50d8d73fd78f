import type { CdnNode } from '../../scenario/cache-schema';
import { EVICTION_POLICIES } from '../../scenario/cache-schema';
import type { Commit } from './fields-props';
import { EVICTION_TITLES } from './CacheFields';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { patchAt } from './patch-at';

type Edge = CdnNode['edges'][number];

const EVICTION_OPTIONS = EVICTION_POLICIES.map((value) => ({ value, label: EVICTION_TITLES[value] }));

/** A CDN: its edge locations, pull or push, edge caches, Cache-Control and edge compute. */
export function CdnFields({ node, commit }: { node: CdnNode; commit: Commit }) {
  const changeEdge = (index: number, patch: Partial<Edge>, field: string) =>
    commit({ edges: patchAt(node.edges, index, patch) }, `edge-${index}-${field}`);
  return (
    <>
      <SelectField
        label="Mode"
        value={node.mode}
        options={[
          { value: 'pull', label: 'Pull (an edge fills on a miss)' },
          { value: 'push', label: 'Push (top items uploaded ahead)' },
        ]}
        onChange={(mode) => commit({ mode }, 'mode')}
      />
      <fieldset className="distribution">
        <legend>Edge locations</legend>
        {node.edges.map((edge, index) => {
          const n = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: edges are edited in place; their names may repeat while typing
            <div className="route" key={index}>
              <TextField label={`Edge ${n} name`} value={edge.name} maxLength={40} onCommit={(name) => changeEdge(index, { name }, 'name')} />
              <NumberField label="Round trip" ariaLabel={`Edge ${n} round trip`} value={edge.rtt} spec={SPECS.time} onCommit={(rtt) => changeEdge(index, { rtt: rtt ?? 0 }, 'rtt')} />
              <NumberField
                label="Users"
                ariaLabel={`Edge ${n} users`}
                note="Relative share of users near this edge"
                value={edge.weight}
                spec={SPECS.mixWeight}
                onCommit={(weight) => changeEdge(index, { weight: weight ?? 0 }, 'weight')}
              />
              <button
                type="button"
                className="button"
                disabled={node.edges.length === 1}
                onClick={() => commit({ edges: node.edges.filter((_, i) => i !== index) }, 'removeEdge')}
              >
                Remove edge {n}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button"
          disabled={node.edges.length >= 20}
          onClick={() => commit({ edges: [...node.edges, { name: `Edge ${node.edges.length + 1}`, rtt: 0.05, weight: 1 }] }, 'addEdge')}
        >
          Add edge location
        </button>
      </fieldset>
      <NumberField label="Capacity" note="Entries each edge holds" value={node.capacity} spec={SPECS.entries} onCommit={(v) => commit({ capacity: v ?? 0 }, 'capacity')} />
      <SelectField label="Eviction" value={node.eviction} options={EVICTION_OPTIONS} onChange={(eviction) => commit({ eviction }, 'eviction')} />
      <NumberField label="Max-age" note="Cache-Control of cacheable routes" value={node.maxAge} spec={SPECS.maxAge} onCommit={(maxAge) => commit({ maxAge }, 'maxAge')} />
      <NumberField
        label="Private share"
        note="Items on no-cache routes, always fetched from origin"
        value={node.privateShare}
        spec={SPECS.percent}
        onCommit={(v) => commit({ privateShare: v ?? 0 }, 'privateShare')}
      />
      <NumberField label="Hit time" value={node.hitTime} spec={SPECS.time} onCommit={(v) => commit({ hitTime: v ?? 0 }, 'hitTime')} />
      <NumberField
        label="Auth rejected at edge"
        note="Requests refused with 401 before reaching origin"
        value={node.authRejectShare}
        spec={SPECS.percent}
        onCommit={(v) => commit({ authRejectShare: v ?? 0 }, 'authRejectShare')}
      />
      <NumberField
        label="Images resized at edge"
        value={node.resizeShare}
        spec={SPECS.percent}
        onCommit={(v) => commit({ resizeShare: v ?? 0 }, 'resizeShare')}
      />
      <NumberField label="Resize time" value={node.resizeTime} spec={SPECS.time} onCommit={(v) => commit({ resizeTime: v ?? 0 }, 'resizeTime')} />
      <NumberField
        label="Edge threads"
        note="Compute threads per edge; resizes wait for a free one"
        value={node.edgeWorkers}
        spec={SPECS.edgeWorkers}
        onCommit={(v) => commit({ edgeWorkers: v ?? 1 }, 'edgeWorkers')}
      />
      <NumberField
        label="Object size"
        note="Mean response size"
        value={node.objectBytes}
        spec={SPECS.kilobytes}
        onCommit={(v) => commit({ objectBytes: v ?? 0 }, 'objectBytes')}
      />
    </>
  );
}
