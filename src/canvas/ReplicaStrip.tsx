import type { ReplicaState } from '../store/live-stats';

/** More squares than this would not fit a card: the rest are counted. */
const MAX_SHOWN = 16;
const WORDS: Record<ReplicaState, string> = { up: 'up', down: 'down (crashed)', slow: 'slowed down' };

/**
 * One square per replica of a server, each a machine of its own: grey before
 * a run, then green (up), red (crashed) or amber (slowed). The strip is there
 * before a run too, so the card keeps its size when figures arrive.
 */
export function ReplicaStrip({ id, count, states }: { id: string; count: number; states: readonly ReplicaState[] | null }) {
  const shown = Math.min(count, MAX_SHOWN);
  const down = states?.filter((s) => s === 'down').length ?? 0;
  const slow = states?.filter((s) => s === 'slow').length ?? 0;
  const summary = states ? `${count - down} of ${count} replicas up${slow > 0 ? `, ${slow} slow` : ''}` : `${count} replicas`;
  return (
    <div className="replica-strip" role="img" aria-label={summary} title={summary} data-testid="replica-strip">
      {Array.from({ length: shown }, (_, r) => `${id} #${r + 1}`).map((name, r) => {
        const state = states?.[r];
        return <span key={name} className={`replica-strip__box replica-strip__box--${state ?? 'idle'}`} title={state ? `${name}: ${WORDS[state]}` : name} />;
      })}
      {count > shown && <span className="replica-strip__more">+{count - shown}</span>}
      {states && down > 0 && down < count && <span className="replica-strip__note">{down} down</span>}
    </div>
  );
}
