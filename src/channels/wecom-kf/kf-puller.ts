import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import { releaseLease, tryAcquireLease } from '../../db/lease.ts';
import type { Logger } from '../../log.ts';
import type { KfApi } from './kf-api.ts';
import { loadCursor, saveCursor } from './kf-cursor.ts';
import { KF_ERRCODE } from './kf-outcome.ts';
import { parseSyncAnswer, type KfMessage } from './sync-answer.ts';

export type KfPullTimings = {
  /** The pull lease; renewed while a pull goes on, so a process that dies frees the account soon. */
  leaseMs: number;
  /** How often a process that found the lease taken tries again. */
  retryMs: number;
  /** A pull without a callback token now and then, for a callback that never came (0: never). */
  sweepMs: number;
};

export const DEFAULT_PULL_TIMINGS: KfPullTimings = { leaseMs: 30_000, retryMs: 250, sweepMs: 5 * 60_000 };

export type KfPullerOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  api: KfApi;
  /** This process's id in leases. */
  owner: string;
  openKfid: string;
  /**
   * Takes one message in: resolves when its bookkeeping is done, with the promise of its storing
   * (or null). The cursor moves only past messages that are all stored.
   */
  take: (m: KfMessage) => Promise<{ stored: Promise<unknown> } | null>;
  timings?: Partial<KfPullTimings>;
  /** sync_msg page size; at most 1000. */
  pageLimit?: number;
  /** Also run at each sweep (the channel's safety net for held messages). */
  onSweep?: () => Promise<void>;
};

/** A callback token is valid 10 minutes (sync_msg); used for a little less. */
const TOKEN_TTL_MS = 9 * 60_000;
/** Every so many messages: a turn of the event loop, and the lease renewed so a long page never outlives it. */
const RENEW_EVERY = 25;
const MAX_PAGES = 1000;

/**
 * Pulls one 微信客服 account with sync_msg (document 94670): a callback only says "there is
 * something"; the messages are read in pages from the account's cursor and follow has_more.
 *
 * - One process pulls an account at a time, whatever the number of replicas: a lease in the
 *   database (`wecom-kf-pull:<open_kfid>`). A process woken while another pulls waits for the lease
 *   and pulls after it, so a message that arrived during the other's last page is not left behind.
 * - Every message of a page is stored before the cursor moves past it (kf_cursors): a crash in
 *   between reads the page again, and the inbound table's unique (platform, msgid) drops what was
 *   stored already. Nothing lost, nothing doubled.
 * - Wakes that come while a pull runs are folded into one more pull after it.
 */
export class KfPuller {
  private readonly o: KfPullerOptions & { timings: KfPullTimings };
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private token: { value: string; at: number } | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(options: KfPullerOptions) {
    this.o = { ...options, timings: { ...DEFAULT_PULL_TIMINGS, ...options.timings } };
  }

  /** Pulls once now (catching up after downtime), then sweeps now and then. */
  start(): void {
    this.wake(null);
    const { sweepMs } = this.o.timings;
    if (sweepMs > 0) {
      this.sweepTimer = setInterval(() => {
        this.o.onSweep?.().catch((error: unknown) => this.o.log.warn({ err: (error as Error).message }, '微信客服 sweep failed'));
        this.wake(null);
      }, sweepMs);
      this.sweepTimer.unref();
    }
  }

  /** A callback said there is something to read. Returns at once; never throws. */
  wake(token: string | null): void {
    if (token) this.token = { value: token, at: Date.now() };
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no pull is under way in this process (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pullUnderLease();
      } catch (error) {
        // The cursor stayed before whatever failed: the next wake or sweep reads it again.
        this.o.log.error({ openKfid: this.o.openKfid, err: (error as Error).message }, '微信客服 pull failed; will read again');
      }
    } while (this.again && !this.stopped);
  }

  private leaseName(): string {
    return `wecom-kf-pull:${this.o.openKfid}`;
  }

  private async holdLease(): Promise<boolean> {
    return tryAcquireLease(this.o.db, this.leaseName(), this.o.owner, this.o.timings.leaseMs, this.o.clock.now());
  }

  private async pullUnderLease(): Promise<void> {
    const { leaseMs, retryMs } = this.o.timings;
    // Another process pulls now: wait for it to finish, then pull too (at most one lease's time).
    const deadline = Date.now() + leaseMs + 5 * retryMs;
    while (!(await this.holdLease())) {
      if (this.stopped) return;
      if (Date.now() > deadline) {
        this.o.log.warn({ openKfid: this.o.openKfid }, '微信客服 pull lease stays taken; the holder reads the messages');
        return;
      }
      await new Promise((r) => setTimeout(r, retryMs));
    }
    try {
      await this.pullAll();
    } finally {
      await releaseLease(this.o.db, this.leaseName(), this.o.owner).catch(() => undefined);
    }
  }

  private freshToken(): string | null {
    return this.token && Date.now() - this.token.at < TOKEN_TTL_MS ? this.token.value : null;
  }

  private async pullAll(): Promise<void> {
    const { api, openKfid, db, clock, log } = this.o;
    let cursor = await loadCursor(db, openKfid);
    for (let page = 0; page < MAX_PAGES && !this.stopped; page++) {
      const token = this.freshToken();
      let reply = await api.syncMsg({ openKfid, cursor, token, limit: this.o.pageLimit ?? 1000 });
      if (reply.errcode === KF_ERRCODE.invalidMsgToken && token) {
        // Stale (over 10 minutes) or not this account's: read without it (WeCom allows that, rate limited).
        log.warn({ openKfid }, '微信客服 callback token refused; pulling without it');
        if (this.token?.value === token) this.token = null;
        reply = await api.syncMsg({ openKfid, cursor, token: null, limit: this.o.pageLimit ?? 1000 });
      }
      if (reply.errcode !== 0) {
        log.warn({ openKfid, errcode: reply.errcode }, '微信客服 sync_msg refused');
        return;
      }
      const { messages, nextCursor, hasMore } = parseSyncAnswer(reply);
      const storing: Array<Promise<unknown>> = [];
      try {
        for (let i = 0; i < messages.length; i++) {
          const taken = await this.o.take(messages[i]!);
          if (taken) storing.push(taken.stored);
          if ((i + 1) % RENEW_EVERY === 0) {
            // SQLite answers synchronously: without a turn of the event loop now and then, a page
            // of 1000 would keep callbacks (WeCom allows 5 s) and replies waiting until it is all
            // stored. The inbox writes what came meanwhile in one transaction.
            await new Promise((r) => setImmediate(r));
            if (!(await this.holdLease())) throw new Error('lost the pull lease mid-page');
          }
        }
      } finally {
        // Whatever happened, what was handed to the inbox settles before this pull ends.
        const settled = await Promise.allSettled(storing);
        const failed = settled.find((r) => r.status === 'rejected');
        if (failed) throw (failed as PromiseRejectedResult).reason;
      }
      // Everything before nextCursor is stored: only now may the cursor move past it.
      if (!(await this.holdLease())) throw new Error('lost the pull lease before saving the cursor');
      if (nextCursor && nextCursor !== cursor) await saveCursor(db, openKfid, nextCursor, clock.now());
      cursor = nextCursor || cursor;
      if (!hasMore) return;
    }
  }
}
