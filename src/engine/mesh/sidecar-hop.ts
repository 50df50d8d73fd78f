/**
 * The sidecars one link's requests pass through: the caller's on the way out
 * of the sending service, the callee's on the way into the receiving one.
 * Every request sent across the link (each attempt of a call) is counted
 * here, for the sidecars' CPU; the latency they add is folded into the
 * runtime link's latency, so it costs the routing nothing per hop.
 */
export class SidecarHop {
  /** Requests sent across the link since the run began. */
  crossings = 0;
  /** `crossings` when measurement began (end of warm-up). */
  crossingsAtMeasure = 0;

  constructor(
    readonly linkId: string,
    readonly from: number,
    readonly to: number,
    /** The sending service has a sidecar: its requests leave through it. */
    readonly caller: boolean,
    /** The receiving service has a sidecar: requests enter through it. */
    readonly callee: boolean,
    /** Both ends have sidecars and the mesh encrypts between them. */
    readonly mtls: boolean,
  ) {}

  /** Sidecars a request passes on this link, each way (1 or 2). */
  get sidecars(): number {
    return (this.caller ? 1 : 0) + (this.callee ? 1 : 0);
  }

  /** True when `other` is a hop of the same shape (a live edit that changed nothing here keeps this one and its counts). */
  sameAs(other: SidecarHop): boolean {
    return other.from === this.from && other.to === this.to && other.caller === this.caller && other.callee === this.callee && other.mtls === this.mtls;
  }
}
