/**
 * The gateway's cache of tokens its auth service accepted, each kept for
 * `ttl` seconds from the answer. A token is a user's: the client node and
 * the address it sends from.
 */
export class TokenCache {
  private readonly expiry = new Map<number, number>();
  hits = 0;
  misses = 0;

  constructor(private readonly ttl: number) {}

  /** True when the token of (client, address) is cached and fresh at `time`. */
  has(client: number, address: number, time: number): boolean {
    const until = this.expiry.get(tokenKey(client, address));
    const fresh = until !== undefined && until > time;
    if (fresh) this.hits++;
    else this.misses++;
    return fresh;
  }

  /** Keeps the token the auth service just accepted. */
  store(client: number, address: number, time: number): void {
    if (this.ttl > 0) this.expiry.set(tokenKey(client, address), time + this.ttl);
  }
}

/** Addresses stay below 2^21 (the schema allows a million), so the key is exact. */
function tokenKey(client: number, address: number): number {
  return client * 2_097_152 + address;
}
