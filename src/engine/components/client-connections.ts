import type { Connections } from '../../scenario/schema';
import { RequestFlag } from '../request-pool';
import type { Rng } from '../rng';

/**
 * The connections of one client's users. Each user (a closed-loop user, or
 * an open-loop address) keeps one connection open at a time; a request
 * opens one when the user has none, and is the last on it with probability
 * 1/requestsPerConnection (so lengths are geometric with that mean), or once
 * the connection has lived its lifetime (NGINX's keepalive_time: the
 * connection closes after the next request). Requests carry the news as
 * flags; only an L4 balancer reads them.
 */
export class ClientConnections {
  /** When each user's open connection opened. */
  private readonly openedAt = new Map<number, number>();
  private readonly closeChance: number;

  constructor(
    private readonly settings: Connections,
    private readonly coin: Rng,
  ) {
    this.closeChance = 1 / settings.requestsPerConnection;
  }

  /** True when every request has a connection of its own (the default): no state to keep. */
  get perRequest(): boolean {
    return this.settings.requestsPerConnection === 1 && this.settings.lifetime === null;
  }

  /** The connection flags of a request `user` sends at `time`. */
  flagsFor(user: number, time: number): number {
    if (this.perRequest) return RequestFlag.opensConnection | RequestFlag.closesConnection;
    let flags = 0;
    let opened = this.openedAt.get(user);
    if (opened === undefined) {
      flags = RequestFlag.opensConnection;
      opened = time;
      this.openedAt.set(user, time);
    }
    const lifetime = this.settings.lifetime;
    const last = this.coin.next() < this.closeChance || (lifetime !== null && time - opened >= lifetime);
    if (last) {
      flags |= RequestFlag.closesConnection;
      this.openedAt.delete(user);
    }
    return flags;
  }
}

/** The key a balancer pins a connection by: the client node and its user (closed-loop user, or open-loop address). */
export function connectionUser(client: number, owner: number, address: number): number {
  return client * 2 ** 21 + (owner >= 0 ? owner : 2 ** 20 + address);
}
