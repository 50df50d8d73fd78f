/**
 * How a number field is shown and checked. Values live in the scenario in
 * base units (seconds, fractions); `scale` converts to what the user types
 * (ms, %). The range here is the schema's, restated in display units so the
 * message can say it plainly; the store's zod check stays the final word.
 */
export interface NumberSpec {
  unit: string;
  /** Display value = stored value × scale. */
  scale: number;
  min: number;
  max?: number;
  /** True when min itself is not allowed (the schema's `positive`). */
  minExclusive?: boolean;
  integer?: boolean;
  /** What an empty field means (e.g. "unbounded"); absent when a value is required. */
  emptyMeans?: string;
}

export type FieldParse = { ok: true; value: number | null } | { ok: false; message: string };

const MS: Pick<NumberSpec, 'unit' | 'scale'> = { unit: 'ms', scale: 1000 };

/** Every number field of the scenario format, by the name the inspector uses. */
export const SPECS = {
  rate: { unit: 'req/s', scale: 1, min: 0, minExclusive: true },
  users: { unit: 'users', scale: 1, min: 1, max: 1_000_000, integer: true },
  timeout: { ...MS, min: 0, minExclusive: true, emptyMeans: 'no timeout' },
  retryCount: { unit: 'retries', scale: 1, min: 0, max: 10, integer: true },
  backoff: { ...MS, min: 0 },
  writeRatio: { unit: '%', scale: 100, min: 0, max: 100 },
  workers: { unit: 'workers', scale: 1, min: 1, max: 4096, integer: true },
  queueCapacity: { unit: 'requests', scale: 1, min: 0, max: 10_000_000, integer: true, emptyMeans: 'unbounded' },
  positiveTime: { ...MS, min: 0, minExclusive: true },
  time: { ...MS, min: 0 },
  cv: { unit: '× mean', scale: 1, min: 0, minExclusive: true },
  latency: { ...MS, min: 0 },
  weight: { unit: '', scale: 1, min: 0, minExclusive: true },
  seed: { unit: '', scale: 1, min: 0, max: 2 ** 32 - 1, integer: true },
  duration: { unit: 's', scale: 1, min: 0, minExclusive: true },
  warmup: { unit: 's', scale: 1, min: 0 },
  hopLimit: { unit: 'hops', scale: 1, min: 1, max: 64, integer: true },
  addresses: { unit: 'addresses', scale: 1, min: 1, max: 1_000_000, integer: true },
  virtualNodes: { unit: 'per target', scale: 1, min: 1, max: 1000, integer: true },
  probeInterval: { unit: 's', scale: 1, min: 0, minExclusive: true },
  probeTimeout: { ...MS, min: 0, minExclusive: true },
  probeThreshold: { unit: 'probes', scale: 1, min: 1, max: 100, integer: true },
  consecutiveFailures: { unit: 'failures', scale: 1, min: 1, max: 1000, integer: true },
  cooloff: { unit: 's', scale: 1, min: 0, minExclusive: true },
  faultAt: { unit: 's', scale: 1, min: 0 },
  catalogueItems: { unit: 'items', scale: 1, min: 1, max: 10_000_000, integer: true },
  zipfAlpha: { unit: '', scale: 1, min: 0, max: 5 },
  overhead: { ...MS, min: 0, emptyMeans: "the preset's typical figure" },
  requestsPerConnection: { unit: 'requests', scale: 1, min: 1, max: 1_000_000 },
  connectionLifetime: { unit: 's', scale: 1, min: 0, minExclusive: true, emptyMeans: 'no limit' },
  sessionLifetime: { unit: 's', scale: 1, min: 0, minExclusive: true, emptyMeans: 'until a crash' },
  sessionCapacity: { unit: 'sessions', scale: 1, min: 1, max: 10_000_000, integer: true },
  cores: { unit: 'cores', scale: 1, min: 1, max: 256, integer: true },
  tlsCost: { ...MS, min: 0 },
  mixWeight: { unit: 'share', scale: 1, min: 0, minExclusive: true },
  entries: { unit: 'entries', scale: 1, min: 1, max: 1_000_000, integer: true },
  ttl: { unit: 's', scale: 1, min: 0, minExclusive: true, emptyMeans: 'until evicted' },
  maxAge: { unit: 's', scale: 1, min: 0, minExclusive: true, emptyMeans: 'no max-age' },
  flushInterval: { unit: 's', scale: 1, min: 0, minExclusive: true },
  flushBatch: { unit: 'entries', scale: 1, min: 1, max: 10_000, integer: true },
  percent: { unit: '%', scale: 100, min: 0, max: 100 },
  kilobytes: { unit: 'kB', scale: 0.001, min: 0, minExclusive: true },
  slowFactor: { unit: '× slower', scale: 1, min: 1, max: 1000 },
  replicas: { unit: 'machines', scale: 1, min: 1, max: 64, integer: true },
  speed: { unit: '×', scale: 1, min: 0.1, max: 10 },
  costPerHour: { unit: '$/h', scale: 1, min: 0 },
  backlogCapacity: { unit: 'messages', scale: 1, min: 1, max: 10_000_000, integer: true, emptyMeans: 'unbounded' },
  prefetch: { unit: 'per consumer', scale: 1, min: 1, max: 4096, integer: true },
  visibilityTimeout: { unit: 's', scale: 1, min: 0, minExclusive: true },
  maxDeliveries: { unit: 'deliveries', scale: 1, min: 1, max: 100, integer: true },
  messageMaxAge: { unit: 's', scale: 1, min: 0, minExclusive: true, emptyMeans: 'keep every message' },
  megabytes: { unit: 'MB', scale: 1, min: 0 },
  ramMB: { unit: 'MB', scale: 1, min: 0, minExclusive: true, max: 10_000_000 },
  pagingSlowdown: { unit: '× slower', scale: 1, min: 1, max: 1000 },
  iops: { unit: 'IOPS', scale: 1, min: 0, minExclusive: true, max: 10_000_000 },
  diskMBps: { unit: 'MB/s', scale: 1, min: 0, minExclusive: true, max: 1_000_000 },
  networkMbps: { unit: 'Mbit/s', scale: 1, min: 0, minExclusive: true, max: 1_000_000 },
  batchSize: { unit: 'requests', scale: 1, min: 1, max: 1000, integer: true },
  compressionRatio: { unit: '×', scale: 1, min: 1, max: 100 },
  cpuPerMB: { unit: 'ms/MB', scale: 1000, min: 0, max: 10_000 },
  cpuFactor: { unit: '× service time', scale: 1, min: 0, max: 1000 },
  diskOps: { unit: 'ops', scale: 1, min: 0, max: 10_000 },
  budgetPercent: { unit: '% of calls', scale: 1, min: 0, max: 100 },
  budgetBurst: { unit: 'tokens', scale: 1, min: 1, max: 1000 },
  breakerWindow: { unit: 'calls', scale: 1, min: 1, max: 1000, integer: true },
  breakerRate: { unit: '%', scale: 1, min: 0, minExclusive: true, max: 100 },
  slowCall: { ...MS, min: 0, minExclusive: true, emptyMeans: 'no slow-call threshold' },
  openDuration: { unit: 's', scale: 1, min: 0, minExclusive: true },
  openJitter: { unit: '%', scale: 100, min: 0, max: 100 },
  halfOpenProbes: { unit: 'probes', scale: 1, min: 1, max: 100, integer: true },
  maxConcurrent: { unit: 'calls', scale: 1, min: 1, max: 100_000, integer: true, emptyMeans: 'no limit' },
  shards: { unit: 'shards', scale: 1, min: 1, max: 64, integer: true },
  readReplicas: { unit: 'per shard', scale: 1, min: 0, max: 16, integer: true },
  cacheWorkers: { unit: 'threads', scale: 1, min: 1, max: 4096, integer: true, emptyMeans: 'unlimited: a lookup never waits' },
  edgeWorkers: { unit: 'threads', scale: 1, min: 1, max: 4096, integer: true },
  instances: { unit: 'instances', scale: 1, min: 1, max: 64, integer: true },
  cpuTarget: { unit: '%', scale: 100, min: 5, max: 100 },
  backlogPerInstance: { unit: 'messages', scale: 1, min: 0, minExclusive: true },
  scalingInterval: { unit: 's', scale: 1, min: 0, minExclusive: true },
  coldStart: { unit: 's', scale: 1, min: 0 },
  cooldown: { unit: 's', scale: 1, min: 0 },
  scheduleAt: { unit: 's', scale: 1, min: 0 },
} satisfies Record<string, NumberSpec>;

/** The stored value as the field shows it (12 significant digits hide float noise like 7.000000000000001). */
export function formatField(value: number | null, spec: NumberSpec): string {
  if (value === null) return '';
  return String(Number((value * spec.scale).toPrecision(12)));
}

/** Turns what the user typed into a stored value, or a message that says what is allowed. */
export function parseField(text: string, spec: NumberSpec): FieldParse {
  const trimmed = text.trim();
  if (trimmed === '') {
    return spec.emptyMeans ? { ok: true, value: null } : { ok: false, message: `Enter a value: ${describeRange(spec)}.` };
  }
  const shown = Number(trimmed);
  if (!Number.isFinite(shown)) return { ok: false, message: `“${trimmed}” is not a number. ${capitalise(describeRange(spec))}.` };
  const tooLow = spec.minExclusive ? shown <= spec.min : shown < spec.min;
  const tooHigh = spec.max !== undefined && shown > spec.max;
  const notWhole = spec.integer === true && !Number.isInteger(shown);
  if (tooLow || tooHigh || notWhole) return { ok: false, message: `${capitalise(describeRange(spec))}.` };
  return { ok: true, value: shown / spec.scale };
}

/** The allowed range in words, e.g. "a whole number from 1 to 4096" or "more than 0 ms". */
export function describeRange(spec: NumberSpec): string {
  const unit = spec.unit && !spec.integer ? ` ${spec.unit}` : '';
  const kind = spec.integer ? 'a whole number ' : '';
  const max = spec.max === undefined ? '' : spec.max.toLocaleString('en-US');
  if (spec.minExclusive) return spec.max === undefined ? `${kind}more than ${spec.min}${unit}` : `${kind}above ${spec.min} and up to ${max}${unit}`;
  if (spec.max === undefined) return `${kind}${spec.min}${unit} or more`.trimStart();
  return `${kind}from ${spec.min} to ${max}${unit}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
