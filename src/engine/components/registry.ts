import type { ScenarioNode } from '../../scenario/schema';
import { Cache } from './cache';
import { Cdn } from './cdn';
import { Client } from './client';
import type { Component, SimContext } from '../component';
import { Database } from './database';
import { LoadBalancer } from './load-balancer';
import { Server } from './server';
import { SessionStore } from './session-store';

/** Builds the component for a scenario node. A new node kind adds one case here and one file. */
export function createComponent(index: number, node: ScenarioNode, ctx: SimContext): Component {
  switch (node.kind) {
    case 'client':
      return new Client(index, node, ctx);
    case 'loadBalancer':
      return new LoadBalancer(index, node, ctx);
    case 'server':
      return new Server(index, node, ctx);
    case 'database':
      return new Database(index, node, ctx);
    case 'sessionStore':
      return new SessionStore(index, node, ctx);
    case 'cache':
      return new Cache(index, node, ctx);
    case 'cdn':
      return new Cdn(index, node, ctx);
  }
}
