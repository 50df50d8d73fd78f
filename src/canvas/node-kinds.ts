import type { NodeKind } from '../scenario/schema';

/** How each node kind is named and explained to a user. */
export const KIND_INFO: Record<NodeKind, { title: string; hint: string; idPrefix: string }> = {
  client: { title: 'Client', hint: 'Sends requests: open (a rate) or closed (users who wait)', idPrefix: 'client' },
  loadBalancer: { title: 'Load balancer', hint: 'Spreads requests round-robin over its targets', idPrefix: 'lb' },
  server: { title: 'Server', hint: 'Serves requests with a pool of workers and a queue', idPrefix: 'server' },
  database: { title: 'Database', hint: 'Serves reads and writes, each with its own time', idPrefix: 'database' },
};
