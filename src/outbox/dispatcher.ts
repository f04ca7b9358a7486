import type { OutboxMessage } from '../db/rows.ts';
import type { Db } from '../db/sql.ts';
import type { ChannelSender, Platform } from '../core/messages.ts';
import type { Clock } from '../core/clock.ts';
import { quietUntil, type QuietHours } from '../core/quiet-hours.ts';
import type { Logger } from '../log.ts';
import { dueRows, expiredLeases, type DueCursor } from './due-rows.ts';
import { OwnRows } from './own-rows.ts';
import type { OutboxSignal } from './outbox-signal.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { leaseRows, type Candidate } from './lease-rows.ts';
import { OutcomeWriter, type Outcome } from './record-outcome.ts';
import { sendRow } from './send-row.ts';
import { toDelivery } from './to-delivery.ts';

export type DispatcherOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  signal: OutboxSignal;
  senders: ReadonlyMap<Platform, ChannelSender>;
  rateLimiter: RateLimiter;
  /** Identifies this process in leases. */
  owner: string;
  maxAttempts: number;
  retryBaseMs: number;
  quietHours: QuietHours | null;
  timeZone: string;
  pollMs?: number;
  /** How long a lease lasts without renewal: how soon another process takes over after a crash. */
  leaseMs?: number;
  sendTimeoutMs?: number;
  maxInFlight?: number;
  random?: () => number;
  /** Called with each send's platform, outcome and duration (metrics). */
  onSend?: (platform: string, outcome: Outcome['kind'], ms: number) => void;
};

const EXPIRED_CHECK_MS = 1000;
const PAGE = 100;

const MAX_PAGES = 20;

/**
 * Delivers the outbox. Each conversation's messages go in order (only the oldest undelivered row
 * of an order key is ever sent); different conversations go in parallel, so a slow or throttled
 * target holds up nobody else. A row is leased before it is sent and the lease is renewed while
 * the send is under way, so a process that dies mid-send leaves the row to another one within
 * seconds (sent at least once, never lost; platforms that can recognise a repeat are asked to).
 * Failures retry with exponential back-off and jitter; after the last attempt the row is dead, for
 * the console.
 */
export class OutboxDispatcher {
  private readonly o: Required<Omit<DispatcherOptions, 'onSend'>> & Pick<DispatcherOptions, 'onSend'>;
  private readonly inFlight = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private passing: Promise<void> | null = null;
  private again = false;
  private offKick: (() => void) | null = null;
  private offOffer: (() => void) | null = null;
  /** A pass left due rows for want of room: look again when a send ends. */
  private starved = false;
  private readonly own: OwnRows;
  private renewTimer: NodeJS.Timeout | null = null;
  /** When expired leases were last looked for (by the dispatcher's clock). */
  private expiredCheckedAt = -Infinity;
  private readonly outcomes: OutcomeWriter;

  constructor(options: DispatcherOptions) {
    // `??`, not a spread of defaults: an option passed as undefined must not erase its default.
    const leaseMs = options.leaseMs ?? 15_000;
    this.o = {
      ...options,
      pollMs: options.pollMs ?? 1000,
      leaseMs,
      // A platform that hangs must not hold a conversation for ever; the lease is renewed meanwhile.
      sendTimeoutMs: options.sendTimeoutMs ?? 60_000,
      maxInFlight: options.maxInFlight ?? 32,
      random: options.random ?? Math.random,
    };
    this.outcomes = new OutcomeWriter(this.o.db, this.o.owner, () => this.o.clock.now(), this.o.log);
    this.own = new OwnRows({
      db: this.o.db,
      clock: this.o.clock,
      log: this.o.log,
      maxDelayMs: this.o.pollMs,
      busy: (id) => !this.running || this.inFlight.has(id),
      take: (rows, now) => this.take(rows, now),
    });
  }

  start(): void {
    this.running = true;
    this.offKick = this.o.signal.onKick(() => this.kick());
    this.offOffer = this.o.signal.onOffer((ids) => this.own.add(ids));
    this.renewTimer = setInterval(() => this.renewLeases(), Math.max(500, Math.floor(this.o.leaseMs / 3)));
    this.renewTimer.unref();
    this.schedule(0);
  }

  /** Stops taking new work and waits for sends under way. */
  async stop(): Promise<void> {
    this.running = false;
    this.offKick?.();
    this.offOffer?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.own.stop();
    await this.passing;
    await Promise.allSettled(this.inFlight.values());
    if (this.renewTimer) clearInterval(this.renewTimer);
  }

  /** Look now rather than at the next poll. */
  kick(): void {
    if (!this.running) return;
    if (this.passing) this.again = true;
    else this.schedule(0);
  }

  /** One pass: lease due rows (bounded pages) and start sending them. Returns how many started. */
  async drainOnce(): Promise<number> {
    const now = this.o.clock.now();
    let started = 0;
    let after: DueCursor = null;
    this.starved = false;
    for (let page = 0; page < MAX_PAGES; page++) {
      if (this.o.maxInFlight - this.inFlight.size <= 0) {
        this.starved = true;
        break;
      }
      // A crashed process's rows first (they have waited longest), then the pending ones.
      // At most once a second: a lease runs for seconds, and every reply's pass asked for none.
      const lookForExpired = page === 0 && now.getTime() - this.expiredCheckedAt >= EXPIRED_CHECK_MS;
      if (lookForExpired) this.expiredCheckedAt = now.getTime();
      const expired: OutboxMessage[] = lookForExpired ? await expiredLeases(this.o.db, now, PAGE) : [];
      const pending: OutboxMessage[] = await dueRows(this.o.db, now, after, PAGE);
      const due = [...expired, ...pending];
      if (due.length === 0) break;
      const last = pending.at(-1);
      if (last) after = { notBefore: last.notBefore, id: last.id };
      const { startedIds, leftForRoom } = await this.take(due, now);
      started += startedIds.size;
      if (leftForRoom.size > 0) this.starved = true;
      if (pending.length < PAGE) break;
    }
    return started;
  }

  /** Leases what it can of `rows` (each due and heading its conversation) and starts sending it. */
  private async take(rows: readonly OutboxMessage[], now: Date): Promise<{ startedIds: Set<number>; leftForRoom: Set<number> }> {
    const room = this.o.maxInFlight - this.inFlight.size;
    const wanted: Candidate[] = [];
    const leftForRoom = new Set<number>();
    for (const row of rows) {
      if (this.inFlight.has(row.id)) continue;
      if (wanted.length >= room) {
        leftForRoom.add(row.id);
        continue;
      }
      if (!(await this.mayTake(row, now))) continue;
      const sender = this.o.senders.get(row.platform as Platform);
      try {
        wanted.push({ row, limit: sender ? await sender.rateKey(toDelivery(row)) : null });
      } catch (error) {
        // It stays pending; the next pass asks again. Nothing else waits for it.
        this.o.log.warn({ outboxId: row.id, err: (error as Error).message }, 'rate limit of an outbox row not known yet');
      }
    }
    const startedIds = new Set<number>();
    for (const c of await leaseRows(this.o, wanted, now)) {
      this.launch(c);
      startedIds.add(c.row.id);
    }
    return { startedIds, leftForRoom };
  }

  /** Whether this process may send the row now: its channel here can (a long connection held
   *  elsewhere cannot), and a scheduled push is not in quiet hours (then it is put off until they end). */
  private async mayTake(row: OutboxMessage, now: Date): Promise<boolean> {
    const sender = this.o.senders.get(row.platform as Platform);
    if (sender?.accepts && !(await sender.accepts(toDelivery(row)))) return false;
    if (row.scheduled) {
      const until = quietUntil(now, this.o.quietHours, this.o.timeZone);
      if (until) {
        await this.o.db.run(`UPDATE outbox_messages SET not_before = ? WHERE id = ? AND status = 'pending'`, [until, row.id]);
        return false;
      }
    }
    return true;
  }

  private launch(c: Candidate): void {
    const { row } = c;
    let final = false;
    const job = sendRow(this.o, this.outcomes, c)
      .then((done) => {
        final = done;
      })
      .finally(() => {
        this.inFlight.delete(row.id);
        this.o.signal.settled(row.id, final);
        // A row of ours behind this one may go now; so may rows a pass left for want of room. Rows
        // of other writers behind it (a schedule's) wait for the next poll.
        this.own.nudge(row.orderKey);
        if (this.starved) this.kick();
      });
    this.own.forget(row.id);
    this.inFlight.set(row.id, job);
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.passing = this.pass().finally(() => {
        this.passing = null;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : this.o.pollMs);
      });
    }, delay);
  }

  private async pass(): Promise<void> {
    try {
      await this.drainOnce();
    } catch (error) {
      this.o.log.error({ err: (error as Error).message }, 'outbox pass failed');
    }
  }

  /** Renews the leases of every row this process is sending, at a third of their length: one statement. */
  private renewLeases(): void {
    if (this.inFlight.size === 0) return;
    const until = new Date(this.o.clock.now().getTime() + this.o.leaseMs);
    this.o.db
      .run(`UPDATE outbox_messages SET lease_until = ? WHERE status = 'sending' AND lease_owner = ?`, [until, this.o.owner])
      .catch((error: unknown) => this.o.log.warn({ err: (error as Error).message }, 'outbox leases not renewed'));
  }
}
