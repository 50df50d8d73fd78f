/**
 * Expected calls sent to an instance after it leaves, from one cached copy
 * of the list (client-side discovery, one caller), under a steady load of
 * `rate` calls per second spread round robin over `instances` entries, when
 * the copy is `ttl` seconds long and was filled at a moment independent of
 * the leave: λ × (1/n) × T/2. The copy has T/2 left on average (its age is
 * uniform over one TTL), and every n-th call in that time goes to the
 * departed instance. It neglects the wait for the first call after an expiry
 * (1/λ against T, so it holds for λT ≫ 1) and calls still on the wire.
 * DNS over R resolvers averages the same: each resolver's λ/R calls, summed.
 */
export function expectedStaleCalls(rate: number, instances: number, ttl: number): number {
  return (rate / instances) * (ttl / 2);
}
