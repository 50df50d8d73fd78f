import { useState } from 'react';
import { FLUSHABLE_KINDS } from '../../scenario/faults';
import type { FaultAction, NodeKind } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { useNodeLiveStats } from '../../store/live-stats';

/** The slow-down offered first: five times the service time is slow enough to see. */
const DEFAULT_SLOW_FACTOR = 5;

/**
 * Crash, Restart, Slow ×k, Recover (and Flush for caches) for one node of the
 * running simulation; for a server of several replicas, for the whole node
 * or one machine of it.
 */
export function FaultControls({ nodeId, kind, label, replicas = 1 }: { nodeId: string; kind: NodeKind; label: string; replicas?: number }) {
  const status = useAppStore((s) => s.runStatus);
  const live = useNodeLiveStats(nodeId);
  const [factor, setFactor] = useState(DEFAULT_SLOW_FACTOR);
  const [problem, setProblem] = useState<string | null>(null);
  /** The machine the buttons act on, from 1; 0 is every replica (the whole node). */
  const [replica, setReplica] = useState(0);
  const canInject = status === 'running' || status === 'paused';

  const inject = async (action: FaultAction) => {
    const slow = action === 'slow' ? factor : undefined;
    const answer = await useAppStore.getState().injectFault(nodeId, action, slow, ...(replica > 0 ? [replica] : []));
    setProblem(answer);
  };

  const machine = replica > 0 ? live?.replicas?.[replica - 1] : undefined;
  const down = replica > 0 ? machine === 'down' : live?.down;
  const slowed = replica > 0 ? machine === 'slow' : live !== null && live.slowFactor > 1;
  const state = down ? 'down' : slowed ? (replica > 0 ? 'slow' : `slow ×${live?.slowFactor}`) : canInject ? 'up' : 'not running';
  return (
    <fieldset className="sp-faults" aria-label={`Faults for ${label}`}>
      <legend className="sp-faults-head">
        <span className="sp-faults-title">Faults</span>
        <span className={`sp-faults-state sp-faults-state--${down ? 'down' : slowed ? 'slow' : 'up'}`} data-testid="fault-state">
          {state}
        </span>
      </legend>
      {replicas > 1 && (
        <label className="sp-faults-replica">
          Machine{' '}
          <select value={replica} onChange={(e) => setReplica(Number(e.target.value))}>
            <option value={0}>all {replicas} replicas</option>
            {Array.from({ length: replicas }, (_, r) => `${nodeId} #${r + 1}`).map((name, r) => (
              <option key={name} value={r + 1}>
                {name} alone
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="sp-faults-buttons">
        <button type="button" disabled={!canInject} onClick={() => void inject('crash')} title="Drop everything in it and refuse requests">
          Crash
        </button>
        <button type="button" disabled={!canInject} onClick={() => void inject('restart')} title="Come back, empty">
          Restart
        </button>
        <span className="sp-faults-slow">
          <button type="button" disabled={!canInject} onClick={() => void inject('slow')} title="Multiply service time by the factor">
            Slow ×{factor}
          </button>
          <input
            type="number"
            aria-label="Slow-down factor"
            min={1}
            max={1000}
            value={factor}
            onChange={(e) => setFactor(Math.min(1000, Math.max(1, Number(e.target.value) || 1)))}
          />
        </span>
        <button type="button" disabled={!canInject} onClick={() => void inject('recover')} title="Back to normal speed">
          Recover
        </button>
        {FLUSHABLE_KINDS.includes(kind) && (
          <button type="button" disabled={!canInject} onClick={() => void inject('flush')} title="Drop every cached entry">
            Flush
          </button>
        )}
      </div>
      {!canInject && <p className="sp-faults-hint">Press Run, then crash or slow this node while the simulation goes.</p>}
      {problem && <p className="sp-faults-problem">{problem}</p>}
    </fieldset>
  );
}
