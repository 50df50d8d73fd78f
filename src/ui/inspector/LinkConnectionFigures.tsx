import type { ConnectionFigures } from '../../engine/connections/connection-figures';
import { useAppStore } from '../../store';
import type { AppState } from '../../store/types';

const count = (n: number) => n.toLocaleString('en-US');
const ms = (s: number) => `${(s * 1000).toFixed(s < 0.01 ? 2 : 1)} ms`;

/** The run's figures of the link's connections (the report's at the end), or null before a run made any. */
function figuresOf(state: AppState, linkId: string, fromId: string): ConnectionFigures | null {
  const index = state.nodeIndex[fromId];
  if (index === undefined) return null;
  const connections = state.report?.nodes[index]?.connections ?? state.snapshot?.nodes[index]?.connections;
  return connections?.find((c) => c.link === linkId) ?? null;
}

/** One sentence: what the link's connections did in the run so far. */
export function describeConnectionFigures(c: ConnectionFigures): string {
  const pool = c.poolSize === null ? 'a new connection per call' : `pools of ${count(c.poolSize)} in ${count(c.instances)} instance${c.instances === 1 ? '' : 's'}`;
  const waits = c.poolSize === null ? '' : `, ${count(c.waited)} waited (mean ${ms(c.meanWait)}), ${count(c.timeouts)} pool timeouts`;
  return `This run, after warm-up (${pool}): ${count(c.open)} open now, ${count(c.calls)} calls, ${count(c.handshakes)} handshakes${waits}, ${count(c.refused)} refused.`;
}

/** The link's connection figures from the run, under its Connection fields. */
export function LinkConnectionFigures({ linkId, fromId }: { linkId: string; fromId: string }) {
  // A string, so the inspector redraws only when a figure it shows moved.
  const text = useAppStore((state) => {
    const figures = figuresOf(state, linkId, fromId);
    return figures ? describeConnectionFigures(figures) : null;
  });
  if (text === null) return null;
  return (
    <p className="inspector__note" data-testid="link-connection-figures">
      {text}
    </p>
  );
}
