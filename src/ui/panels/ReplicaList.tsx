import { useAppStore } from '../../store';
import { type ReplicaState, useNodeLiveStats } from '../../store/live-stats';
import './replica-list.css';

const WORDS: Record<ReplicaState, string> = { up: 'up', down: 'down', slow: 'slow' };

/**
 * Each machine of a replicated server, live: its state and how busy it has
 * been since the warm-up; with the report, the sessions it holds and lost.
 */
export function ReplicaList({ nodeId, count }: { nodeId: string; count: number }) {
  const live = useNodeLiveStats(nodeId);
  const sessions = useAppStore((s) => {
    const index = s.nodeIndex[nodeId];
    return index === undefined ? undefined : s.report?.nodes[index]?.perReplica;
  });
  const showSessions = sessions?.some((r) => r.sessions.held + r.sessions.lost > 0) ?? false;
  return (
    <table className="sp-replicas" aria-label={`Replicas of ${nodeId}`}>
      <thead>
        <tr>
          <th scope="col">Machine</th>
          <th scope="col">State</th>
          <th scope="col">Busy</th>
          {showSessions && <th scope="col">Sessions (lost)</th>}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: count }, (_, r) => `${nodeId} #${r + 1}`).map((name, r) => {
          const state = live?.replicas?.[r];
          const busy = live?.replicaBusy?.[r];
          const machine = sessions?.[r];
          return (
            <tr key={name} data-replica={r + 1}>
              <th scope="row">{name}</th>
              <td className={state ? `sp-replicas__state--${state}` : undefined}>{state ? WORDS[state] : '–'}</td>
              <td>{busy === undefined ? '–' : `${busy} %`}</td>
              {showSessions && <td>{machine ? `${machine.sessions.held} (${machine.sessions.lost})` : '–'}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
