import type { NumberSpec } from './field-spec';

/** The gateway's number fields, in display units (ranges restate the schema's, gateway-schema.ts). */
export const GATEWAY_SPECS = {
  workers: { unit: 'workers', scale: 1, min: 1, max: 4096, integer: true },
  queueCapacity: { unit: 'requests', scale: 1, min: 0, max: 10_000_000, integer: true, emptyMeans: 'unbounded' },
  cpu: { unit: 'ms', scale: 1000, min: 0 },
  transformCost: { unit: 'ms per KB', scale: 1000, min: 0 },
  cacheTtl: { unit: 's', scale: 1, min: 0 },
  rate: { unit: 'req/s', scale: 1, min: 0, minExclusive: true },
  burst: { unit: 'requests', scale: 1, min: 1, max: 1_000_000, integer: true },
  limit: { unit: 'requests', scale: 1, min: 1, max: 100_000, integer: true },
  window: { unit: 's', scale: 1, min: 0, minExclusive: true },
  quorum: { unit: 'answers', scale: 1, min: 1, max: 32, integer: true, emptyMeans: 'all of them' },
  timeout: { unit: 'ms', scale: 1000, min: 0, minExclusive: true, emptyMeans: 'no timeout' },
  bytes: { unit: 'bytes', scale: 1, min: 0 },
} satisfies Record<string, NumberSpec>;
