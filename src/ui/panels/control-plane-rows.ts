import type { BreakerState, CallFigures, LiveCall, LiveSnapshot, Report } from '../../engine/types';

/** One meshed service as the control plane's view lists it. */
export interface ControlPlaneRow {
  id: string;
  label: string;
  /** Requests in and out through its sidecar so far; null before a run knows the node. */
  inbound: number | null;
  outbound: number | null;
  /** Retries its sidecar made under the mesh's policy; null when none of its calls follow the policy. */
  retries: number | null;
  /** Times the mesh's breaker ejected a destination of its calls (opened). */
  ejections: number | null;
  /** The worst breaker state among its mesh-governed links now: open, then half-open, then closed; null without a breaker. */
  breaker: BreakerState | null;
  /** Cores its sidecars kept busy since the warm-up. */
  cores: number | null;
}

const WORST: readonly BreakerState[] = ['open', 'halfOpen', 'closed'];

/** The rows for `services` (id and label) from the run's report, or its live snapshot while it goes. */
export function controlPlaneRows(
  services: readonly { id: string; label: string }[],
  run: Report | LiveSnapshot | null,
  nodeIndex: Readonly<Record<string, number>>,
): ControlPlaneRow[] {
  return services.map(({ id, label }) => {
    const index = nodeIndex[id];
    const node = index === undefined ? undefined : run?.nodes[index];
    const sidecar = node?.sidecar;
    if (!node || !sidecar) return { id, label, inbound: null, outbound: null, retries: null, ejections: null, breaker: null, cores: null };
    const governed = new Set(sidecar.policyLinks);
    const calls: (CallFigures | LiveCall)[] = (node.calls ?? []).filter((c: CallFigures | LiveCall) => governed.has(c.link));
    const states = calls.map(breakerOf).filter((s): s is BreakerState => s !== null);
    return {
      id,
      label,
      inbound: sidecar.inbound,
      outbound: sidecar.outbound,
      // A service that makes no call under the mesh's policy has no retries or ejections to show.
      retries: governed.size === 0 ? null : calls.reduce((sum, c) => sum + c.retries, 0),
      ejections: governed.size === 0 ? null : calls.reduce((sum, c) => sum + ejectionsOf(c), 0),
      breaker: WORST.find((s) => states.includes(s)) ?? null,
      cores: sidecar.cores,
    };
  });
}

const isReport = (c: CallFigures | LiveCall): c is CallFigures => 'attempts' in c;

function breakerOf(c: CallFigures | LiveCall): BreakerState | null {
  return isReport(c) ? (c.breaker?.state ?? null) : c.state;
}

/** The report counts every opening; a live frame carries the breaker's latest changes (enough while it has not flapped hundreds of times). */
function ejectionsOf(c: CallFigures | LiveCall): number {
  if (isReport(c)) return c.breaker?.opened ?? 0;
  return c.timeline.filter((change) => change.state === 'open').length;
}
