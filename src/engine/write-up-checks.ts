/**
 * Where each example's write-up is held to its run: one entry per file in
 * scenarios/. engine/write-ups.test.ts fails for an example without an entry,
 * and for any figure its `description` (or its row in the docs' table of
 * examples) states that is not one of the file's own settings and that the
 * named test file does not state too: in an assertion, or in the title or
 * comment of the test that asserts it.
 *
 * Adding an example: add its entry here, naming the test (under src/) that
 * runs it headless and asserts each sentence of its write-up; then run
 * `npx vitest run src/engine/write-ups.test.ts` to see any figure it missed.
 * A figure the run cannot show (a seed-dependent moment, a figure of a
 * variant the reader is invited to build by hand) goes in `notAsserted`, with
 * the reason, so the exception is written down where a reviewer sees it.
 */
export interface WriteUpCheck {
  /** The test file, from src/, that asserts the write-up against the headless run. */
  test: string;
  /** Figures (as written) deliberately not asserted, each with why. */
  notAsserted?: Record<string, string>;
}

export const WRITE_UP_CHECKS: Record<string, WriteUpCheck> = {
  'mm1.json': { test: 'engine/examples.test.ts' },
  'mmc.json': { test: 'engine/examples.test.ts' },
  'md1.json': { test: 'engine/examples.test.ts' },
  'closed-loop.json': { test: 'engine/examples.test.ts' },
  'web-tier.json': { test: 'engine/examples.test.ts' },
  'retry-storm.json': { test: 'engine/examples.test.ts' },
  'bench-8-servers.json': { test: 'engine/examples.test.ts' },
  'bench-cache-million.json': { test: 'engine/examples.test.ts' },
  'cache-aside-zipf.json': { test: 'engine/cache-examples.test.ts' },
  'write-back-crash.json': { test: 'engine/cache-examples.test.ts' },
  'cache-stampede.json': { test: 'engine/cache-examples.test.ts' },
  'cache-invalidation.json': { test: 'engine/cache-examples.test.ts' },
  'cdn-offload.json': {
    test: 'engine/cache-examples.test.ts',
    notAsserted: { '40': "an edge's round trip (0.04 s in the file), written in a list whose unit comes after its last figure" },
  },
  'cache-eviction-policies.json': { test: 'engine/policy-examples.test.ts' },
  'cache-write-through-versions.json': { test: 'engine/policy-examples.test.ts' },
  'cdn-push.json': { test: 'engine/policy-examples.test.ts' },
  'lb-l4-weighted.json': { test: 'engine/policy-examples.test.ts' },
  'lb-ip-hash-nlb.json': { test: 'engine/policy-examples.test.ts' },
  'lb-power-of-two.json': { test: 'engine/policy-examples.test.ts' },
  'lb-least-response-time.json': { test: 'engine/policy-examples.test.ts' },
  'lb-sinkhole.json': { test: 'engine/balancer-examples.test.ts' },
  'lb-health-checks.json': { test: 'engine/balancer-examples.test.ts' },
  'consistent-hash-pool.json': { test: 'engine/balancer-examples.test.ts' },
  'l7-routing-tls.json': { test: 'engine/balancer-examples.test.ts' },
  'cache-shards.json': { test: 'engine/data-tier-examples.test.ts' },
  'db-read-replicas.json': { test: 'engine/data-tier-examples.test.ts' },
  'db-shards-hot-key.json': { test: 'engine/data-tier-examples.test.ts' },
  'scale-out-vs-up.json': { test: 'engine/session-and-scaling-examples.test.ts' },
  'sessions-store.json': { test: 'engine/session-and-scaling-examples.test.ts' },
  'sessions-sticky.json': { test: 'engine/session-examples.test.ts' },
  'gateway-auth-at-edge.json': { test: 'engine/gateway-examples.test.ts' },
  'gateway-fan-out-tail.json': { test: 'engine/gateway-examples.test.ts' },
  'gateway-microservices.json': { test: 'engine/gateway-examples.test.ts' },
  'gateway-noisy-tenant.json': { test: 'engine/gateway-examples.test.ts' },
  'bench-gateway.json': { test: 'engine/gateway-examples.test.ts' },
  'queue-consumer-crash.json': { test: 'engine/messaging/messaging-examples.test.ts' },
  'queue-vs-sync-spike.json': { test: 'engine/messaging/messaging-examples.test.ts' },
  'topic-fan-out.json': { test: 'engine/messaging/messaging-examples.test.ts' },
  'bench-queue-8-consumers.json': { test: 'engine/messaging/messaging-examples.test.ts' },
  'bottleneck-resources.json': { test: 'engine/resources/resource-examples.test.ts' },
  'closed-system-bounds.json': { test: 'engine/resources/resource-examples.test.ts' },
  'amdahl-serial-5.json': { test: 'engine/parallel/examples.test.ts' },
  'connection-pooling-none.json': { test: 'engine/connections/pooling-examples.test.ts' },
  'connection-pooling-pool.json': { test: 'engine/connections/pooling-examples.test.ts' },
  'connection-pooling-pooler.json': { test: 'engine/connections/pooling-examples.test.ts' },
  'usl-coordination.json': { test: 'engine/parallel/examples.test.ts' },
  'breaker-opens-recovers.json': { test: 'engine/resilience/resilience-examples.test.ts' },
  'bulkhead-slow-dependency.json': { test: 'engine/resilience/resilience-examples.test.ts' },
  'metastable-retry-storm.json': {
    test: 'engine/resilience/metastable-examples.test.ts',
    notAsserted: { '2021': 'the year of a cited paper (Bronson et al., HotOS 2021), not a figure', '2022': 'the year of a cited paper (Huang et al., OSDI 2022), not a figure' },
  },
  'metastable-fix-breaker.json': { test: 'engine/resilience/metastable-examples.test.ts' },
  'metastable-fix-retry-budget.json': { test: 'engine/resilience/metastable-examples.test.ts' },
  'lb-l4-long-connections.json': { test: 'engine/connection-examples.test.ts' },
  'mesh-resilience.json': { test: 'engine/mesh/mesh-examples.test.ts' },
  'discovery-scale-in.json': { test: 'engine/discovery/discovery-examples.test.ts' },
  'autoscaling-ramp-spike.json': { test: 'engine/elastic/autoscaling-examples.test.ts' },
};
