import { z } from 'zod';

/*
 * A server's machine resources (format version 3): CPU cores, memory, a disk
 * and a network card, and what each request type demands of them. Apart from
 * schema.ts, which puts it on the server, so that file only gains one line.
 */

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();

/** Methods a demand entry can match: any, or one of the HTTP methods the mix uses. */
export const DEMAND_METHODS = ['ANY', 'GET', 'POST', 'PUT', 'DELETE'] as const;

/** What one request type asks of the machine; a request takes the first entry whose method and path prefix fit it. */
export const ResourceDemandSchema = z.object({
  method: z.enum(DEMAND_METHODS).default('ANY'),
  pathPrefix: z.string().startsWith('/', 'a path prefix starts with "/"').max(200).default('/'),
  /** Multiplies the server's service time (its CPU time) for these requests. */
  cpuFactor: z.number().finite().min(0).max(1000).default(1),
  /** Random disk operations per request; each costs 1/IOPS seconds of the disk. */
  diskOps: nonNegative.max(10_000),
  /** Megabytes read or written per request, at the disk's MB/s. */
  diskMB: nonNegative.max(100_000),
  /** Megabytes sent on the network per request (the answer), at the bandwidth. */
  networkMB: nonNegative.max(100_000),
  /** Megabytes of memory the request holds while it is in the server. */
  memoryMB: nonNegative.max(1_000_000),
});
export type ResourceDemand = z.infer<typeof ResourceDemandSchema>;

/** Compression of what is sent: less on the network, more on the CPU. */
export const CompressionSchema = z.object({
  /** Bytes before ÷ bytes after. */
  ratio: z.number().finite().min(1).max(100),
  /** CPU seconds (at speed 1) to compress one megabyte. */
  cpuPerMB: nonNegative.max(10),
});

/**
 * The machine behind each replica. With it, the server's workers are threads
 * (requests admitted at once) and its service time is CPU time run on
 * `cores`; each request then waits for the disk and the network in turn.
 */
export const ServerResourcesSchema = z.object({
  cores: z.number().int().min(1).max(256),
  ramMB: positive.max(10_000_000),
  /** Memory in use whatever the load: code, heap, caches. Requests add their memoryMB while in the server. */
  workingSetMB: nonNegative.max(10_000_000),
  /** How many times slower the share of the working set beyond RAM is (paging). */
  pagingSlowdown: z.number().finite().min(1).max(1000).default(20),
  diskIops: positive.max(10_000_000),
  diskMBps: positive.max(1_000_000),
  /** Network bandwidth, megabits per second. */
  networkMbps: positive.max(1_000_000),
  /** Requests whose disk operations are done together: each request's operations are divided by it. */
  batchSize: z.number().int().min(1).max(1000).default(1),
  compression: CompressionSchema.nullable().default(null),
  /** First match wins; a request no entry fits takes the last entry. */
  demands: z.array(ResourceDemandSchema).min(1).max(20),
});
export type ServerResources = z.infer<typeof ServerResourcesSchema>;

/** The resources the inspector adds to a server: a modest machine whose disk is its bottleneck at a few hundred requests a second. */
export function defaultResources(): ServerResources {
  return {
    cores: 4,
    ramMB: 8192,
    workingSetMB: 2048,
    pagingSlowdown: 20,
    diskIops: 500,
    diskMBps: 200,
    networkMbps: 1000,
    batchSize: 1,
    compression: null,
    demands: [{ method: 'ANY', pathPrefix: '/', cpuFactor: 1, diskOps: 2, diskMB: 0.05, networkMB: 0.1, memoryMB: 20 }],
  };
}
