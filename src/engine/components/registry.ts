import type { NodeOf } from '../../scenario/kinds';
import type { NodeKind, ScenarioNode } from '../../scenario/schema';
import type { Component, SimContext } from '../component';
import { Cache } from './cache';
import { Cdn } from './cdn';
import { Client } from './client';
import { Database } from './database';
import { Gateway } from './gateway';
import { LoadBalancer } from './load-balancer';
import { ParallelJob } from './parallel-job';
import { Server } from './server';
import { SessionStore } from './session-store';
import { MessageQueue } from '../messaging/message-queue';
import { Topic } from '../messaging/topic';
import { ServiceRegistry } from '../discovery/service-registry';
import { Pooler } from './pooler';

type ComponentConstructor<K extends NodeKind> = new (index: number, node: NodeOf<K>, ctx: SimContext) => Component;

/** The component class of each node kind: a kind added to the schema fails the type-check here until it has one. */
const COMPONENTS: { readonly [K in NodeKind]: ComponentConstructor<K> } = {
  client: Client,
  loadBalancer: LoadBalancer,
  server: Server,
  database: Database,
  cache: Cache,
  cdn: Cdn,
  sessionStore: SessionStore,
  messageQueue: MessageQueue,
  topic: Topic,
  parallelJob: ParallelJob,
  gateway: Gateway,
  registry: ServiceRegistry,
  pooler: Pooler,
};

/** Builds the component for a scenario node. */
export function createComponent(index: number, node: ScenarioNode, ctx: SimContext): Component {
  const Kind = COMPONENTS[node.kind] as ComponentConstructor<NodeKind>;
  return new Kind(index, node as never, ctx);
}
