import type { CallPolicy, Link, Mesh, ScenarioNode } from '../../scenario/schema';
import type { RuntimeLink } from '../component';
import { callPolicyFor } from '../resilience/calls';
import type { MeshLinkFigures, MeshReport, SidecarFigures } from './mesh-figures';
import { hasSidecar, isEmptyPolicy } from '../../scenario/mesh-rules';
import { SidecarHop } from './sidecar-hop';

/** What the mesh makes of one link when the run builds it: its latency, its call policy and its sidecars. */
export interface MeshedLinkFields {
  latency: number;
  call: CallPolicy | null;
  sidecars: SidecarHop | null;
}

/**
 * The service mesh's data plane, for the engine. A request on a link passes
 * the caller's sidecar if the sender is a server with `sidecar`, and the
 * callee's if the receiver is; each adds the mesh's hop latency each way
 * (folded into the link's latency) and spends hop CPU (plus mTLS CPU when
 * both ends have one and the mesh encrypts) per request sent. The caller's
 * sidecar applies the mesh's policy, as Envoy applies timeouts, retries and
 * outlier detection client-side, unless the link has a `call` of its own.
 * Sidecars run on cores of their own: their CPU is counted and priced, it
 * does not queue behind the service's workers.
 */
export class Sidecars {
  /** Every hop the run has had (a live edit may replace a link's; the old one keeps its counts). */
  private readonly hops: SidecarHop[] = [];

  constructor(readonly mesh: Mesh | null) {}

  /** The runtime fields of `link` from node `from` (`fromNode`) to `to` (`toNode`); `previous` is kept if nothing changed. */
  linkFields(link: Link, from: number, to: number, fromNode: ScenarioNode | undefined, toNode: ScenarioNode | undefined, previous?: SidecarHop | null): MeshedLinkFields {
    const mesh = this.mesh;
    const own = callPolicyFor(fromNode?.kind, link.call);
    const caller = hasSidecar(fromNode, mesh);
    const callee = hasSidecar(toNode, mesh);
    if (mesh === null || (!caller && !callee)) return { latency: link.latency, call: own, sidecars: null };
    let hop = new SidecarHop(link.id, from, to, caller, callee, caller && callee && mesh.mtls);
    if (previous?.sameAs(hop)) hop = previous;
    else this.hops.push(hop);
    return { latency: link.latency + hop.sidecars * mesh.hopLatency, call: own ?? this.policyFor(caller, toNode), sidecars: hop };
  }

  /** The mesh's policy on a link from a meshed caller; none for a session lookup (not a call) or a policy that does nothing. */
  private policyFor(caller: boolean, toNode: ScenarioNode | undefined): CallPolicy | null {
    const policy = (this.mesh as Mesh).policy;
    if (!caller || toNode?.kind === 'sessionStore' || isEmptyPolicy(policy)) return null;
    return policy;
  }

  /** Measurement begins (end of warm-up): CPU is counted from here. */
  beginMeasurement(): void {
    for (const hop of this.hops) hop.crossingsAtMeasure = hop.crossings;
  }

  /** True when some link passes a sidecar. */
  get active(): boolean {
    return this.hops.length > 0;
  }

  /** Node `node`'s sidecar figures, or undefined when it has none; `measured` is seconds since measurement began. */
  figuresOf(node: number, spec: ScenarioNode, links: readonly RuntimeLink[], measured: number): SidecarFigures | undefined {
    if (!hasSidecar(spec, this.mesh)) return undefined;
    const mesh = this.mesh as Mesh;
    let inbound = 0;
    let outbound = 0;
    let cpuSeconds = 0;
    for (const hop of this.hops) {
      const mine = (hop.from === node && hop.caller) || (hop.to === node && hop.callee);
      if (!mine) continue;
      if (hop.from === node && hop.caller) outbound += hop.crossings;
      if (hop.to === node && hop.callee) inbound += hop.crossings;
      // A link from a service to itself passes its sidecar twice.
      const passes = (hop.from === node && hop.caller ? 1 : 0) + (hop.to === node && hop.callee ? 1 : 0);
      cpuSeconds += passes * (hop.crossings - hop.crossingsAtMeasure) * (mesh.hopCpu + (hop.mtls ? mesh.mtlsCpu : 0));
    }
    // During warm-up nothing is measured yet (the counts start over when it ends).
    if (measured <= 0) cpuSeconds = 0;
    const cores = measured > 0 ? cpuSeconds / measured : 0;
    const perCore = spec.kind === 'server' ? spec.costPerHour / spec.workers : 0;
    const policyLinks = links.filter((link) => link.from === node && link.call === mesh.policy).map((link) => link.id);
    return { inbound, outbound, cpuSeconds, cores, costPerHour: cores * perCore, policyLinks };
  }

  /** The mesh over the run, or null without one. */
  report(specs: readonly ScenarioNode[], links: readonly RuntimeLink[], measured: number): MeshReport | null {
    const mesh = this.mesh;
    if (mesh === null) return null;
    const services: string[] = [];
    let cpuSeconds = 0;
    let costPerHour = 0;
    specs.forEach((spec, node) => {
      const figures = this.figuresOf(node, spec, links, measured);
      if (figures === undefined) return;
      services.push(spec.id);
      cpuSeconds += figures.cpuSeconds;
      costPerHour += figures.costPerHour;
    });
    const meshed: MeshLinkFigures[] = [];
    for (const link of links) {
      const hop = link.sidecars;
      if (!hop) continue;
      meshed.push({
        link: link.id,
        from: (specs[link.from] as ScenarioNode).id,
        to: (specs[link.to] as ScenarioNode).id,
        sidecars: hop.sidecars,
        addedRoundTrip: 2 * hop.sidecars * mesh.hopLatency,
        mtls: hop.mtls,
        policy: link.call === mesh.policy ? 'mesh' : link.call ? 'own' : 'none',
        crossings: hop.crossings,
      });
    }
    return { settings: mesh, services, links: meshed, cpuSeconds, cores: measured > 0 ? cpuSeconds / measured : 0, costPerHour };
  }
}
