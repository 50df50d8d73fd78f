import type { ResourceDemand, ServerResources } from '../../scenario/resources-schema';
import type { SimContext } from '../component';
import { RequestFlag } from '../request-pool';
import type { Rng } from '../rng';
import { compressionCpu, demandFor, diskOpsPerRequest, networkMBPerRequest, networkSeconds, pagingFactor } from './demand';
import { MemoryGauge } from './memory-gauge';
import { ResourceQueue } from './resource-queue';
import { RESOURCE_NAMES, type LiveResources, type ResourceName, type ResourcesReport } from './resources-report';

const CPU = 0;
const DISK = 1;
const NETWORK = 2;

/** One replica's machine: its cores, disk and network card as queues, and its memory. */
class Machine {
  readonly queues: [ResourceQueue, ResourceQueue, ResourceQueue];
  readonly memory: MemoryGauge;
  constructor(cores: number, workingSetMB: number) {
    this.memory = new MemoryGauge(workingSetMB);
    this.queues = [new ResourceQueue(cores), new ResourceQueue(1), new ResourceQueue(1)];
  }
}

/**
 * The machines behind a server with a `resources` block. A request that holds
 * one of the server's workers (a thread) takes its memory, then visits the
 * resources as the central-server model has it: CPU, disk, CPU, disk, …, CPU
 * (one disk visit per operation, the CPU time split evenly between the
 * bursts), then the network to send its answer. Each resource is a FIFO
 * queue, so time goes where the saturated one makes requests wait. CPU
 * bursts are timed as they start, by the paging factor of the working set
 * then. Disk and network visits take their size over their rate.
 */
export class ServerMachines {
  private readonly machines: Machine[];
  /** Per request slot: its machine, phase, what is left, and each visit's length. */
  private machineOf = new Int32Array(64);
  private phase = new Uint8Array(64);
  private diskLeft = new Int32Array(64);
  private cpuBurst = new Float64Array(64);
  private diskVisit = new Float64Array(64);
  private networkVisit = new Float64Array(64);
  private memoryHeld = new Float64Array(64);
  /** Each request type's demand entry, found once (request types can be added during a run). */
  private readonly demandOfType: (ResourceDemand | undefined)[] = [];
  private measureStart = 0;
  private completions = 0;
  private pagedVisits = 0;
  private pagingSum = 0;

  constructor(
    private readonly resources: ServerResources,
    replicas: number,
    private readonly ctx: SimContext,
    /** Rounds fractional disk operations (batching), so each request does whole ones. */
    private readonly rng: Rng,
    /** Times a visit: the server schedules its event that calls `visitDone`. */
    private readonly scheduleVisit: (request: number, at: number) => void,
    /** The request has made every visit: the server answers or forwards it. */
    private readonly finished: (request: number, time: number) => void,
  ) {
    this.machines = Array.from({ length: replicas }, () => new Machine(resources.cores, resources.workingSetMB));
  }

  /** The demand entry of this request's type. */
  demandOf(request: number): ResourceDemand {
    const type = this.ctx.requests.requestType[request] as number;
    let demand = this.demandOfType[type];
    if (!demand) {
      demand = demandFor(this.resources, this.ctx.requestTypes[type]);
      this.demandOfType[type] = demand;
    }
    return demand;
  }

  /** Multiplies the server's service time (its CPU time) for this request. */
  cpuFactor(request: number): number {
    return this.demandOf(request).cpuFactor;
  }

  /** A request on `replica`'s machine starts its visits with `cpuSeconds` of CPU work (service time, slow-downs included). */
  start(request: number, replica: number, cpuSeconds: number, speed: number, time: number): void {
    this.fit(request);
    const { resources } = this;
    const demand = this.demandOf(request);
    const ops = diskOpsPerRequest(resources, demand);
    let visits = Math.floor(ops);
    if (ops > visits && this.rng.next() < ops - visits) visits++;
    // Megabytes with no operation to carry them still take one visit (a sequential transfer).
    const diskVisits = visits === 0 && demand.diskMB > 0 ? 1 : visits;
    this.machineOf[request] = replica;
    this.diskLeft[request] = diskVisits;
    this.cpuBurst[request] = (cpuSeconds + compressionCpu(resources, demand) / speed) / (diskVisits + 1);
    this.diskVisit[request] = diskVisits === 0 ? 0 : visits / resources.diskIops / diskVisits + demand.diskMB / resources.diskMBps / diskVisits;
    this.networkVisit[request] = networkSeconds(resources, networkMBPerRequest(resources, demand));
    this.memoryHeld[request] = demand.memoryMB;
    (this.machines[replica] as Machine).memory.add(demand.memoryMB, time);
    this.enter(request, CPU, time);
  }

  /** A visit of `request` ended at `time`. */
  visitDone(request: number, time: number): void {
    const machine = this.machines[this.machineOf[request] as number] as Machine;
    const phase = this.phase[request] as number;
    const next = machine.queues[phase]?.leave(time) ?? -1;
    if (next >= 0) this.begin(next, phase, time);
    const requests = this.ctx.requests;
    if (((requests.flags[request] as number) & RequestFlag.aborted) !== 0) {
      // Its server crashed during the visit: it was answered then; only its slot is left to free.
      this.leaveMachine(request, time);
      requests.release(request);
      return;
    }
    if (phase === DISK) this.enter(request, CPU, time);
    else if (phase === CPU && (this.diskLeft[request] as number) > 0) {
      this.diskLeft[request] = (this.diskLeft[request] as number) - 1;
      this.enter(request, DISK, time);
    } else if (phase === CPU && (this.networkVisit[request] as number) > 0) this.enter(request, NETWORK, time);
    else {
      this.leaveMachine(request, time);
      if (time >= this.measureStart) this.completions++;
      this.finished(request, time);
    }
  }

  /** The server (or one replica, from 0; -1 for all) crashed: requests waiting for its resources leave now (each frees the slot its service held). */
  crash(time: number, replica = -1): void {
    const requests = this.ctx.requests;
    for (const [r, machine] of this.machines.entries()) {
      if (replica >= 0 && r !== replica) continue;
      for (const queue of machine.queues) {
        for (const request of queue.clear(time)) {
          this.leaveMachine(request, time);
          requests.release(request);
        }
      }
    }
  }

  private enter(request: number, phase: number, time: number): void {
    this.phase[request] = phase;
    const machine = this.machines[this.machineOf[request] as number] as Machine;
    if ((machine.queues[phase] as ResourceQueue).enter(request, time)) this.begin(request, phase, time);
  }

  /** `request` got a unit of the resource of `phase`: times its visit. */
  private begin(request: number, phase: number, time: number): void {
    let length: number;
    if (phase === CPU) {
      const machine = this.machines[this.machineOf[request] as number] as Machine;
      const factor = pagingFactor(this.resources, machine.memory.used);
      if (time >= this.measureStart) {
        this.pagedVisits++;
        this.pagingSum += factor;
      }
      length = (this.cpuBurst[request] as number) * factor;
    } else length = phase === DISK ? (this.diskVisit[request] as number) : (this.networkVisit[request] as number);
    this.scheduleVisit(request, time + length);
  }

  private leaveMachine(request: number, time: number): void {
    const machine = this.machines[this.machineOf[request] as number] as Machine;
    machine.memory.remove(this.memoryHeld[request] as number, time);
  }

  /** Grows the per-request arrays to hold slot `request`. */
  private fit(request: number): void {
    if (request < this.phase.length) return;
    let size = this.phase.length;
    while (size <= request) size *= 2;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.machineOf = grow(this.machineOf, new Int32Array(size));
    this.phase = grow(this.phase, new Uint8Array(size));
    this.diskLeft = grow(this.diskLeft, new Int32Array(size));
    this.cpuBurst = grow(this.cpuBurst, new Float64Array(size));
    this.diskVisit = grow(this.diskVisit, new Float64Array(size));
    this.networkVisit = grow(this.networkVisit, new Float64Array(size));
    this.memoryHeld = grow(this.memoryHeld, new Float64Array(size));
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.completions = 0;
    this.pagedVisits = 0;
    this.pagingSum = 0;
    for (const machine of this.machines) {
      for (const queue of machine.queues) queue.beginMeasurement(time);
      machine.memory.beginMeasurement(time);
    }
  }

  /** The operational figures since measurement began. */
  report(time: number): ResourcesReport {
    const span = time - this.measureStart;
    const completions = this.completions;
    const replicas = this.machines.length;
    const resources = RESOURCE_NAMES.map((resource, k) => {
      let busyTime = 0;
      let visits = 0;
      let meanQueue = 0;
      for (const machine of this.machines) {
        const queue = machine.queues[k] as ResourceQueue;
        busyTime += queue.busyTime(time);
        visits += queue.visits;
        meanQueue += queue.meanQueue(time);
      }
      const units = (this.machines[0] as Machine).queues[k]?.servers ?? 1;
      return {
        resource,
        units,
        utilization: span > 0 ? busyTime / (span * units * replicas) : 0,
        meanQueue,
        visits,
        busyTime,
        visitRatio: completions > 0 ? visits / completions : 0,
        serviceTime: visits > 0 ? busyTime / visits : 0,
        demand: completions > 0 ? busyTime / completions : 0,
      };
    });
    let bottleneck: ResourceName = 'cpu';
    let worst = -1;
    for (const r of resources) {
      if (r.demand / r.units > worst) {
        worst = r.demand / r.units;
        bottleneck = r.resource;
      }
    }
    const mean = this.machines.reduce((sum, m) => sum + m.memory.mean(time), 0) / replicas;
    const peak = Math.max(...this.machines.map((m) => m.memory.peak));
    const base = this.resources.workingSetMB;
    return {
      completions,
      throughput: span > 0 ? completions / span : 0,
      resources,
      memory: {
        ramMB: this.resources.ramMB,
        meanWorkingSetMB: mean,
        peakWorkingSetMB: peak,
        utilization: mean / this.resources.ramMB,
        pagingFactor: this.pagedVisits > 0 ? this.pagingSum / this.pagedVisits : pagingFactor(this.resources, base),
      },
      bottleneck,
    };
  }

  /** Utilizations since measurement began, and memory now, for the card. */
  live(time: number): LiveResources {
    const figures = [CPU, DISK, NETWORK].map((k) => {
      let sum = 0;
      for (const machine of this.machines) sum += (machine.queues[k] as ResourceQueue).utilization(time);
      return sum / this.machines.length;
    });
    const used = Math.max(...this.machines.map((m) => m.memory.used));
    return { cpu: figures[0] as number, disk: figures[1] as number, network: figures[2] as number, memory: used / this.resources.ramMB };
  }
}
