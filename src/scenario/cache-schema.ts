import { z } from 'zod';
import { nodeFields } from './node-fields';

/*
 * The cache and CDN node kinds. They live apart from schema.ts, which imports
 * them into NodeSchema; the fields every node has come from node-fields.ts.
 */

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const share = z.number().finite().min(0).max(1);

/** Largest cache, in entries: its tables are allocated up front. */
export const MAX_CACHE_ENTRIES = 1_000_000;

/** How a cache chooses what to evict; "ttl" evicts nothing and lets entries expire. */
export const EVICTION_POLICIES = ['lru', 'lfu', 'fifo', 'random', 'ttl'] as const;
export type EvictionPolicyName = (typeof EVICTION_POLICIES)[number];

export const CACHE_STRATEGIES = ['cacheAside', 'writeThrough', 'writeBack'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** How caches learn that the database changed. */
export const InvalidationSchema = z.discriminatedUnion('type', [
  /** Nobody tells them: an entry is stale until its TTL runs out. */
  z.object({ type: z.literal('ttl') }),
  /** A write publishes an invalidation that reaches every cache `delay` seconds after it commits. */
  z.object({ type: z.literal('event'), delay: nonNegative.default(0.05) }),
  /** The key carries the item's version, so a write makes a new key and old entries are never read. */
  z.object({ type: z.literal('version') }),
]);
export type Invalidation = z.infer<typeof InvalidationSchema>;

export const CacheNodeSchema = z
  .object({
    ...nodeFields,
    kind: z.literal('cache'),
    /** Entries it holds. */
    capacity: z.number().int().min(1).max(MAX_CACHE_ENTRIES).default(1000),
    eviction: z.enum(EVICTION_POLICIES).default('lru'),
    /** Seconds an entry lives, counted from when it was stored; null: until evicted. */
    ttl: positive.nullable().default(null),
    /** Seconds to answer a hit (or acknowledge a write-back write). */
    hitTime: nonNegative.default(0.0005),
    /** Seconds to find out it is a miss before the request goes on downstream. */
    missTime: nonNegative.default(0.0005),
    strategy: z.enum(CACHE_STRATEGIES).default('cacheAside'),
    invalidation: InvalidationSchema.default({ type: 'ttl' }),
    /** Write-back: seconds between flushes of dirty entries to the database. */
    flushInterval: positive.default(1),
    /** Write-back: dirty entries written by one database write. */
    flushBatch: z.number().int().min(1).max(10_000).default(100),
    /** Threads doing lookups (a Redis shard: 1); a lookup waits for a free one. null: as many as needed, a lookup never waits. */
    workers: z.number().int().min(1).max(4096).nullable().default(null),
  })
  .refine((node) => node.eviction !== 'ttl' || node.ttl !== null, {
    message: 'a TTL-only cache needs a ttl (entries would never leave)',
    path: ['ttl'],
  });
export type CacheNode = z.infer<typeof CacheNodeSchema>;

/** One edge location of a CDN and the round-trip time of the users it serves. */
export const CdnEdgeSchema = z.object({
  name: z.string().min(1).max(40),
  /** Round trip between its users and the edge, seconds. */
  rtt: nonNegative,
  /** Relative share of users near this edge. */
  weight: positive.default(1),
});

export const CdnNodeSchema = z.object({
  ...nodeFields,
  kind: z.literal('cdn'),
  edges: z
    .array(CdnEdgeSchema)
    .min(1)
    .max(20)
    .default([
      { name: 'Europe', rtt: 0.02, weight: 1 },
      { name: 'Americas', rtt: 0.04, weight: 1 },
      { name: 'Asia', rtt: 0.08, weight: 1 },
    ]),
  /** pull: an edge fills on a miss from origin; push: the top items are uploaded ahead and a miss is served by origin without filling. */
  mode: z.enum(['pull', 'push']).default('pull'),
  /** Entries each edge holds. */
  capacity: z.number().int().min(1).max(MAX_CACHE_ENTRIES).default(1000),
  eviction: z.enum(EVICTION_POLICIES).default('lru'),
  /** `Cache-Control: public, max-age=N` of the cacheable routes, seconds; null: no max-age. */
  maxAge: positive.nullable().default(300),
  /** Share of items on `private, no-cache` routes (the first ones of a hash of the key): always fetched from origin. */
  privateShare: share.default(0),
  /** Seconds an edge takes to answer from its cache. */
  hitTime: nonNegative.default(0.001),
  /** Edge compute: share of requests that fail the auth check and are rejected at the edge (a 401 that never reaches origin). */
  authRejectShare: share.default(0),
  /** Edge compute: share of items that are images resized at the edge on the way out. */
  resizeShare: share.default(0),
  /** Edge CPU seconds of one image resize. */
  resizeTime: nonNegative.default(0.02),
  /** Mean response size in bytes; each item's size is fixed, between 0.25 and 1.75 × this. */
  objectBytes: positive.default(100_000),
  /** Edge compute threads per edge location: a resize takes one or waits for one. */
  edgeWorkers: z.number().int().min(1).max(4096).default(8),
});
export type CdnNode = z.infer<typeof CdnNodeSchema>;
