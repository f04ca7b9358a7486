import type { Clock } from '../core/clock.ts';
import type { OutboxMessage } from '../db/rows.ts';
import type { Db } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import { waitingRows } from './due-rows.ts';

export type OwnRowsOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  /** After this long without a turn, the rows are left to the poll. */
  maxDelayMs: number;
  /** The row is being sent already, or nothing may start now. */
  busy: (id: number) => boolean;
  /** Leases and starts what it can of `rows` (due, heading their conversations). */
  take: (rows: readonly OutboxMessage[], now: Date) => Promise<{ startedIds: ReadonlySet<number>; leftForRoom: ReadonlySet<number> }>;
};

const FIRST_RETRY_MS = 5;
const MAX_IDS = 500;
// Rows behind another replica's send (a group both write to) are read again this often.
const SWEEP_MS = 25;

/**
 * Rows this process has just written (a reply, a group notice), taken by id at once rather than
 * found by reading the outbox: replicas do not race for each other's fresh rows, and a reply goes
 * out from the process that wrote it, which is the one waiting to hear it went. A row that cannot
 * go yet (an earlier message of its conversation is still on its way, perhaps from another
 * replica) is asked about again soon, then less often; past the poll interval it is left to the
 * dispatcher's poll, which finds every due row whoever wrote it.
 */
export class OwnRows {
  readonly #waiting = new Set<number>();
  /** The conversation of each waiting row read once and found behind an earlier message. */
  readonly #keys = new Map<number, string>();
  /**
   * Rows read, due and heading their conversation, that a turn left for want of room. A head stays
   * the head until it is sent (rows behind it have higher ids), and the lease checks the status, so
   * they are offered again without reading: re-reading hundreds of them after every send was a
   * quarter of the SQL time per message in `bench:throughput`.
   */
  readonly #ready = new Map<number, OutboxMessage>();
  /**
   * Conversations whose send of this process just ended: their oldest waiting row may head them
   * now. The others' rows wait behind a send still under way (or another writer's row, which a
   * timed pass looks at): reading the oldest row of every waiting conversation after each send was
   * 4 ms a pass once thousands of residents had replies queued (`bench:callbacks`).
   */
  readonly #ended = new Set<string>();
  /**
   * Conversations whose waiting row is behind a row this process is not sending (another replica's,
   * or one put off): no send of ours will end there, so their oldest row is read every SWEEP_MS.
   */
  readonly #foreign = new Set<string>();
  #foreignAt = 0;
  /** The next pass reads the oldest row of every waiting conversation (a timed pass). */
  #sweep = false;
  readonly #o: OwnRowsOptions;
  #delay = FIRST_RETRY_MS;
  #timer: NodeJS.Timeout | null = null;
  #scheduled = false;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(o: OwnRowsOptions) {
    this.#o = o;
  }

  add(ids: readonly number[]): void {
    for (const id of ids) this.#waiting.add(id);
    this.#delay = FIRST_RETRY_MS;
    this.#soon();
  }

  /** A send of this process ended: a row waiting behind it in `orderKey` may go now. */
  nudge(orderKey: string): void {
    if (this.#waiting.size === 0) return;
    this.#ended.add(orderKey);
    this.#soon();
  }

  /** The row was taken some other way (the poll). */
  forget(id: number): void {
    this.#forget(id);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #soon(): void {
    if (this.#stopped || this.#scheduled) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#scheduled = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    setImmediate(() => {
      this.#scheduled = false;
      this.#running = this.#run().finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.#soon();
        } else this.#later();
      });
    });
  }

  async #run(): Promise<void> {
    const ids = this.#candidates();
    if (ids.length === 0 && this.#ready.size === 0) return;
    try {
      const asked = [...ids, ...this.#ready.keys()];
      const still = await this.#turn(ids);
      for (const id of asked) if (!still.has(id)) this.#forget(id);
    } catch (error) {
      // Nothing is lost: the rows are in the outbox, and the poll finds them.
      this.#o.log.warn({ err: (error as Error).message, rows: ids.length }, 'own outbox rows not taken; left to the poll');
      this.#clear();
    }
  }

  /**
   * The waiting rows worth reading: the oldest of each conversation, and those not read yet. A row
   * behind one of ours in its conversation cannot go before it, and re-reading a whole queue of
   * replies to one busy group after every send cost 4 ms a pass in `bench:throughput`.
   */
  #candidates(): number[] {
    const oldest = new Map<string, number>();
    const ids: number[] = [];
    for (const id of this.#waiting) {
      if (this.#ready.has(id)) continue;
      const key = this.#keys.get(id);
      if (key === undefined) ids.push(id);
      else if (id < (oldest.get(key) ?? Infinity)) oldest.set(key, id);
      if (ids.length + oldest.size >= MAX_IDS) break;
    }
    const now = performance.now();
    const foreign = this.#foreign.size > 0 && now - this.#foreignAt >= SWEEP_MS;
    if (foreign) this.#foreignAt = now;
    const due = (key: string) => this.#sweep || this.#ended.has(key) || (foreign && this.#foreign.has(key));
    const behind = [...oldest].filter(([key]) => due(key));
    for (const [key] of behind) this.#foreign.delete(key);
    this.#sweep = false;
    this.#ended.clear();
    return [...ids, ...behind.map(([, id]) => id)];
  }

  #forget(id: number): void {
    this.#waiting.delete(id);
    this.#keys.delete(id);
    this.#ready.delete(id);
  }

  #clear(): void {
    this.#waiting.clear();
    this.#keys.clear();
    this.#ready.clear();
    this.#foreign.clear();
  }

  /**
   * Those of `ids` that head their conversation go now, with the rows left for room before; the ids
   * of those behind an earlier message, or left for want of room, come back to be asked about again.
   * Rows put off (a retry, quiet hours), declined, and gone (sent, held) drop out.
   */
  async #turn(ids: number[]): Promise<Set<number>> {
    const still = new Set<number>();
    const now = this.#o.clock.now();
    const ready: OutboxMessage[] = [...this.#ready.values()];
    for (const row of ids.length > 0 ? await waitingRows(this.#o.db, ids) : []) {
      if (this.#o.busy(row.id) || row.notBefore.getTime() > now.getTime()) continue;
      if (row.blocker === null) ready.push(row);
      else {
        still.add(row.id);
        this.#keys.set(row.id, row.orderKey);
        // Behind a row of ours that is being sent or waits here: its send's end says when to look.
        if (!this.#o.busy(row.blocker) && !this.#waiting.has(row.blocker)) this.#foreign.add(row.orderKey);
      }
    }
    this.#ready.clear();
    if (ready.length === 0) return still;
    ready.sort((a, b) => a.id - b.id);
    const { leftForRoom } = await this.#o.take(ready, now);
    for (const row of ready)
      if (leftForRoom.has(row.id)) {
        still.add(row.id);
        this.#ready.set(row.id, row);
      }
    return still;
  }

  /** Rows still waiting: again after a short while, each time twice as long, then the poll's. */
  #later(): void {
    if (this.#stopped || this.#waiting.size === 0) return;
    if (this.#delay > this.#o.maxDelayMs) {
      this.#clear();
      return;
    }
    const delay = this.#delay;
    this.#delay *= 2;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#sweep = true;
      this.#soon();
    }, delay);
    this.#timer.unref();
  }
}
