/** Report shapes of caches and CDNs, re-exported through the engine's public types. */

/** Hits and requests of the items whose popularity rank (1 = most popular) is in [from, to]. */
export interface RankBucket {
  from: number;
  to: number;
  reads: number;
  hits: number;
  hitRatio: number;
  /** What theory expects for these ranks (the same model as the cache's `theory`), or null. */
  theory: number | null;
}

/** What a cache (or a CDN's edges together) measured. Counts are from the end of warm-up unless said. */
export interface CacheReport {
  hits: number;
  misses: number;
  /** hits / (hits + misses) over reads. */
  hitRatio: number;
  /** Hits served with a value older than the newest write of the item. */
  staleReads: number;
  /** Stale reads per read. */
  staleRatio: number;
  /** Longest time a stale value was served after the write that made it stale, seconds. */
  maxStaleAge: number;
  /** Writes that reached the cache. */
  writes: number;
  /** Acknowledged write-back writes lost in a crash before they were flushed (whole run). */
  lostWrites: number;
  /** Entries evicted to make room (whole run). */
  evictions: number;
  /** Entries dropped because their TTL ran out (whole run). */
  expirations: number;
  /** Requests sent straight on while the cache was down. */
  bypassed: number;
  /** Entries held now, and how many of them are dirty (written back later). */
  entries: number;
  dirty: number;
  /** Write-back: database writes made by flushes, and the entries they carried (whole run). */
  flushes: number;
  flushedEntries: number;
  /** Hit ratio by popularity rank, in buckets that double: 1, 2–3, 4–7, … */
  hitRatioByRank: RankBucket[];
  /** The hit ratio theory expects for this workload, or null when no formula applies. */
  theory: number | null;
  /** Which formula: Che's approximation (LRU), the FIFO/random approximation, the top-C sum (LFU), λT/(1+λT) (TTL), a scan. */
  theoryModel: 'che' | 'fifo' | 'topC' | 'ttl' | 'scan' | null;
}

/** One CDN edge location. */
export interface CdnEdgeReport {
  name: string;
  rtt: number;
  requests: number;
  hits: number;
  misses: number;
  hitRatio: number;
  /** The hit ratio theory expects at this edge (the CDN's `cache.theory`), or null. */
  theory?: number | null;
  /** Busy compute threads / threads, since measurement began. */
  computeUtilization?: number;
  /** Resizes waiting for a thread now. */
  computeQueue?: number;
  /** Mean wait for a thread of resizes since measurement began, seconds. */
  computeMeanWait?: number;
}

/** What a CDN measured: origin offload and edge compute. */
export interface CdnReport {
  /** Requests that reached an edge. */
  requests: number;
  /** Requests the edges sent on to origin. */
  originRequests: number;
  /** Share of requests that never reached origin. */
  requestOffload: number;
  /** Share of response bytes that never came from origin. */
  byteOffload: number;
  bytesServed: number;
  originBytes: number;
  /** Requests refused by the edge's auth check. */
  rejectedAtEdge: number;
  /** Requests on private, no-cache routes (always from origin). */
  privateRequests: number;
  /** CPU seconds edges spent resizing images. */
  edgeCpuSeconds: number;
  /** Compute threads per edge. */
  edgeWorkers?: number;
  edges: CdnEdgeReport[];
}
