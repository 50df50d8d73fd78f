import type { LiveInstances } from '../engine/types';

/** More squares than this would not fit a card: the rest are counted. */
const MAX_SHOWN = 16;

/** "3/8 instances, 1 starting, 1 draining": serving out of the most, then what is on its way in or out. */
export function instanceSummary(instances: LiveInstances): string {
  const parts = [`${instances.serving}/${instances.max} instances`];
  if (instances.starting > 0) parts.push(`${instances.starting} starting`);
  if (instances.draining > 0) parts.push(`${instances.draining} draining`);
  return parts.join(', ');
}

/**
 * A scaling group on its card: one square per slot up to its max, serving
 * ones first (green), then starting (blue), draining (amber), then free
 * slots, with the counts in words. Before a run it reads "min–max
 * instances", so the card keeps its size when figures arrive.
 */
export function InstanceStrip({ min, max, instances }: { min: number; max: number; instances: LiveInstances | null }) {
  const text = instances ? instanceSummary(instances) : `${min}–${max} instances`;
  const states = instances
    ? [
        ...Array<string>(instances.serving).fill('serving'),
        ...Array<string>(instances.starting).fill('starting'),
        ...Array<string>(instances.draining).fill('draining'),
      ]
    : [];
  const shown = Math.min(max, MAX_SHOWN);
  return (
    <div className="instance-strip" role="img" aria-label={text} title={text} data-testid="instance-strip">
      <span className="instance-strip__boxes">
        {Array.from({ length: shown }, (_, slot) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: slots are places, not identities: the strip counts states
          <span key={slot} className={`instance-strip__box instance-strip__box--${states[slot] ?? 'off'}`} />
        ))}
        {max > shown && <span className="instance-strip__more">+{max - shown}</span>}
      </span>
      <span className="instance-strip__text">{text}</span>
    </div>
  );
}
