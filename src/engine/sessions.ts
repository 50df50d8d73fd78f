/** What a request's session lookup found. */
export const SessionLookup = { found: 0, login: 1, relogin: 2 } as const;
export type SessionLookupCode = (typeof SessionLookup)[keyof typeof SessionLookup];

/**
 * Where every user's session lives: in a server's memory or in a session
 * store, keyed by the node that holds it. A user who logged in once and then
 * reaches a node without their session must log in again (a relogin); a
 * holder that crashes loses every session it held.
 */
export class SessionRegistry {
  private readonly held = new Map<number, Set<number>>();
  private readonly known = new Set<number>();
  logins = 0;
  relogins = 0;
  lost = 0;

  /** A user (client node, address) reaches `holder`: is their session there? Creates it if not. */
  touch(holder: number, client: number, address: number): SessionLookupCode {
    const user = client * 1_048_576 + address;
    let sessions = this.held.get(holder);
    if (sessions === undefined) this.held.set(holder, (sessions = new Set()));
    if (sessions.has(user)) return SessionLookup.found;
    sessions.add(user);
    if (this.known.has(user)) {
      this.relogins++;
      return SessionLookup.relogin;
    }
    this.known.add(user);
    this.logins++;
    return SessionLookup.login;
  }

  /** The holder crashed: its sessions are gone. Returns how many. */
  drop(holder: number): number {
    const sessions = this.held.get(holder);
    const count = sessions?.size ?? 0;
    sessions?.clear();
    this.lost += count;
    return count;
  }

  heldBy(holder: number): number {
    return this.held.get(holder)?.size ?? 0;
  }
}
