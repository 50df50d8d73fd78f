/**
 * The operational laws a server's resources are read against, from the
 * scenario alone (before any run): each resource's service demand D_k, the
 * bottleneck, and the asymptotic bounds of a closed system
 * X(N) ≤ min(replicas · units_b / D_b, N / (D + Z)).
 */
import type { ServerResources } from '../../scenario/resources-schema';
import { distributionMean, type RequestType, type Scenario, type ServerNode } from '../../scenario/schema';
import { compressionCpu, demandFor, diskOpsPerRequest, networkMBPerRequest, networkSeconds, pagingFactor } from './demand';
import type { ResourceName } from './resources-report';

export interface ConfiguredDemand {
  resource: ResourceName;
  /** Units serving at once per machine (cores; one disk; one network card). */
  units: number;
  /** Seconds of the resource per request, D_k. */
  demand: number;
}

export interface ServerDemands {
  demands: ConfiguredDemand[];
  /** D = Σ D_k: a request's time in the server when it never waits. */
  total: number;
  /** The resource with the largest D_k / units. */
  bottleneck: ResourceName;
  /** The throughput no load can pass: replicas · units / D of the bottleneck, requests per second. */
  maxThroughput: number;
}

/** Each request type the clients send, with its share of all requests (clients weigh the same). */
function requestMix(scenario: Scenario): { type: RequestType; share: number }[] {
  const clients = scenario.nodes.filter((n) => n.kind === 'client');
  const mix: { type: RequestType; share: number }[] = [];
  for (const client of clients) {
    const total = client.mix.reduce((sum, t) => sum + t.weight, 0);
    for (const type of client.mix) mix.push({ type, share: type.weight / total / clients.length });
  }
  return mix;
}

/**
 * What a server's resources are asked per request, from its configuration:
 * CPU is the mean service time × the type's CPU factor (plus compression)
 * over the core speed, at the paging factor of the base working set (light
 * load; TLS and logins left out); disk is operations / IOPS + MB / (MB/s);
 * network is the bytes sent over the bandwidth. Null without resources.
 */
export function serverDemands(scenario: Scenario, server: ServerNode): ServerDemands | null {
  const resources = server.resources;
  if (!resources) return null;
  const mix = requestMix(scenario);
  const shares = mix.length > 0 ? mix : [{ type: undefined, share: 1 }];
  const cpuMean = distributionMean(server.serviceTime);
  const paging = pagingFactor(resources, resources.workingSetMB);
  let cpu = 0;
  let disk = 0;
  let network = 0;
  for (const { type, share } of shares) {
    const d = demandFor(resources, type);
    cpu += share * ((cpuMean * d.cpuFactor + compressionCpu(resources, d)) / server.speed) * paging;
    disk += share * diskSeconds(resources, diskOpsPerRequest(resources, d), d.diskMB);
    network += share * networkSeconds(resources, networkMBPerRequest(resources, d));
  }
  const demands: ConfiguredDemand[] = [
    { resource: 'cpu', units: resources.cores, demand: cpu },
    { resource: 'disk', units: 1, demand: disk },
    { resource: 'network', units: 1, demand: network },
  ];
  let worst = demands[0] as ConfiguredDemand;
  for (const d of demands) if (d.demand / d.units > worst.demand / worst.units) worst = d;
  return {
    demands,
    total: cpu + disk + network,
    bottleneck: worst.resource,
    maxThroughput: worst.demand > 0 ? (server.replicas * worst.units) / worst.demand : Number.POSITIVE_INFINITY,
  };
}

/** Disk seconds per request: each operation costs 1/IOPS, each megabyte 1/(MB/s). */
export function diskSeconds(resources: ServerResources, ops: number, megabytes: number): number {
  return ops / resources.diskIops + megabytes / resources.diskMBps;
}

/** The asymptotic bound on a closed system's throughput with `users`: min(Xmax, N / (D + Z)); Z includes think time and link delays. */
export function throughputBound(demands: Pick<ServerDemands, 'total' | 'maxThroughput'>, users: number, thinkTime: number): number {
  return Math.min(demands.maxThroughput, users / (demands.total + thinkTime));
}

/** N* = (D + Z) · Xmax: the users at which the two bounds cross, where queueing starts in earnest. */
export function saturationUsers(demands: Pick<ServerDemands, 'total' | 'maxThroughput'>, thinkTime: number): number {
  return (demands.total + thinkTime) * demands.maxThroughput;
}
