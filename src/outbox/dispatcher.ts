import { EventEmitter } from 'node:events';
import type { OutboxMessage } from '../db/rows.ts';
import type { Db } from '../db/sql.ts';
import type { ChannelSender, Delivery, Platform, SendResult } from '../core/messages.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../log.ts';
import { quietUntil, type QuietHours } from '../core/quiet-hours.ts';
import type { RateLimiter } from './rate-limiter.ts';

export type DispatcherOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  senders: ReadonlyMap<Platform, ChannelSender>;
  rateLimiter: RateLimiter;
  /** Identifies this process in leases. */
  owner: string;
  maxAttempts: number;
  retryBaseMs: number;
  quietHours: QuietHours | null;
  timeZone: string;
  pollMs?: number;
  leaseMs?: number;
  sendTimeoutMs?: number;
  maxInFlight?: number;
  random?: () => number;
};

const MAX_RETRY_MS = 30 * 60_000;
const PAGE = 100;
const MAX_PAGES = 20;

/**
 * Delivers the outbox. Each conversation's messages go in order (only the oldest undelivered one
 * of an order key is ever sent); different conversations go in parallel, so a slow or throttled
 * target holds up nobody else. Rows are leased before sending: a process that dies mid-send leaves
 * the row to be sent again by the next one (at least once, never lost). Failures retry with
 * exponential back-off and jitter; after the last attempt the message is dead, for the console.
 */
export class OutboxDispatcher {
  private readonly o: Required<DispatcherOptions>;
  private readonly inFlight = new Map<number, Promise<void>>();
  /** Emits 'settled' with an outbox id when this process has finished an attempt at it. */
  private readonly settled = new EventEmitter().setMaxListeners(0);
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private passing: Promise<void> | null = null;
  private again = false;

  constructor(options: DispatcherOptions) {
    // `??`, not a spread of defaults: an option passed as undefined must not erase its default
    // (an undefined pollMs once made every process poll the outbox a thousand times a second).
    const leaseMs = options.leaseMs ?? 120_000;
    this.o = {
      ...options,
      pollMs: options.pollMs ?? 1000,
      leaseMs,
      // A send must give up well before its lease runs out, or a second process could send it too;
      // and it must outlast a slow platform (a token refetch and a retried call at 10 s each, or a
      // bulletin in parts), or the abandoned send may still deliver what the retry sends again.
      sendTimeoutMs: options.sendTimeoutMs ?? Math.floor(leaseMs / 2),
      maxInFlight: options.maxInFlight ?? 32,
      random: options.random ?? Math.random,
    };
  }

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Stops taking new work, waits for sends under way, hands back the leases of anything unsent. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.passing;
    await Promise.allSettled(this.inFlight.values());
  }

  /** Something was enqueued: look now rather than at the next poll. */
  kick(): void {
    if (!this.running) return;
    if (this.passing) this.again = true;
    else this.schedule(0);
  }

  /** Waits until the given messages are sent or dead (or the time is up); used by the simulator. */
  async waitFor(ids: readonly number[], timeoutMs: number): Promise<void> {
    if (ids.length === 0) return;
    const wanted = new Set(ids);
    let wake: (() => void) | null = null;
    let woken = false;
    const onSettled = (id: number) => {
      if (!wanted.has(id)) return;
      woken = true;
      wake?.();
    };
    this.settled.on('settled', onSettled);
    try {
      this.kick();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        woken = false;
        const left = await this.o.db.outboxMessage.count({ where: { id: { in: [...ids] }, status: { in: ['pending', 'sending'] } } });
        if (left === 0 || Date.now() >= deadline) return;
        if (woken) continue;
        // Woken when this process finishes one of them; the slower look covers another process sending it.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(250, Math.max(0, deadline - Date.now())));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    } finally {
      this.settled.off('settled', onSettled);
    }
  }

  /** One pass: find the head of every order key that is due, lease it, send it. Returns how many started. */
  async drainOnce(): Promise<number> {
    const now = this.o.clock.now();
    const { db } = this.o;
    const heads = await db.outboxMessage.groupBy({
      by: ['orderKey'],
      where: { status: { in: ['pending', 'sending'] } },
      _min: { id: true },
    });
    const headIds = heads.map((h) => h._min.id).filter((id): id is number => id !== null && !this.inFlight.has(id));
    if (headIds.length === 0) return 0;
    const room = this.o.maxInFlight - this.inFlight.size;
    if (room <= 0) return 0;
    // Paged, so that rows this process declines (a connection another process holds, or none does
    // yet) cannot fill the window and starve every other platform's messages behind them.
    let started = 0;
    let after = 0;
    for (let page = 0; page < MAX_PAGES && started < room; page++) {
      const due = await db.outboxMessage.findMany({
        where: {
          id: { in: headIds, gt: after },
          OR: [
            { status: 'pending', notBefore: { lte: now } },
            // A lease that ran out: its process died mid-send.
            { status: 'sending', leaseUntil: { lt: now } },
          ],
        },
        orderBy: { id: 'asc' },
        take: PAGE,
      });
      if (due.length === 0) break;
      after = due.at(-1)!.id;
      for (const row of due) {
        if (started >= room) break;
        if (await this.lease(row, now)) started++;
      }
    }
    return started;
  }

  /** Leases one due row and starts sending it; false when it is not for this process or not now. */
  private async lease(row: OutboxMessage, now: Date): Promise<boolean> {
    const { db } = this.o;
    const sender = this.o.senders.get(row.platform as Platform);
    if (sender?.accepts && !(await sender.accepts(toDelivery(row)))) return false;
    if (row.scheduled) {
      const until = quietUntil(now, this.o.quietHours, this.o.timeZone);
      if (until) {
        await db.outboxMessage.updateMany({ where: { id: row.id, status: 'pending' }, data: { notBefore: until } });
        return false;
      }
    }
    const leased = await db.outboxMessage.updateMany({
      where: { id: row.id, status: row.status, leaseUntil: row.leaseUntil },
      data: { status: 'sending', leaseOwner: this.o.owner, leaseUntil: new Date(now.getTime() + this.o.leaseMs) },
    });
    if (leased.count !== 1) return false;
    const job = this.deliver(row).finally(() => {
      this.inFlight.delete(row.id);
      this.settled.emit('settled', row.id);
      // The next message of this conversation may now be due: look again at once, not at the next poll.
      this.kick();
    });
    this.inFlight.set(row.id, job);
    return true;
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

  private async deliver(row: OutboxMessage): Promise<void> {
    const { db, log } = this.o;
    const sender = this.o.senders.get(row.platform as Platform);
    const delivery = toDelivery(row);
    let result: SendResult;
    let rateKey: string | null = null;
    try {
      if (!sender) {
        result = { ok: false, retryable: true, error: `no ${row.platform} channel is configured` };
      } else {
        const limit = await sender.rateKey(delivery);
        if (limit) {
          rateKey = limit.key;
          const slot = await this.o.rateLimiter.reserve(limit.key, limit.perMinute, this.o.clock.now());
          if (!slot.ok) {
            await this.release(row, { notBefore: slot.retryAt });
            return;
          }
        }
        result = await withTimeout(sender.send(delivery), this.o.sendTimeoutMs);
      }
    } catch (error) {
      result = { ok: false, retryable: true, error: (error as Error).message };
    }

    const now = this.o.clock.now();
    const mine = { id: row.id, status: 'sending', leaseOwner: this.o.owner };
    if (result.ok) {
      await db.outboxMessage.updateMany({
        where: mine,
        data: { status: 'sent', sentAt: now, leaseUntil: null, leaseOwner: null, lastError: null },
      });
      return;
    }
    const partsSent = result.partsSent ?? row.partsSent;
    if (result.throttledUntil) {
      // Throttling is not a failure: wait it out without spending an attempt.
      if (rateKey) await this.o.rateLimiter.block(rateKey, result.throttledUntil);
      log.warn({ outboxId: row.id, until: result.throttledUntil.toISOString() }, 'target throttled; waiting');
      await this.release(row, { notBefore: result.throttledUntil, partsSent, lastError: result.error });
      return;
    }
    const attempts = row.attempts + 1;
    const dead = !result.retryable || attempts >= this.o.maxAttempts;
    log[dead ? 'error' : 'warn']({ outboxId: row.id, attempts, err: result.error }, dead ? 'message undeliverable' : 'send failed; will retry');
    await db.outboxMessage.updateMany({
      where: mine,
      data: {
        status: dead ? 'dead' : 'pending',
        attempts,
        partsSent,
        lastError: result.error.slice(0, 1000),
        notBefore: new Date(now.getTime() + this.backoff(attempts)),
        leaseUntil: null,
        leaseOwner: null,
      },
    });
  }

  private async release(row: OutboxMessage, data: { notBefore: Date; partsSent?: number; lastError?: string }) {
    await this.o.db.outboxMessage.updateMany({
      where: { id: row.id, status: 'sending', leaseOwner: this.o.owner },
      data: { ...data, status: 'pending', leaseUntil: null, leaseOwner: null },
    });
  }

  /** 1×, 2×, 4× … the base, capped, with ±25 % jitter so that retries of many messages spread out. */
  backoff(attempts: number): number {
    const base = Math.min(MAX_RETRY_MS, this.o.retryBaseMs * 2 ** (attempts - 1));
    return Math.round(base * (0.75 + this.o.random() * 0.5));
  }
}

function toDelivery(row: OutboxMessage): Delivery {
  return {
    id: row.id,
    platform: row.platform as Platform,
    target: { type: row.targetType as 'user' | 'group', id: row.targetId },
    text: row.text,
    format: row.format as 'text' | 'markdown',
    replyContext: row.replyContext ? JSON.parse(row.replyContext) : undefined,
    partsSent: row.partsSent,
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`send timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
