import type { RuntimeLink } from '../components/component';

/**
 * How a load balancer chooses among its targets. One algorithm a file; the
 * balancer tells it about responses only when it asks (least connections,
 * least response time), so round robin costs no response events.
 */
export interface BalancingAlgorithm {
  readonly observesResponses: boolean;
  /** Index into `targets` for this request. */
  pick(request: number, targets: readonly RuntimeLink[], time: number): number;
  /** A response came back from target `target` (only when observesResponses). */
  onResponse?(request: number, target: number, time: number): void;
}
