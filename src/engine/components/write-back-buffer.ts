import type { CacheTable } from '../caching/cache-table';
import type { KeyVersions } from '../caching/key-versions';
import { RequestFlag } from '../request-pool';
import { Outcome } from '../types';
import type { SimContext } from '../component';

/**
 * The write-back half of a cache: dirty entries evicted before their flush
 * wait here, and a flush turns all dirty values into database writes of up
 * to `batch` entries each. A write in flight belongs to the database: a
 * crash of the cache no longer loses it; a failed one comes back to be
 * flushed again.
 */
export class WriteBackBuffer {
  flushes = 0;
  flushedEntries = 0;
  /** (item, version) pairs evicted while dirty, waiting for the next flush. */
  private held: number[] = [];
  /** Payload of each flush request in flight, by request slot. */
  private readonly inFlight = new Map<number, number[]>();

  constructor(
    private readonly cacheIndex: number,
    private readonly batch: number,
    private readonly ctx: SimContext,
    private readonly versions: KeyVersions,
  ) {}

  /** A dirty entry left the table before its flush. */
  hold(item: number, version: number): void {
    this.held.push(item, version);
  }

  /** Sends every dirty value to the database now; the table's entries become clean. */
  flush(table: CacheTable, time: number): void {
    const pairs = this.held;
    this.held = [];
    for (const slot of table.dirtyList()) {
      pairs.push(table.item[slot] as number, table.version[slot] as number);
      table.setDirty(slot, false);
    }
    for (let at = 0; at < pairs.length; at += 2 * this.batch) this.send(pairs.slice(at, at + 2 * this.batch), time);
  }

  private send(payload: number[], time: number): void {
    const requests = this.ctx.requests;
    const request = this.ctx.newRequest();
    if (request < 0) {
      // The engine is full: keep the values for the next flush, as after a failed one.
      this.held.push(...payload);
      return;
    }
    requests.client[request] = this.cacheIndex;
    requests.owner[request] = -1;
    requests.attempt[request] = 1;
    requests.flags[request] = RequestFlag.write;
    requests.key[request] = payload[0] as number;
    requests.address[request] = 0;
    requests.requestType[request] = 0;
    requests.sentAt[request] = time;
    this.inFlight.set(request, payload);
    this.flushes++;
    this.ctx.forward(request, this.cacheIndex, time);
  }

  /** The database answered a flush: record what it now holds, or keep the values for the next flush. */
  settle(request: number, _time: number): void {
    const payload = this.inFlight.get(request) ?? [];
    this.inFlight.delete(request);
    const ok = this.ctx.requests.outcome[request] === Outcome.ok;
    this.ctx.requests.release(request);
    if (!ok) {
      this.held.push(...payload);
      return;
    }
    for (let i = 0; i < payload.length; i += 2) this.versions.flushed(payload[i] as number, payload[i + 1] as number);
    this.flushedEntries += payload.length / 2;
  }

  /** A crash: every dirty value not yet sent is lost. Returns how many writes that is. */
  loseAll(table: CacheTable): number {
    let lost = this.held.length / 2;
    for (let i = 0; i < this.held.length; i += 2) this.versions.lost(this.held[i] as number, this.held[i + 1] as number);
    this.held = [];
    for (const slot of table.dirtyList()) {
      this.versions.lost(table.item[slot] as number, table.version[slot] as number);
      lost++;
    }
    return lost;
  }
}
