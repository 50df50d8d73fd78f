import { z } from 'zod';
import { CallPolicySchema } from './call-schema';

/*
 * Elastic membership (format version 4): a server group that scales, the
 * connections a call needs, and the service mesh's sidecars. Apart from
 * schema.ts, which imports these into its node, link and scenario schemas.
 */

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
/** A server group's instance count, as `replicas` bounds it. */
const instances = z.number().int().min(1).max(64);

/** One step of a scheduled scaling: from simulated second `at` on, run `replicas` instances. */
export const ScheduledStepSchema = z.object({ at: nonNegative, replicas: instances });

/** What the autoscaler tracks. */
export const ScalingPolicySchema = z.discriminatedUnion('type', [
  /** Target tracking on CPU: instances × utilization / target, rounded up (as AWS and Kubernetes do). */
  z.object({ type: z.literal('cpu'), target: z.number().finite().min(0.05).max(1).default(0.6) }),
  /** Target tracking on the backlog of the queue this group consumes: backlog / perInstance instances, rounded up. */
  z.object({ type: z.literal('backlog'), perInstance: positive.default(100) }),
  /** A schedule: the instance count changes at set times, whatever the load. */
  z.object({ type: z.literal('schedule'), steps: z.array(ScheduledStepSchema).min(1).max(100) }),
]);
export type ScalingPolicy = z.infer<typeof ScalingPolicySchema>;

/** A server group that scales between `min` and `max` instances; `replicas` is how many run when the run starts. */
export const AutoscalingSchema = z
  .object({
    min: instances.default(1),
    max: instances.default(8),
    policy: ScalingPolicySchema.default({ type: 'cpu', target: 0.6 }),
    /** Seconds between the autoscaler's decisions (each looks at the interval just ended). */
    interval: positive.default(10),
    /** Seconds a new instance takes to boot before it serves (and registers). */
    coldStart: nonNegative.default(30),
    /** Seconds after a scaling action before the group may scale in. */
    cooldown: nonNegative.default(60),
  })
  .superRefine((a, ctx) => {
    if (a.min > a.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `min instances (${a.min}) must not exceed max instances (${a.max})` });
  });
export type Autoscaling = z.infer<typeof AutoscalingSchema>;

/** A caller's pool of open connections to the callee of one link. */
export const ConnectionPoolSchema = z.object({
  /** Connections the pool keeps open at most; a call waits for a free one when all are in use. */
  size: z.number().int().min(1, 'a pool holds at least 1 connection').max(100_000),
  /** Seconds an idle connection stays open before it is closed; null: never. */
  idleTimeout: positive.nullable().default(60),
  /** Seconds a call may wait for a free connection before it fails with "pool timeout"; null: forever. */
  waitTimeout: positive.nullable().default(null),
});
export type ConnectionPool = z.infer<typeof ConnectionPoolSchema>;

/** What a call on a link needs before it can be sent: a connection, new or pooled. */
export const ConnectionPolicySchema = z.object({
  /** Round trips a new connection's handshake takes (TCP 1, TCP + TLS 1.3 2, TCP + TLS 1.2 3); each is twice the link's latency. */
  handshakeRoundTrips: z.number().int().min(0).max(10).default(1),
  /** Seconds of CPU the callee's TLS spends on a new connection (0: no TLS). */
  tlsCpu: nonNegative.default(0),
  /** A pool kept by the caller; null: a new connection for every call, closed after it. */
  pool: ConnectionPoolSchema.nullable().default(null),
});
export type ConnectionPolicy = z.infer<typeof ConnectionPolicySchema>;

/** The service mesh: every call between two services with sidecars goes through both, and the mesh's policy applies. */
export const MeshSchema = z.object({
  /** Seconds each sidecar adds to a call through it, each way. */
  hopLatency: nonNegative.default(0.0005),
  /** CPU seconds each sidecar spends on a call through it. */
  hopCpu: nonNegative.default(0.0002),
  /** Sidecars encrypt calls between them with mutual TLS. */
  mtls: z.boolean().default(true),
  /** CPU seconds mTLS adds to a call, at each end. */
  mtlsCpu: nonNegative.default(0.0003),
  /** Timeouts, retries, budget and circuit breaking (outlier detection) the control plane applies to every meshed call. */
  policy: CallPolicySchema.default({ timeout: null, retries: { count: 0, backoff: 0.1, jitter: true }, budget: null, breaker: null, maxConcurrent: null }),
});
export type Mesh = z.infer<typeof MeshSchema>;
