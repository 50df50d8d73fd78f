import { connectionUser } from '../components/client-connections';
import { RequestFlag, type RequestPool } from '../request-pool';
import type { TargetState } from './algorithm';

/**
 * How an L4 balancer sees connections: it picks a target when a connection
 * opens and every later request on it goes to the same target; `open` counts
 * connections (what least connections compares at L4), not requests. A
 * connection whose target has left the pool opens again on another. The pin
 * is dropped as the connection's last request passes, so the table holds
 * only connections still open.
 */
export class ConnectionPins {
  /** Target of each open connection, by user (client node and user). */
  private readonly pins = new Map<number, number>();

  constructor(private readonly state: TargetState & { open: Int32Array }) {}

  /** Target position for a request, or −1; `pick` chooses for a connection that opens (or opens again). */
  choose(requests: RequestPool, request: number, pick: () => number): number {
    const flags = requests.flags[request] as number;
    const user = connectionUser(requests.client[request] as number, requests.owner[request] as number, requests.address[request] as number);
    const open = this.state.open;
    let target = (flags & RequestFlag.opensConnection) !== 0 ? -1 : (this.pins.get(user) ?? -1);
    if (target >= 0 && this.state.eligible[target] === 0) {
      // The target left the pool: its connection is broken, and the client connects again.
      open[target] = (open[target] as number) - 1;
      target = -1;
    }
    if (target < 0) {
      target = pick();
      if (target >= 0) open[target] = (open[target] as number) + 1;
    }
    if ((flags & RequestFlag.closesConnection) !== 0) this.pins.delete(user);
    else if (target >= 0) this.pins.set(user, target);
    return target;
  }

  /** The answer to a request on `target` passes back: its connection closes if it was the last. */
  answered(requests: RequestPool, request: number, target: number): void {
    if (((requests.flags[request] as number) & RequestFlag.closesConnection) === 0) return;
    this.state.open[target] = (this.state.open[target] as number) - 1;
  }
}
