import { CACHE_STRATEGIES, type CacheNode, type CacheStrategy, EVICTION_POLICIES, type EvictionPolicyName, type Invalidation } from '../../scenario/cache-schema';
import type { Commit } from './fields-props';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

/** Eviction policies as a user reads them. */
export const EVICTION_TITLES: Record<EvictionPolicyName, string> = {
  lru: 'LRU (least recently used)',
  lfu: 'LFU (least frequently used)',
  fifo: 'FIFO (oldest first)',
  random: 'Random',
  ttl: 'TTL only (entries expire)',
};
const EVICTION_OPTIONS = EVICTION_POLICIES.map((value) => ({ value, label: EVICTION_TITLES[value] }));

const STRATEGY_TITLES: Record<CacheStrategy, string> = {
  cacheAside: 'Cache-aside (fill on a read miss)',
  writeThrough: 'Write-through (write cache and database)',
  writeBack: 'Write-back (write cache, flush later)',
};
const STRATEGY_OPTIONS = CACHE_STRATEGIES.map((value) => ({ value, label: STRATEGY_TITLES[value] }));

const INVALIDATION_OPTIONS: readonly { value: Invalidation['type']; label: string }[] = [
  { value: 'ttl', label: 'TTL (stale until it expires)' },
  { value: 'event', label: 'Event (writes publish invalidations)' },
  { value: 'version', label: 'Versioned keys (never stale)' },
];

/** A cache in front of a database: size, eviction, expiry, timings, write strategy and invalidation. */
export function CacheFields({ node, commit }: { node: CacheNode; commit: Commit }) {
  const { invalidation } = node;
  return (
    <>
      <NumberField label="Capacity" value={node.capacity} spec={SPECS.entries} onCommit={(capacity) => commit({ capacity: capacity ?? 0 }, 'capacity')} />
      <SelectField label="Eviction" value={node.eviction} options={EVICTION_OPTIONS} onChange={(eviction) => commit({ eviction }, 'eviction')} />
      <NumberField label="TTL" value={node.ttl} spec={SPECS.ttl} onCommit={(ttl) => commit({ ttl }, 'ttl')} />
      <NumberField label="Hit time" value={node.hitTime} spec={SPECS.time} onCommit={(v) => commit({ hitTime: v ?? 0 }, 'hitTime')} />
      <NumberField label="Miss time" note="To find out it is a miss" value={node.missTime} spec={SPECS.time} onCommit={(v) => commit({ missTime: v ?? 0 }, 'missTime')} />
      <NumberField
        label="Lookup threads"
        note="A Redis shard has 1: lookups wait for a free thread"
        value={node.workers}
        spec={SPECS.cacheWorkers}
        onCommit={(workers) => commit({ workers }, 'workers')}
      />
      <SelectField label="Write strategy" value={node.strategy} options={STRATEGY_OPTIONS} onChange={(strategy) => commit({ strategy }, 'strategy')} />
      {node.strategy === 'writeBack' && (
        <>
          <NumberField
            label="Flush interval"
            value={node.flushInterval}
            spec={SPECS.flushInterval}
            onCommit={(v) => commit({ flushInterval: v ?? 0 }, 'flushInterval')}
          />
          <NumberField label="Flush batch" value={node.flushBatch} spec={SPECS.flushBatch} onCommit={(v) => commit({ flushBatch: v ?? 0 }, 'flushBatch')} />
        </>
      )}
      <SelectField
        label="Invalidation"
        value={invalidation.type}
        options={INVALIDATION_OPTIONS}
        onChange={(type) => commit({ invalidation: type === 'event' ? { type, delay: 0.05 } : { type } }, 'invalidation')}
      />
      {invalidation.type === 'event' && (
        <NumberField
          label="Invalidation delay"
          note="From a write's commit to every cache"
          value={invalidation.delay}
          spec={SPECS.time}
          onCommit={(delay) => commit({ invalidation: { type: 'event', delay: delay ?? 0 } }, 'invalidationDelay')}
        />
      )}
    </>
  );
}
