/**
 * Closed-form queueing theory for the systems that have one, so the charts can
 * draw what the textbook predicts beside what the simulation measured.
 *
 * A closed form applies only to a narrow shape, and a wrong line is worse
 * than none, so `systemTheory` answers null unless the whole scenario is:
 * one open (Poisson) client with no timeout, retries or TLS, linked either
 * straight to one server or to one load balancer that splits at random with
 * no overhead, rules or health checks; every server behind it stateless, one
 * replica, an unbounded queue, no links of its own, and either exponential
 * service (M/M/c, M/M/1) or constant service on one worker (M/D/1), each
 * below saturation. No faults and no recorded changes. A random split of a
 * Poisson stream gives each server Poisson arrivals at its share.
 * Pure: no engine state, so the worker, the CLI and tests call it alike.
 */
import { balancerOverhead } from '../scenario/load-balancer-presets';
import type { ClientNode, LoadBalancerNode, Scenario, ScenarioNode, ServerNode } from '../scenario/schema';

/** The textbook model a server follows. */
export type QueueModel = 'M/M/1' | 'M/M/c' | 'M/D/1';

/** What theory says about one server (times in seconds, utilization 0..1). */
export interface NodeTheory {
  id: string;
  model: QueueModel;
  /** Poisson arrival rate at this server, per second. */
  arrivalRate: number;
  /** Busy workers / workers in the long run: λ / (c μ). */
  utilization: number;
  /** Mean queue wait + service. */
  meanResponse: number;
}

/** What theory says about the run: per server, and end to end at the client (links' latency included). */
export interface SystemTheory {
  nodes: NodeTheory[];
  /** End-to-end response time at the client: its mean, and percentiles where the distribution is known exactly (M/M/c). */
  latency: { mean: number; p50?: number; p95?: number; p99?: number };
}

/** Probability that an arrival waits in M/M/c with offered load a = λ/μ (Erlang's C formula). */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let below = 0;
  for (let k = 0; k < c; k++) {
    below += term;
    term *= a / (k + 1);
  }
  const waiting = term / (1 - a / c);
  return waiting / (below + waiting);
}

/** Mean response time (wait + service) of M/M/c: C(c, λ/μ) / (cμ − λ) + 1/μ. */
export function mmcMeanResponse(lambda: number, mu: number, c: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
}

/**
 * P(response > t) in M/M/c: with probability 1 − C no wait, so the response
 * is the service Exp(μ); otherwise the wait is Exp(cμ − λ) plus the service.
 * For c = 1 this reduces to e^{−(μ−λ)t}.
 */
export function mmcResponseSurvival(lambda: number, mu: number, c: number, t: number): number {
  if (t <= 0) return 1;
  const waits = erlangC(c, lambda / mu);
  const alpha = c * mu - lambda;
  // The sum of Exp(α) and Exp(μ); the limit (1 + μt)e^{−μt} when the rates meet.
  const sum = Math.abs(alpha - mu) < 1e-12 * mu ? (1 + mu * t) * Math.exp(-mu * t) : (alpha * Math.exp(-mu * t) - mu * Math.exp(-alpha * t)) / (alpha - mu);
  return (1 - waits) * Math.exp(-mu * t) + waits * sum;
}

/** Mean response time of M/D/1 (Pollaczek–Khinchine with no service variance): D + ρD / (2(1 − ρ)). */
export function md1MeanResponse(lambda: number, service: number): number {
  const rho = lambda * service;
  return service + (rho * service) / (2 * (1 - rho));
}

/** The time t at which a decreasing survival function falls to 1 − q (bisection to 1e-9 relative). */
export function quantileOf(survival: (t: number) => number, q: number, mean: number): number {
  let low = 0;
  let high = Math.max(mean, 1e-9);
  while (survival(high) > 1 - q) high *= 2;
  for (let i = 0; i < 100 && high - low > 1e-9 * high; i++) {
    const mid = (low + high) / 2;
    if (survival(mid) > 1 - q) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** One server behind the client: its model, rate and the link delay on its path (there and back). */
interface Branch {
  server: ServerNode;
  lambda: number;
  share: number;
  delay: number;
}

/** The theory of `scenario`, or null when no closed form applies to it (see the module comment). */
export function systemTheory(scenario: Scenario): SystemTheory | null {
  if (scenario.faults.length > 0 || scenario.changes.length > 0) return null;
  // A handshake or a wait for a pooled connection is in no closed form here.
  if (scenario.links.some((l) => l.connection !== undefined)) return null;
  const clients = scenario.nodes.filter((n): n is ClientNode => n.kind === 'client');
  const client = clients[0];
  if (clients.length !== 1 || client === undefined || !isPoissonClient(client)) return null;
  const out = scenario.links.filter((l) => l.from === client.id);
  const first = out[0];
  if (out.length !== 1 || first === undefined) return null;
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const entry = byId.get(first.to);
  const lambda = client.workload.mode === 'open' ? client.workload.rate : 0;
  let branches: Branch[];
  let used: Set<string>;
  if (entry?.kind === 'server') {
    branches = [{ server: entry, lambda, share: 1, delay: 2 * first.latency }];
    used = new Set([client.id, entry.id]);
  } else if (entry?.kind === 'loadBalancer' && isRandomSplitter(entry)) {
    const targets = scenario.links.filter((l) => l.from === entry.id);
    const servers = targets.map((l) => byId.get(l.to));
    if (targets.length === 0 || new Set(targets.map((l) => l.to)).size !== targets.length) return null;
    if (!servers.every((s): s is ServerNode => s?.kind === 'server')) return null;
    // The random algorithm picks among eligible targets uniformly, whatever the links' weights.
    const share = 1 / targets.length;
    branches = targets.map((l, i) => ({ server: servers[i] as ServerNode, lambda: lambda * share, share, delay: 2 * (first.latency + l.latency) }));
    used = new Set([client.id, entry.id, ...servers.map((s) => s.id)]);
  } else return null;
  // Anything else in the system (another path, a server's own calls, a second sender) has no closed form here.
  if (scenario.nodes.some((n) => !used.has(n.id))) return null;
  if (scenario.links.length !== 1 + (entry.kind === 'loadBalancer' ? branches.length : 0)) return null;
  const nodes: NodeTheory[] = [];
  for (const branch of branches) {
    const node = serverTheory(branch.server, branch.lambda);
    if (node === null) return null;
    nodes.push(node);
  }
  return { nodes, latency: endToEnd(branches, nodes) };
}

function isPoissonClient(client: ClientNode): boolean {
  return client.workload.mode === 'open' && client.timeout === null && client.retries.count === 0 && !client.https;
}

function isRandomSplitter(lb: LoadBalancerNode): boolean {
  return (
    lb.algorithm === 'random' &&
    balancerOverhead(lb) === 0 &&
    !lb.tlsTermination &&
    !lb.stickySessions &&
    lb.routes.length === 0 &&
    lb.healthCheck.active === null &&
    lb.healthCheck.passive === null
  );
}

/** One server's model at arrival rate `lambda`, or null when it has none (or is saturated: no steady state). */
export function serverTheory(server: ScenarioNode, lambda: number): NodeTheory | null {
  if (server.kind !== 'server' || server.replicas !== 1 || server.sessions !== 'stateless' || server.queueCapacity !== null) return null;
  const c = server.workers;
  const service = server.serviceTime;
  if (service.type === 'exponential') {
    const mu = server.speed / service.mean;
    if (lambda >= c * mu) return null;
    return { id: server.id, model: c === 1 ? 'M/M/1' : 'M/M/c', arrivalRate: lambda, utilization: lambda / (c * mu), meanResponse: mmcMeanResponse(lambda, mu, c) };
  }
  if (service.type === 'constant' && c === 1 && service.value > 0) {
    const d = service.value / server.speed;
    if (lambda * d >= 1) return null;
    return { id: server.id, model: 'M/D/1', arrivalRate: lambda, utilization: lambda * d, meanResponse: md1MeanResponse(lambda, d) };
  }
  return null;
}

/** The client's view: a mixture over servers, each shifted by its links' delay; percentiles only when every server is M/M/c. */
function endToEnd(branches: Branch[], nodes: NodeTheory[]): SystemTheory['latency'] {
  const mean = branches.reduce((sum, b, i) => sum + b.share * (b.delay + (nodes[i] as NodeTheory).meanResponse), 0);
  if (nodes.some((n) => n.model === 'M/D/1')) return { mean };
  const survival = (t: number) =>
    branches.reduce((sum, b) => {
      const s = b.server as ServerNode & { serviceTime: { type: 'exponential'; mean: number } };
      return sum + b.share * mmcResponseSurvival(b.lambda, s.speed / s.serviceTime.mean, s.workers, t - b.delay);
    }, 0);
  return { mean, p50: quantileOf(survival, 0.5, mean), p95: quantileOf(survival, 0.95, mean), p99: quantileOf(survival, 0.99, mean) };
}
