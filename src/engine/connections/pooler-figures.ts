/** A connection pooler's own figures (report and live). */
export interface PoolerFigures {
  /** Client connections open to it now (callers' links with a `connection` policy), and its limit. */
  clientConnections: number;
  maxClientConnections: number;
  /** Server connections it may keep, has open, and has in use now. */
  serverConnections: number;
  serverOpen: number;
  serverBusy: number;
  /** Server connections in use, time-averaged since measurement began. */
  meanServerBusy: number;
  /** Requests waiting now for a server connection. */
  waiting: number;
  /** Requests that had to wait, their mean wait over all requests that got a connection, and the longest, seconds. */
  waited: number;
  meanWait: number;
  maxWait: number;
  /** Requests that waited longer than `waitTimeout` ("pool timeout"). */
  timeouts: number;
  /** Server connections the database refused (past its maxConnections): the request fails "too many connections". */
  refusedByDatabase: number;
}

/** A pooler's figures over one metrics window. */
export interface PoolerWindow {
  /** Server connections in use, time-averaged over the window. */
  serverBusy: number;
  /** Mean wait for a server connection of the requests that got one in the window, seconds (0 if none). */
  meanWait: number;
  /** Client connections open at the window's end. */
  clientConnections: number;
}
