import type { Mesh } from '../../scenario/schema';

/** One service's sidecar as the report and the live frames show it. */
export interface SidecarFigures {
  /** Requests that entered the service through its sidecar (whole run). */
  inbound: number;
  /** Requests that left it through its sidecar, each attempt of a call counted (whole run). */
  outbound: number;
  /** CPU seconds its sidecars (every instance's) spent since measurement began. */
  cpuSeconds: number;
  /** Cores its sidecars kept busy on average since measurement began: CPU seconds per second. */
  cores: number;
  /** Those cores at the service's own price per core (its cost per hour ÷ its workers), per hour. */
  costPerHour: number;
  /** Its outgoing links the mesh's policy governs (their calls show in the node's `calls`). */
  policyLinks: string[];
}

/** A link some sidecar sits on. */
export interface MeshLinkFigures {
  link: string;
  from: string;
  to: string;
  /** Sidecars a request passes each way: 2 between two meshed services, 1 when only one end has one. */
  sidecars: number;
  /** Latency the sidecars add to a round trip on this link: sidecars × 2 × hop latency, seconds. */
  addedRoundTrip: number;
  /** The two sidecars encrypt between them (mTLS). */
  mtls: boolean;
  /** Whose call policy the link's calls follow: the mesh's, the link's own `call`, or none. */
  policy: 'mesh' | 'own' | 'none';
  /** Requests sent across it (whole run). */
  crossings: number;
}

/** The service mesh over the whole run: what its sidecars cost. */
export interface MeshReport {
  /** The scenario's mesh: its hop costs and its policy. */
  settings: Mesh;
  /** Meshed services (servers with a sidecar) by id. */
  services: string[];
  links: MeshLinkFigures[];
  /** CPU seconds every sidecar spent since measurement began. */
  cpuSeconds: number;
  /** Cores the sidecars kept busy: CPU seconds per second of the measured run. */
  cores: number;
  /** Those cores at each service's price per core, per hour. */
  costPerHour: number;
}
