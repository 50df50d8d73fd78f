import { type SessionSettings, SessionTable } from './session-table';

export type { SessionSettings } from './session-table';

/** What a request's session lookup found. */
export const SessionLookup = { found: 0, login: 1, relogin: 2 } as const;
export type SessionLookupCode = (typeof SessionLookup)[keyof typeof SessionLookup];

/** Highest replica count a node may have (the schema's bound), so (node, replica) packs into one key. */
const REPLICA_SLOTS = 64;

/**
 * Users' sessions as real servers keep them. A login issues a new session id,
 * which the user carries (the cookie); each machine (a server replica, or a
 * session store) knows only the sessions it created, each for a lifetime and
 * in a bounded table. A request that lands where the user's current session
 * is not logs the user in again there (a relogin), and that new session
 * becomes the current one.
 */
export class SessionRegistry {
  /** The session id each user (client node, address) carries now. */
  private readonly current = new Map<number, number>();
  private readonly tables = new Map<number, SessionTable>();
  private nextSession = 1;
  logins = 0;
  relogins = 0;

  /** The session table of one machine: `replica` of node `holder`, created with `settings` on first use. */
  table(holder: number, replica: number, settings: SessionSettings): SessionTable {
    const key = holder * REPLICA_SLOTS + replica;
    let table = this.tables.get(key);
    if (table === undefined) this.tables.set(key, (table = new SessionTable(settings)));
    return table;
  }

  /** The table of a machine, if it ever held a session. */
  existing(holder: number, replica: number): SessionTable | undefined {
    return this.tables.get(holder * REPLICA_SLOTS + replica);
  }

  /** A user (client node, address) reaches the machine holding `table` at `time`: is their session there? Logs them in if not. */
  touch(table: SessionTable, client: number, address: number, time: number): SessionLookupCode {
    const user = client * 1_048_576 + address;
    const session = this.current.get(user);
    if (session !== undefined && table.use(session, time)) return SessionLookup.found;
    const fresh = this.nextSession++;
    table.create(fresh, time);
    this.current.set(user, fresh);
    if (session === undefined) {
      this.logins++;
      return SessionLookup.login;
    }
    this.relogins++;
    return SessionLookup.relogin;
  }

  /** Sessions lost in crashes, expired (swept up to `time`) and evicted, over every machine. */
  losses(time: number): { lost: number; expired: number; evicted: number } {
    let lost = 0;
    let expired = 0;
    let evicted = 0;
    for (const table of this.tables.values()) {
      table.held(time);
      lost += table.lost;
      expired += table.expired;
      evicted += table.evicted;
    }
    return { lost, expired, evicted };
  }
}
