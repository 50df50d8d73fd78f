import type { NodeLiveStats } from '../store/live-stats';

const SHOWN = [
  { key: 'cpu', label: 'CPU', name: 'CPU' },
  { key: 'disk', label: 'disk', name: 'Disk' },
  { key: 'network', label: 'net', name: 'Network' },
  { key: 'memory', label: 'mem', name: 'Memory' },
] as const;

/**
 * A server's resources on its card: each one's utilization since warm-up
 * (memory: working set now / RAM), the saturated one badged. The row is
 * there before a run too, with dashes, so the card keeps its size.
 */
export function ResourceRow({ live }: { live: NodeLiveStats | null }) {
  const resources = live?.resources ?? null;
  return (
    <div className="node-card__resources" data-testid="resource-row">
      {SHOWN.map(({ key, label, name }) => {
        const saturated = live?.saturated === key;
        const value = resources ? `${Math.round(resources[key] * 100)}%` : '–';
        const why = key === 'memory' ? 'working set past RAM: paging slows the CPU' : 'saturated: the bottleneck';
        return (
          <span
            key={key}
            className={saturated ? 'node-card__resource is-saturated' : 'node-card__resource'}
            title={resources ? `${name}: ${value}${key === 'memory' ? ' of RAM' : ' busy since warm-up'}${saturated ? `, ${why}` : ''}` : `${name}: figures appear when the simulation runs`}
          >
            {label} {value}
          </span>
        );
      })}
      {live?.saturated && (
        <span className="node-card__badge">
          {live.saturated === 'memory' ? 'memory: paging' : `${SHOWN.find((s) => s.key === live.saturated)?.name ?? ''} saturated`}
        </span>
      )}
    </div>
  );
}
