import type { MeshReport, NodeReport } from '../engine/types';
import { describeCallPolicy } from '../scenario/mesh-rules';
import { formatCount, formatMilliseconds, formatNumber, formatTable, indent } from './format-numbers';

const POLICY_WORDS = { mesh: "the mesh's", own: 'its own call', none: 'none' } as const;

/** The service mesh's section of the terminal report: its policy, what each link's sidecars add, and each sidecar's CPU. */
export function meshLines(mesh: MeshReport | null | undefined, nodes: readonly NodeReport[]): string[] {
  if (!mesh) return [];
  const { settings } = mesh;
  const lines = [
    '',
    'Service mesh',
    `  sidecars add ${formatMilliseconds(settings.hopLatency)} ms each way and ${formatMilliseconds(settings.hopCpu)} ms of CPU a request${
      settings.mtls ? `, mTLS ${formatMilliseconds(settings.mtlsCpu)} ms more at each end between two sidecars` : ', no mTLS'
    }`,
    `  policy: ${describeCallPolicy(settings.policy).join('; ')}`,
  ];
  if (mesh.services.length === 0) return [...lines, '  no server has a sidecar: the mesh does nothing'];
  lines.push(
    ...indent(
      formatTable(
        [
          ['link', 'sidecars', '+ round trip ms', 'mTLS', 'policy', 'requests'],
          ...mesh.links.map((l) => [l.link, String(l.sidecars), formatMilliseconds(l.addedRoundTrip), l.mtls ? 'yes' : 'no', POLICY_WORDS[l.policy], formatCount(l.crossings)]),
        ],
        ['left', 'right', 'right', 'left', 'left', 'right'],
      ),
    ),
  );
  const rows = nodes.flatMap((node) => {
    const s = node.sidecar;
    return s ? [[node.id, formatCount(s.inbound), formatCount(s.outbound), formatNumber(s.cpuSeconds), s.cores.toFixed(3), s.costPerHour.toFixed(5)]] : [];
  });
  lines.push(
    '',
    ...indent(formatTable([['sidecar of', 'in', 'out', 'CPU s', 'cores', '$/hour'], ...rows], ['left', 'right', 'right', 'right', 'right', 'right'])),
    `  all sidecars: ${formatNumber(mesh.cpuSeconds)} CPU s after warm-up, ${mesh.cores.toFixed(3)} cores, ${mesh.costPerHour.toFixed(5)}/hour (not in the cost above)`,
  );
  return lines;
}
