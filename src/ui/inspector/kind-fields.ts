import type { ComponentType } from 'react';
import type { NodeKind, ScenarioNode } from '../../scenario/schema';
import { CacheFields } from './CacheFields';
import { CdnFields } from './CdnFields';
import { ClientFields } from './ClientFields';
import type { Commit, FieldsProps } from './fields-props';
import { GatewayFields } from './GatewayFields';
import { LoadBalancerFields } from './LoadBalancerFields';
import { MessageQueueFields, TopicFields } from './MessagingFields';
import { ParallelJobFields } from './ParallelJobFields';
import { PoolerFields } from './PoolerFields';
import { DatabaseFields, ServerFields, SessionStoreFields } from './StationFields';
import { RegistryFields } from './RegistryFields';

/** The inspector's fields for each node kind: a kind added to the schema fails the type-check here until it has some. */
export const KIND_FIELDS: { readonly [K in NodeKind]: ComponentType<FieldsProps<K>> } = {
  client: ClientFields,
  loadBalancer: LoadBalancerFields,
  server: ServerFields,
  database: DatabaseFields,
  cache: CacheFields,
  cdn: CdnFields,
  sessionStore: SessionStoreFields,
  messageQueue: MessageQueueFields,
  topic: TopicFields,
  parallelJob: ParallelJobFields,
  gateway: GatewayFields,
  registry: RegistryFields,
  pooler: PoolerFields,
};

/** The fields component for `node`, typed for any node (the table keeps each kind's own). */
export function fieldsFor(node: ScenarioNode): ComponentType<{ node: ScenarioNode; commit: Commit; targets: readonly ScenarioNode[] }> {
  return KIND_FIELDS[node.kind] as ComponentType<FieldsProps<NodeKind>> as ComponentType<{ node: ScenarioNode; commit: Commit; targets: readonly ScenarioNode[] }>;
}
