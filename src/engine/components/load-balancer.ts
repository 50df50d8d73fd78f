import type { LoadBalancerNode } from '../../scenario/schema';
import type { BalancingAlgorithm } from '../balancing/algorithm';
import { createAlgorithm } from '../balancing';
import { Outcome, type NodeReport, type WindowNodeSample } from '../types';
import { type Component, EventKind, type SimContext } from './component';
import { emptyLatency } from './report-helpers';

/** Spreads requests over its outgoing links with a balancing algorithm; adds no delay of its own. */
export class LoadBalancer implements Component {
  readonly kind = 'loadBalancer';
  readonly id: string;
  readonly label: string;
  readonly observesResponses: boolean;
  private readonly algorithm: BalancingAlgorithm;
  private arrivals = 0;
  private measuredArrivals = 0;
  private measureStart = 0;
  private windowArrivals = 0;
  /** Requests sent to each target (by position among outgoing links). */
  readonly routed: Float64Array;

  constructor(
    readonly index: number,
    node: LoadBalancerNode,
    private readonly ctx: SimContext,
  ) {
    this.id = node.id;
    this.label = node.label ?? node.id;
    this.algorithm = createAlgorithm(node.algorithm);
    this.observesResponses = this.algorithm.observesResponses;
    this.routed = new Float64Array(ctx.outgoing(index).length);
  }

  start(): void {}

  handle(kind: number, request: number, time: number): void {
    if (kind === EventKind.arrive) this.route(request, time);
    else if (kind === EventKind.response) this.ctx.continueResponse(request, time);
  }

  private route(request: number, time: number): void {
    this.arrivals++;
    this.windowArrivals++;
    if (time >= this.measureStart) this.measuredArrivals++;
    const targets = this.ctx.outgoing(this.index);
    if (targets.length === 0) {
      this.ctx.respond(request, Outcome.noRoute, time);
      return;
    }
    const choice = this.algorithm.pick(request, targets, time);
    this.routed[choice] = (this.routed[choice] as number) + 1;
    this.ctx.send(request, targets[choice]!, time);
  }

  beginMeasurement(time: number): void {
    this.measureStart = time;
    this.measuredArrivals = 0;
  }

  closeWindow(): WindowNodeSample {
    const sample = { utilization: 0, queueLength: 0, p99: 0, served: this.windowArrivals, dropped: 0 };
    this.windowArrivals = 0;
    return sample;
  }

  report(time: number): NodeReport {
    const measured = time - this.measureStart;
    return {
      id: this.id,
      kind: this.kind,
      label: this.label,
      arrivals: this.arrivals,
      served: this.arrivals,
      dropped: 0,
      throughput: measured > 0 ? this.measuredArrivals / measured : 0,
      utilization: 0,
      meanQueueLength: 0,
      meanInSystem: 0,
      waitProbability: 0,
      meanWait: 0,
      latency: emptyLatency(),
      inSystem: 0,
    };
  }

  live() {
    return { busy: 0, queueLength: 0, inSystem: 0, workers: 0 };
  }
}
