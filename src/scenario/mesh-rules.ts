import type { CallPolicy, Link, Mesh, Scenario, ScenarioNode } from './schema';

/*
 * Which servers and links the service mesh covers (docs/scenario-format.md,
 * "Service mesh"): shared by the engine, which runs it, and the canvas and
 * CLI, which show it.
 */

/** True when a node takes part in the mesh: a server with a sidecar, in a scenario with a mesh. */
export function hasSidecar(node: ScenarioNode | undefined, mesh: Mesh | null): boolean {
  return mesh !== null && node?.kind === 'server' && node.sidecar;
}

/** Sidecars a request on `link` passes each way: the caller's, the callee's, both (2) or none (0). */
export function sidecarsOn(link: Link, nodes: ReadonlyMap<string, ScenarioNode>, mesh: Mesh | null): number {
  return (hasSidecar(nodes.get(link.from), mesh) ? 1 : 0) + (hasSidecar(nodes.get(link.to), mesh) ? 1 : 0);
}

/** The ids of the meshed services (servers with a sidecar) when the scenario has a mesh. */
export function meshedServices(scenario: Pick<Scenario, 'nodes' | 'mesh'>): string[] {
  return scenario.nodes.filter((node) => hasSidecar(node, scenario.mesh)).map((node) => node.id);
}

/** True when a policy does nothing: no timeout, retry, budget, breaker or bulkhead (a sidecar then only forwards). */
export function isEmptyPolicy(policy: CallPolicy): boolean {
  return policy.timeout === null && policy.retries.count === 0 && policy.budget === null && policy.breaker === null && policy.maxConcurrent === null;
}

const ms = (seconds: number) => `${Number((seconds * 1000).toPrecision(3))} ms`;

/** A call policy in words, one phrase per mechanism it has ("300 ms timeout", "2 retries (50 ms backoff, jittered)", …); "nothing" when empty. */
export function describeCallPolicy(policy: CallPolicy): string[] {
  const words: string[] = [];
  if (policy.timeout !== null) words.push(`${ms(policy.timeout)} timeout`);
  const { count, backoff, jitter } = policy.retries;
  if (count > 0) words.push(`${count} retr${count === 1 ? 'y' : 'ies'} (${ms(backoff)} backoff${jitter ? ', jittered' : ''})`);
  if (policy.budget) words.push(`retry budget ${policy.budget.percent}% of calls (burst ${policy.budget.burst})`);
  const breaker = policy.breaker;
  if (breaker) {
    const slow = breaker.slowCallDuration === null ? '' : ` or ${breaker.slowCallRate}% slower than ${ms(breaker.slowCallDuration)}`;
    words.push(
      `outlier detection: the breaker opens when ${breaker.failureRate}% of the last ${breaker.window} calls failed${slow} (${breaker.minimumCalls} at least), ejects for ${breaker.openDuration} s, then ${breaker.halfOpenProbes} probe${breaker.halfOpenProbes === 1 ? '' : 's'}`,
    );
  }
  if (policy.maxConcurrent !== null) words.push(`at most ${policy.maxConcurrent} calls at once (bulkhead)`);
  return words.length > 0 ? words : ['nothing: sidecars only forward'];
}
