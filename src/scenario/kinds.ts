/**
 * What the scenario layer knows of each node kind, in one table: its name,
 * what it does, its id prefix, how a new one starts, which faults it takes,
 * whether it answers requests itself and whether it has workers. The table is
 * typed by `NodeKind`, so a kind added to the schema fails the type-check
 * here until it has an entry, and every list of kinds (the palette's order,
 * the kinds a fault can reach, the kinds named in a message) is read from it.
 * The other layers keep a table of their own, keyed the same way; see
 * docs/architecture.md, "Adding a node kind".
 */
import type { z } from 'zod';
import type { FaultAction, NodeKind, NodeSchema, ScenarioNode } from './schema';

/** The node of one kind, with every default filled in. */
export type NodeOf<K extends NodeKind> = Extract<ScenarioNode, { kind: K }>;

/** What a new node is given before the schema fills in the rest. */
type NodeInputOf<K extends NodeKind> = Extract<z.input<typeof NodeSchema>, { kind: K }>;

/** The fields every new node gets, whatever its kind. */
export interface NewNodeBase {
  id: string;
  label: string;
  position: { x: number; y: number };
}

/** Whether a kind has workers whose utilization and queue mean something. */
export type WorkerModel =
  /** Always: servers, databases, session stores. */
  | 'always'
  /** Only when set up to do work (a balancer with an overhead or TLS termination). */
  | 'whenConfigured'
  /** Never: it answers after fixed delays or only sends. */
  | 'never';

export interface KindTraits<K extends NodeKind> {
  /** As the palette and the inspector name it: "Load balancer". */
  title: string;
  /** As a sentence lists several: "load balancers", "CDNs". */
  plural: string;
  /** With its article, as a sentence names one: "a load balancer". */
  one: string;
  /** One line on what it does, under its name in the palette. */
  hint: string;
  /** New nodes are `<idPrefix>-<n>`. */
  idPrefix: string;
  /** A new node that runs sensibly the moment it is wired up; fields left out take the schema's defaults. */
  create(base: NewNodeBase): NodeInputOf<K>;
  /** Faults it takes, in the order a user meets them; none for kinds that cannot fail. */
  faults: readonly FaultAction[];
  /**
   * Which requests it answers itself: 'hits' (some, even when it links
   * onwards: caches, CDNs), 'atPathEnd' (every one it serves when it links
   * nowhere further: servers, databases), 'never' (clients, balancers) or
   * 'always' (every one: message queues and topics acknowledge what they take).
   */
  answers: 'hits' | 'atPathEnd' | 'never' | 'always';
  workers: WorkerModel;
  /** Requests can be sent to it (clients only send). */
  acceptsLinks: boolean;
  /** What the node costs to run per hour, all its machines together. */
  costPerHour(node: NodeOf<K>): number;
}

const CAN_FAIL: readonly FaultAction[] = ['crash', 'restart', 'slow', 'recover'];
const CAN_FAIL_OR_FLUSH: readonly FaultAction[] = [...CAN_FAIL, 'flush'];
const free = () => 0;

/** Every node kind's traits, in palette order. */
export const KIND_TRAITS: { readonly [K in NodeKind]: KindTraits<K> } = {
  client: {
    title: 'Client',
    plural: 'clients',
    one: 'a client',
    hint: 'Sends requests: a steady rate, or users who wait',
    idPrefix: 'client',
    create: (base) => ({ ...base, kind: 'client', workload: { mode: 'open', rate: 20 } }),
    faults: [],
    answers: 'never',
    workers: 'never',
    acceptsLinks: false,
    costPerHour: free,
  },
  loadBalancer: {
    title: 'Load balancer',
    plural: 'load balancers',
    one: 'a load balancer',
    hint: 'Spreads requests over its targets',
    idPrefix: 'lb',
    create: (base) => ({ ...base, kind: 'loadBalancer' }),
    faults: [],
    answers: 'never',
    workers: 'whenConfigured',
    acceptsLinks: true,
    costPerHour: free,
  },
  server: {
    title: 'Server',
    plural: 'servers',
    one: 'a server',
    hint: 'Serves requests with workers and a queue',
    idPrefix: 'server',
    create: (base) => ({ ...base, kind: 'server', workers: 4, queueCapacity: 100, serviceTime: { type: 'exponential', mean: 0.05 } }),
    faults: CAN_FAIL,
    answers: 'atPathEnd',
    workers: 'always',
    acceptsLinks: true,
    // Before a run a scaling group costs what it starts with (replicas within its bounds); the report gives the run's mean.
    costPerHour: (node) => (node.autoscaling ? Math.min(node.autoscaling.max, Math.max(node.autoscaling.min, node.replicas)) : node.replicas) * node.costPerHour,
  },
  database: {
    title: 'Database',
    plural: 'databases',
    one: 'a database',
    hint: 'Serves reads and writes',
    idPrefix: 'database',
    create: (base) => ({
      ...base,
      kind: 'database',
      workers: 8,
      queueCapacity: 200,
      readTime: { type: 'exponential', mean: 0.005 },
      writeTime: { type: 'exponential', mean: 0.02 },
    }),
    faults: CAN_FAIL,
    answers: 'atPathEnd',
    workers: 'always',
    acceptsLinks: true,
    costPerHour: free,
  },
  cache: {
    title: 'Cache',
    plural: 'caches',
    one: 'a cache',
    hint: 'Answers repeated reads from memory',
    idPrefix: 'cache',
    // The schema's defaults are already a sensible start.
    create: (base) => ({ ...base, kind: 'cache' }),
    faults: CAN_FAIL_OR_FLUSH,
    answers: 'hits',
    workers: 'never',
    acceptsLinks: true,
    costPerHour: free,
  },
  cdn: {
    title: 'CDN',
    plural: 'CDNs',
    one: 'a CDN',
    hint: 'Serves cached responses near users',
    idPrefix: 'cdn',
    create: (base) => ({ ...base, kind: 'cdn' }),
    faults: CAN_FAIL_OR_FLUSH,
    answers: 'hits',
    workers: 'never',
    acceptsLinks: true,
    costPerHour: free,
  },
  sessionStore: {
    title: 'Session store',
    plural: 'session stores',
    one: 'a session store',
    hint: 'Keeps user sessions outside the servers',
    idPrefix: 'sessions',
    create: (base) => ({ ...base, kind: 'sessionStore', workers: 8, queueCapacity: 1000, serviceTime: { type: 'exponential', mean: 0.0005 } }),
    faults: CAN_FAIL,
    answers: 'atPathEnd',
    workers: 'always',
    acceptsLinks: true,
    costPerHour: free,
  },
  messageQueue: {
    title: 'Message queue',
    plural: 'message queues',
    one: 'a message queue',
    hint: 'Acknowledges at once; servers it links to consume later',
    idPrefix: 'queue',
    create: (base) => ({ ...base, kind: 'messageQueue' }),
    faults: [],
    answers: 'always',
    workers: 'never',
    acceptsLinks: true,
    costPerHour: free,
  },
  topic: {
    title: 'Topic',
    plural: 'topics',
    one: 'a topic',
    hint: 'Publish once; every queue or server it links to gets a copy',
    idPrefix: 'topic',
    create: (base) => ({ ...base, kind: 'topic' }),
    faults: [],
    answers: 'always',
    workers: 'never',
    acceptsLinks: true,
    costPerHour: free,
  },
  parallelJob: {
    title: 'Parallel job',
    plural: 'parallel jobs',
    one: 'a parallel job',
    hint: 'Splits each request over N workers and joins',
    idPrefix: 'job',
    create: (base) => ({ ...base, kind: 'parallelJob', workers: 8, queueCapacity: 100, workTime: { type: 'constant', value: 0.1 } }),
    faults: CAN_FAIL,
    answers: 'atPathEnd',
    workers: 'always',
    acceptsLinks: true,
    costPerHour: free,
  },
  gateway: {
    title: 'API gateway',
    plural: 'API gateways',
    one: 'an API gateway',
    hint: 'Routes, authenticates and rate-limits at the edge',
    idPrefix: 'gateway',
    // The schema's defaults are a sensible start: TLS terminated, no auth, no limit, every request to the linked services.
    create: (base) => ({ ...base, kind: 'gateway' }),
    faults: [],
    answers: 'never',
    workers: 'always',
    acceptsLinks: true,
    costPerHour: free,
  },
  registry: {
    title: 'Service registry',
    plural: 'service registries',
    one: 'a service registry',
    hint: 'Finds the instances of the servers it links to',
    idPrefix: 'registry',
    // Client-side discovery with a 30 s cache: the staleness a scale-in shows.
    create: (base) => ({ ...base, kind: 'registry' }),
    faults: [],
    answers: 'never',
    workers: 'never',
    acceptsLinks: true,
    costPerHour: free,
  },
  pooler: {
    title: 'Connection pooler',
    plural: 'connection poolers',
    one: 'a connection pooler',
    hint: 'Many client connections onto a few database connections',
    idPrefix: 'pooler',
    create: (base) => ({ ...base, kind: 'pooler', serverConnections: 20 }),
    faults: [],
    answers: 'never',
    workers: 'never',
    acceptsLinks: true,
    costPerHour: free,
  },
};

/** Every node kind the engine simulates, in palette order (the table's). */
export const NODE_KINDS = Object.keys(KIND_TRAITS) as readonly NodeKind[];

/** The traits of `kind`, typed for it. */
export function traitsOf<K extends NodeKind>(kind: K): KindTraits<K> {
  return KIND_TRAITS[kind] as KindTraits<K>;
}

/** Whether `value` names a node kind (a drop payload, a file's field). */
export function isNodeKind(value: string): value is NodeKind {
  return Object.hasOwn(KIND_TRAITS, value);
}

/** The kinds whose traits pass `test`, in palette order. */
export function kindsWhere(test: (traits: KindTraits<NodeKind>) => boolean): NodeKind[] {
  return NODE_KINDS.filter((kind) => test(KIND_TRAITS[kind] as KindTraits<NodeKind>));
}

/** "servers, databases and caches": the kinds' plural names as a sentence lists them. */
export function listKinds(kinds: readonly NodeKind[]): string {
  const names = kinds.map((kind) => KIND_TRAITS[kind].plural);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "a server, a database or a cache": any one of the kinds, as a sentence offers them. */
export function oneOfKinds(kinds: readonly NodeKind[]): string {
  const names = kinds.map((kind) => KIND_TRAITS[kind].one);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** What `node` costs to run per hour, by its kind's rule. */
export function nodeCostPerHour(node: ScenarioNode): number {
  return (KIND_TRAITS[node.kind] as KindTraits<NodeKind>).costPerHour(node as never);
}

/** What every node of a scenario costs to run per hour, before it runs. */
export function scenarioCostPerHour(nodes: readonly ScenarioNode[]): number {
  return nodes.reduce((sum, node) => sum + nodeCostPerHour(node), 0);
}
