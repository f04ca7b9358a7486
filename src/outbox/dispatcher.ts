import type { OutboxMessage } from '../db/rows.ts';
import type { Db } from '../db/sql.ts';
import type { ChannelSender, Platform, SendResult } from '../core/messages.ts';
import type { Clock } from '../core/clock.ts';
import { quietUntil, type QuietHours } from '../core/quiet-hours.ts';
import type { Logger } from '../log.ts';
import { dueRows, expiredLeases, type DueCursor } from './due-rows.ts';
import type { OutboxSignal } from './outbox-signal.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { leaseRows, type Candidate } from './lease-rows.ts';
import { OutcomeWriter, outcomeOf, type Outcome } from './record-outcome.ts';
import { toDelivery } from './to-delivery.ts';
import { withTimeout } from './with-timeout.ts';

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
  }

  start(): void {
    this.running = true;
    this.offKick = this.o.signal.onKick(() => this.kick());
    this.renewTimer = setInterval(() => this.renewLeases(), Math.max(500, Math.floor(this.o.leaseMs / 3)));
    this.renewTimer.unref();
    this.schedule(0);
  }

  /** Stops taking new work and waits for sends under way. */
  async stop(): Promise<void> {
    this.running = false;
    this.offKick?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
    for (let page = 0; page < MAX_PAGES; page++) {
      const room = this.o.maxInFlight - this.inFlight.size;
      if (room <= 0) break;
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
      const wanted: Candidate[] = [];
      for (const row of due) {
        if (wanted.length >= room) break;
        if (this.inFlight.has(row.id) || !(await this.mayTake(row, now))) continue;
        const sender = this.o.senders.get(row.platform as Platform);
        try {
          wanted.push({ row, limit: sender ? await sender.rateKey(toDelivery(row)) : null });
        } catch (error) {
          // It stays pending; the next pass asks again. Nothing else waits for it.
          this.o.log.warn({ outboxId: row.id, err: (error as Error).message }, 'rate limit of an outbox row not known yet');
        }
      }
      for (const c of await leaseRows(this.o, wanted, now)) {
        this.launch(c);
        started++;
      }
      if (pending.length < PAGE) break;
    }
    return started;
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
    const job = this.deliver(c)
      .then((done) => {
        final = done;
      })
      .finally(() => {
        this.inFlight.delete(row.id);
        this.o.signal.settled(row.id, final);
        // The next message of this conversation may now be due: look again at once, not at the next poll.
        this.kick();
      });
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

  /** Sends one row and records the outcome; true when it ended for good (sent, dead, held) and that is committed. */
  private async deliver({ row, limit }: Candidate): Promise<boolean> {
    const { log, clock } = this.o;
    const started = performance.now();
    let outcome: Outcome;
    const rateKey = limit?.key ?? null;
    try {
      const sender = this.o.senders.get(row.platform as Platform);
      let result: SendResult;
      if (!sender) {
        result = { ok: false, retryable: true, error: `no ${row.platform} channel is configured` };
      } else {
        const delivery = toDelivery(row);
        result = await withTimeout(sender.send(delivery), this.o.sendTimeoutMs);
      }
      outcome = outcomeOf(row, result, clock.now(), this.o);
    } catch (error) {
      // A sender that throws instead of answering: its message is scrubbed like any error (outcomeOf).
      outcome = outcomeOf(row, { ok: false, retryable: true, error: (error as Error)?.message ?? 'unexpected error' }, clock.now(), this.o);
    }
    if (outcome.kind === 'wait' && rateKey) {
      // Throttling is not a failure: wait it out without spending an attempt.
      await this.o.rateLimiter.block(rateKey, outcome.notBefore);
      log.warn({ outboxId: row.id, until: outcome.notBefore.toISOString() }, 'target throttled; waiting');
    } else if (outcome.kind === 'held') {
      log.info({ outboxId: row.id, why: outcome.error }, 'message held until the person writes again');
    } else if (outcome.kind === 'retry' || outcome.kind === 'dead') {
      log[outcome.kind === 'dead' ? 'error' : 'warn'](
        { outboxId: row.id, attempts: outcome.attempts, err: outcome.error },
        outcome.kind === 'dead' ? 'message undeliverable' : 'send failed; will retry',
      );
    }
    this.o.onSend?.(row.platform, outcome.kind, performance.now() - started);
    const committed = await this.outcomes.write(row.id, outcome);
    return committed && (outcome.kind === 'sent' || outcome.kind === 'dead' || outcome.kind === 'held');
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
