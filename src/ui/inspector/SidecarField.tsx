import type { ServerNode } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { CheckboxField } from './CheckboxField';
import type { Commit } from './fields-props';

const ms = (seconds: number) => `${Number((seconds * 1000).toPrecision(3))} ms`;

/** A server's service-mesh sidecar: on, every request in or out of it passes a proxy that applies the mesh's policy. */
export function SidecarField({ node, commit }: { node: ServerNode; commit: Commit }) {
  const mesh = useAppStore((s) => s.scenario.mesh);
  const note = mesh
    ? `Every request in or out passes a mesh proxy: +${ms(mesh.hopLatency)} each way and ${ms(mesh.hopCpu)} of CPU; its calls follow the mesh’s policy.`
    : 'Takes effect when the service mesh is on (click the empty canvas: Service mesh).';
  return <CheckboxField label="Sidecar" note={node.sidecar ? note : 'Put this service in the service mesh.'} checked={node.sidecar} onChange={(sidecar) => commit({ sidecar }, 'sidecar')} />;
}
