/** What a server with resources reports: the operational laws' figures of each resource, measured after warm-up. */

/** The queueing resources of a machine. Memory is not one: it is a level, and paging slows the CPU. */
export type ResourceName = 'cpu' | 'disk' | 'network';

export const RESOURCE_NAMES: readonly ResourceName[] = ['cpu', 'disk', 'network'];

/** One resource over the measured span T, all replicas together. */
export interface ResourceFigures {
  resource: ResourceName;
  /** Units serving at once per machine: cores for the CPU, one disk, one network card. */
  units: number;
  /** Busy units / units, time-averaged (U = B / (T · units · replicas)). */
  utilization: number;
  /** Time-averaged requests waiting for it. */
  meanQueue: number;
  /** Visits completed (C_k). */
  visits: number;
  /** Unit-seconds busy (B_k). */
  busyTime: number;
  /** Visits per completed request, V_k = C_k / C. */
  visitRatio: number;
  /** Seconds per visit, S_k = B_k / C_k (0 with no visit). */
  serviceTime: number;
  /** Seconds of it per completed request, D_k = V_k · S_k = B_k / C. */
  demand: number;
}

export interface ResourcesReport {
  /** Requests that finished their resource visits (C), and C / T. */
  completions: number;
  throughput: number;
  resources: ResourceFigures[];
  memory: {
    ramMB: number;
    /** Working set, time-averaged and at its largest, one machine's (the replicas' mean). */
    meanWorkingSetMB: number;
    peakWorkingSetMB: number;
    /** Mean working set / RAM: past 1, the machine pages. */
    utilization: number;
    /** Mean factor paging multiplied CPU visits by (1: it never paged). */
    pagingFactor: number;
  };
  /** The resource with the largest demand per unit, D_k / units: the first to saturate as load grows. */
  bottleneck: ResourceName;
}

/** Live utilizations since measurement began, for the node card's badge. */
export interface LiveResources {
  cpu: number;
  disk: number;
  network: number;
  /** Working set now / RAM (one machine's, the largest). */
  memory: number;
}
