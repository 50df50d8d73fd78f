/** A caller's connections on one outgoing link with a `connection` policy, over all its instances (report and live figures). */
export interface ConnectionFigures {
  link: string;
  /** The node at its far end. */
  target: string;
  /** Pool size per caller instance; null: a new connection per call. */
  poolSize: number | null;
  /** Caller instances that have made calls on it (a replicated server's replicas each keep their own pool). */
  instances: number;
  /** Connections open now, and in use now. */
  open: number;
  inUse: number;
  /** Calls waiting now for a free connection. */
  waiting: number;
  /** The most connections one instance had open at once. */
  peakOpen: number;
  calls: number;
  /** New connections opened (each paid a handshake). */
  handshakes: number;
  /** Calls that had to wait for a free connection. */
  waited: number;
  /** Mean wait for a connection over the calls that got one (those that did not wait count 0), seconds. */
  meanWait: number;
  maxWait: number;
  /** Calls that gave up waiting after `waitTimeout` ("pool timeout"). */
  timeouts: number;
  /** New connections the far end refused ("too many connections"). */
  refused: number;
  /** Idle connections closed after `idleTimeout`. */
  idleClosed: number;
}

/** Connections open to a node from all its callers (a database or a pooler). */
export interface InboundConnections {
  open: number;
  /** The most open at once since measurement began. */
  peak: number;
  /** New connections refused past the limit. */
  refused: number;
  /** The limit (a database's `maxConnections`, a pooler's `maxClientConnections`); null: none. */
  limit: number | null;
}
