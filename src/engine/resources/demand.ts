import type { ResourceDemand, ServerResources } from '../../scenario/resources-schema';
import type { RequestType } from '../../scenario/schema';

/** The demand entry a request type takes: the first whose method and path prefix fit, else the last. */
export function demandFor(resources: ServerResources, type: RequestType | undefined): ResourceDemand {
  const { demands } = resources;
  if (type) {
    for (const demand of demands) {
      if ((demand.method === 'ANY' || demand.method === type.method) && type.path.startsWith(demand.pathPrefix)) return demand;
    }
  }
  return demands[demands.length - 1] as ResourceDemand;
}

/** Disk operations a request of this demand does on average: batching shares one operation among `batchSize` requests. */
export function diskOpsPerRequest(resources: ServerResources, demand: ResourceDemand): number {
  return demand.diskOps / resources.batchSize;
}

/** Megabytes a request of this demand puts on the network, after compression. */
export function networkMBPerRequest(resources: ServerResources, demand: ResourceDemand): number {
  return resources.compression ? demand.networkMB / resources.compression.ratio : demand.networkMB;
}

/** CPU seconds (at speed 1) that compressing a request's answer costs. */
export function compressionCpu(resources: ServerResources, demand: ResourceDemand): number {
  return resources.compression ? demand.networkMB * resources.compression.cpuPerMB : 0;
}

/** Seconds the network card takes to send `megabytes`. */
export function networkSeconds(resources: ServerResources, megabytes: number): number {
  return (megabytes * 8) / resources.networkMbps;
}

/**
 * How much longer CPU work takes with a working set of `workingSetMB`: the
 * share beyond RAM, f = (W − RAM)/W, runs `pagingSlowdown` times slower, so
 * time × (1 + f·(pagingSlowdown − 1)). 1 while the working set fits.
 */
export function pagingFactor(resources: ServerResources, workingSetMB: number): number {
  if (workingSetMB <= resources.ramMB) return 1;
  const beyond = (workingSetMB - resources.ramMB) / workingSetMB;
  return 1 + beyond * (resources.pagingSlowdown - 1);
}
