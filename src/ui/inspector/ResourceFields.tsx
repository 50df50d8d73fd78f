import { DEMAND_METHODS, defaultResources, type ResourceDemand, type ServerResources } from '../../scenario/resources-schema';
import type { ServerNode } from '../../scenario/schema';
import { CheckboxField } from './CheckboxField';
import { SPECS } from './field-spec';
import type { Commit } from './fields-props';
import { NumberField } from './NumberField';
import { Section } from './Section';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { patchAt } from './patch-at';

const METHOD_OPTIONS = DEMAND_METHODS.map((value) => ({ value, label: value === 'ANY' ? 'Any method' : value }));
const MAX_DEMANDS = 20;

function resourcesSummary(resources: ServerResources | undefined): string {
  if (!resources) return 'the workers are the machine';
  return `${resources.cores} core${resources.cores === 1 ? "" : "s"} · ${Math.round(resources.ramMB / 1024)} GB · ${resources.diskIops} IOPS · ${resources.networkMbps} Mbit/s`;
}

/** A server's machine: cores, memory, disk and network as queues, and what each request type asks of them. */
export function ResourceFields({ node, commit }: { node: ServerNode; commit: Commit }) {
  const resources = node.resources;
  const set = (patch: Partial<ServerResources>, field: string) => (resources ? commit({ resources: { ...resources, ...patch } }, field) : null);
  return (
    <Section title="Resources" summary={resourcesSummary(resources)}>
      <CheckboxField
        label="Model CPU, memory, disk and network"
        note="Workers become threads; each request queues for the cores, the disk and the network in turn."
        checked={resources !== undefined}
        onChange={(on) => commit({ resources: on ? defaultResources() : undefined }, 'resources')}
      />
      {resources && (
        <>
          <NumberField label="Cores" value={resources.cores} spec={SPECS.cores} onCommit={(cores) => set({ cores: cores ?? 0 }, 'resources.cores')} />
          <NumberField label="RAM" value={resources.ramMB} spec={SPECS.ramMB} onCommit={(ramMB) => set({ ramMB: ramMB ?? 0 }, 'resources.ramMB')} />
          <NumberField
            label="Base working set"
            note="Memory in use whatever the load; requests add theirs"
            value={resources.workingSetMB}
            spec={SPECS.megabytes}
            onCommit={(workingSetMB) => set({ workingSetMB: workingSetMB ?? 0 }, 'resources.workingSetMB')}
          />
          <NumberField
            label="Paging slowdown"
            note="How much slower the part of the working set beyond RAM runs"
            value={resources.pagingSlowdown}
            spec={SPECS.pagingSlowdown}
            onCommit={(pagingSlowdown) => set({ pagingSlowdown: pagingSlowdown ?? 1 }, 'resources.pagingSlowdown')}
          />
          <NumberField label="Disk IOPS" value={resources.diskIops} spec={SPECS.iops} onCommit={(diskIops) => set({ diskIops: diskIops ?? 0 }, 'resources.diskIops')} />
          <NumberField label="Disk transfer" value={resources.diskMBps} spec={SPECS.diskMBps} onCommit={(diskMBps) => set({ diskMBps: diskMBps ?? 0 }, 'resources.diskMBps')} />
          <NumberField
            label="Network bandwidth"
            value={resources.networkMbps}
            spec={SPECS.networkMbps}
            onCommit={(networkMbps) => set({ networkMbps: networkMbps ?? 0 }, 'resources.networkMbps')}
          />
          <NumberField
            label="Batch size"
            note="Requests whose disk operations are done together"
            value={resources.batchSize}
            spec={SPECS.batchSize}
            onCommit={(batchSize) => set({ batchSize: batchSize ?? 1 }, 'resources.batchSize')}
          />
          <CheckboxField
            label="Compress answers"
            note="Less on the network, more on the CPU"
            checked={resources.compression !== null}
            onChange={(on) => set({ compression: on ? { ratio: 4, cpuPerMB: 0.005 } : null }, 'resources.compression')}
          />
          {resources.compression && (
            <>
              <NumberField
                label="Compression ratio"
                value={resources.compression.ratio}
                spec={SPECS.compressionRatio}
                onCommit={(ratio) => set({ compression: { cpuPerMB: resources.compression?.cpuPerMB ?? 0, ratio: ratio ?? 1 } }, 'resources.compression.ratio')}
              />
              <NumberField
                label="Compression CPU"
                value={resources.compression.cpuPerMB}
                spec={SPECS.cpuPerMB}
                onCommit={(cpuPerMB) => set({ compression: { ratio: resources.compression?.ratio ?? 1, cpuPerMB: cpuPerMB ?? 0 } }, 'resources.compression.cpuPerMB')}
              />
            </>
          )}
          <DemandsEditor demands={resources.demands} commit={(demands, field) => set({ demands }, field)} />
        </>
      )}
    </Section>
  );
}

/** What each request type asks of the machine; the first entry that fits a request is used, the last for the rest. */
function DemandsEditor({ demands, commit }: { demands: readonly ResourceDemand[]; commit(demands: ResourceDemand[], field: string): string | null }) {
  const change = (index: number, patch: Partial<ResourceDemand>, field: string) =>
    commit(
      patchAt(demands, index, patch),
      `resources.demands.${index}.${field}`,
    );
  return (
    <fieldset className="distribution">
      <legend>Demand per request</legend>
      {demands.map((demand, index) => {
        const n = index + 1;
        const number = (label: string, key: 'cpuFactor' | 'diskOps' | 'diskMB' | 'networkMB' | 'memoryMB', spec: (typeof SPECS)[keyof typeof SPECS], note?: string) => (
          <NumberField
            label={label}
            ariaLabel={demands.length > 1 ? `Demand ${n} ${label.toLowerCase()}` : undefined}
            note={note}
            value={demand[key]}
            spec={spec}
            onCommit={(value) => change(index, { [key]: value ?? 0 }, key)}
          />
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: demand entries have no identity beyond their place in the list
          <div className="route" key={index}>
            {demands.length > 1 && (
              <>
                <SelectField label={`Demand ${n} method`} value={demand.method} options={METHOD_OPTIONS} onChange={(method) => change(index, { method }, 'method')} />
                <TextField label={`Demand ${n} path prefix`} value={demand.pathPrefix} maxLength={200} onCommit={(pathPrefix) => change(index, { pathPrefix }, 'pathPrefix')} />
              </>
            )}
            {number('CPU factor', 'cpuFactor', SPECS.cpuFactor, 'Multiplies the service time (CPU time)')}
            {number('Disk operations', 'diskOps', SPECS.diskOps)}
            {number('Disk data', 'diskMB', SPECS.megabytes)}
            {number('Network data', 'networkMB', SPECS.megabytes, 'Sent per request')}
            {number('Memory held', 'memoryMB', SPECS.megabytes, 'While the request is in the server')}
            {demands.length > 1 && (
              <button type="button" className="button" onClick={() => commit(demands.filter((_, i) => i !== index), 'resources.demands.remove')}>
                Remove demand {n}
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        disabled={demands.length >= MAX_DEMANDS}
        onClick={() => commit([{ ...(demands[0] as ResourceDemand), method: 'POST', pathPrefix: '/api' }, ...demands], 'resources.demands.add')}
        title="A new entry first, for POST /api…; the last entry stays the default"
      >
        Add demand for a request type
      </button>
    </fieldset>
  );
}
