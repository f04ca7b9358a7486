import type { InboundMessage } from '../core/messages.ts';
import type { OutboxSignal } from '../outbox/outbox-signal.ts';
import { waitForDelivery } from '../outbox/wait-for-delivery.ts';
import { processBatch, recordFailure, type InboundDeps, type Job, type JobResult } from './process-inbound.ts';
import { Arrivals } from './arrivals.ts';
import { INBOUND_LEASE_MS, InboundWriter, type AlsoWrite, type Received } from './receive-inbound.ts';

export type Accepted = Received;

type Queued = Job & { conflicts: number; settle: (ids: number[] | undefined) => void };

/**
 * How many messages one transaction handles (and for how long: `budgetMs`, or `burstBudgetMs` while
 * platforms are delivering a burst), and how many transactions run at once.
 */
export type BatchShape = { size: number; concurrency: number; budgetMs: number; burstBudgetMs: number; floodPerSecond: number };

// SQLite has one writer and runs a transaction's statements synchronously: one batch at a time,
// large enough to amortise the commit, small enough to keep the event loop responsive (each message
// costs well under a millisecond). PostgreSQL waits on the network per statement, where a savepoint
// costs two round trips: one message per transaction, several transactions at once on different
// connections (the server groups their commits).
// During a burst the platforms' callbacks come first: each is a few hundred microseconds, and a
// platform that waits too long sends again. Handling takes shorter turns then; everything stored is
// handled all the same, a moment later (the inbox is durable). In a flood (more callbacks a second
// than SQLite's one thread can both answer and handle) handling waits FLOOD_YIELD times as long as
// its last turn took before the next: answering keeps ~4/5 of the thread, so a platform's burst is
// acknowledged at near the speed of a bare handler, and the backlog is handled as the flood ebbs
// (decision 0008).
const SHAPES: Record<string, BatchShape> = {
  sqlite: { size: 64, concurrency: 1, budgetMs: 10, burstBudgetMs: 2, floodPerSecond: 2500 },
  postgresql: { size: 1, concurrency: 6, budgetMs: Infinity, burstBudgetMs: Infinity, floodPerSecond: Infinity },
};
/** A burst: at least 20 messages stored within the last 50 ms; a flood is measured over 500 ms. */
const ARRIVALS = { burstCount: 20, burstMs: 50, floodMs: 500 };
const FLOOD_YIELD = 4;
const MAX_CONFLICT_RETRIES = 10;

/**
 * The way in for every channel. `accept` stores the message (after which the platform may be
 * acknowledged) and handles it in the background: one message at a time per conversation, so that
 * a dialogue reads its answers in order, and many conversations together, several messages per
 * transaction. A message stored but not handled — the process died — is picked up by `recover`
 * once its lease has run out, by this or any other process.
 */
export class InboundService {
  private readonly deps: InboundDeps;
  private readonly signal: OutboxSignal;
  private readonly writer: InboundWriter;
  private readonly shape: BatchShape;
  private readonly onAccepted: ((platform: string, duplicate: boolean) => void) | undefined;
  private readonly queues = new Map<string, Queued[]>();
  private readonly busy = new Set<string>();
  private running = 0;
  private pumpScheduled = false;
  private readonly arrivals: Arrivals;
  /** A connection accepted since the last turn, and since when handling has left turns to them. */
  private accepted = false;
  private yieldingSince: number | null = null;
  /** How long the last handling turn took (ms): in a flood the next waits a multiple of it. */
  private lastTurnMs = 0;
  private idleWaiters: Array<() => void> = [];
  private recoveryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** `onAccepted` counts what platforms bring (metrics: lianxin_inbound_messages_total). */
  constructor(
    deps: InboundDeps,
    signal: OutboxSignal,
    opts: { shape?: BatchShape; onAccepted?: (platform: string, duplicate: boolean) => void } = {},
  ) {
    this.deps = deps;
    this.signal = signal;
    this.writer = new InboundWriter(deps.db, () => deps.clock.now(), deps.log);
    this.shape = opts.shape ?? SHAPES[deps.db.dialect]!;
    this.onAccepted = opts.onAccepted;
    this.arrivals = new Arrivals({ ...ARRIVALS, floodPerSecond: this.shape.floodPerSecond });
  }

  /**
   * Stores the message and returns; the work happens afterwards. `also`: the channel's own note
   * about it (how to reach the sender again), written in the same commit.
   */
  async accept(msg: InboundMessage, also?: AlsoWrite): Promise<Accepted> {
    if (this.stopped) throw new Error('shutting down');
    const accepted = await this.writer.store(msg, also);
    this.arrivals.note();
    this.onAccepted?.(msg.platform, accepted.duplicate);
    if (!accepted.duplicate) void this.enqueue(`${msg.platform}:${msg.conversationId}`, accepted.id, msg);
    return accepted;
  }

  /**
   * Stores and handles the message, then waits (briefly) for its replies to be delivered, and for
   * `alsoWaitFor` (messages the channel released for this person when they wrote).
   */
  async handleNow(msg: InboundMessage, waitMs = 5000, alsoWaitFor: readonly number[] = []): Promise<{ duplicate: boolean; outboxIds: number[] }> {
    if (this.stopped) throw new Error('shutting down');
    const accepted = await this.writer.store(msg);
    this.onAccepted?.(msg.platform, accepted.duplicate);
    if (accepted.duplicate) return { duplicate: true, outboxIds: [] };
    const outboxIds = (await this.enqueue(`${msg.platform}:${msg.conversationId}`, accepted.id, msg)) ?? [];
    // Its own rows were written just now, not yet attempted: no first look needed.
    if (alsoWaitFor.length === 0) await waitForDelivery(this.deps.db, this.signal, outboxIds, waitMs, true);
    else await waitForDelivery(this.deps.db, this.signal, [...alsoWaitFor, ...outboxIds], waitMs);
    return { duplicate: false, outboxIds };
  }

  private enqueue(key: string, inboundId: number, msg?: InboundMessage): Promise<number[] | undefined> {
    return new Promise((settle) => {
      const queue = this.queues.get(key);
      const job: Queued = { inboundId, msg, conflicts: 0, settle };
      if (queue) queue.push(job);
      else this.queues.set(key, [job]);
      this.schedulePump();
    });
  }

  /**
   * A connection was just accepted. libuv accepts one connection per turn of the event loop (libuv
   * pull request 3696), so more may be waiting in the kernel's queue; a handling turn now would
   * keep them out for its length. The next few turns are left to them (docs/performance.md).
   */
  connectionAccepted(): void {
    this.accepted = true;
  }

  /** Runs the pump on the next turn, so that callbacks waiting for I/O are answered in between. */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    const run = () => {
      // A turn that just accepted a connection goes on to the next accept, for up to FLOOD_YIELD
      // times as long as the last handling turn took: while new connections keep coming, answering
      // them keeps ~4/5 of the thread, as in a flood, and handling still moves.
      if (this.accepted) {
        this.accepted = false;
        this.yieldingSince ??= performance.now();
        if (performance.now() - this.yieldingSince < Math.max(1, this.lastTurnMs) * FLOOD_YIELD) {
          setImmediate(run);
          return;
        }
      }
      this.yieldingSince = null;
      this.pumpScheduled = false;
      this.pump();
    };
    if (this.lastTurnMs > 0 && this.arrivals.inFlood()) setTimeout(run, this.lastTurnMs * FLOOD_YIELD);
    else setImmediate(run);
  }

  private pump(): void {
    if (this.queues.size === 0 && this.running === 0) {
      for (const w of this.idleWaiters.splice(0)) w();
      return;
    }
    while (this.running < this.shape.concurrency) {
      const batch: Array<[string, Queued]> = [];
      for (const [key, queue] of this.queues) {
        if (this.busy.has(key) || queue.length === 0) continue;
        batch.push([key, queue[0]!]);
        if (batch.length >= this.shape.size) break;
      }
      if (batch.length === 0) break;
      for (const [key] of batch) this.busy.add(key);
      this.running++;
      void this.runBatch(batch).finally(() => {
        this.running--;
        for (const [key] of batch) this.busy.delete(key);
        if (this.queues.size > 0) this.schedulePump();
        else if (this.running === 0) for (const w of this.idleWaiters.splice(0)) w();
      });
    }
  }

  private async runBatch(batch: Array<[string, Queued]>): Promise<void> {
    let results: JobResult[];
    const started = performance.now();
    try {
      results = await processBatch(this.deps, batch.map(([, job]) => job), this.arrivals.inBurst() ? this.shape.burstBudgetMs : this.shape.budgetMs);
    } catch (error) {
      // The transaction itself failed (a lost connection, a deadlock): each gets its own next time.
      if (batch.length > 1) {
        this.deps.log.warn({ size: batch.length, err: (error as Error).message }, 'inbound batch failed; retrying one by one');
        results = batch.map(() => ({ kind: 'conflict' }) as const);
      } else {
        results = [{ kind: 'failed', error }];
      }
    }
    this.lastTurnMs = performance.now() - started;
    const wrote: number[] = [];
    for (let i = 0; i < batch.length; i++) {
      const [key, job] = batch[i]!;
      const result = results[i]!;
      if (result.kind === 'deferred') continue; // stays at the head of its queue
      if (result.kind === 'conflict' && ++job.conflicts < MAX_CONFLICT_RETRIES) continue;
      this.queues.get(key)!.shift();
      if (this.queues.get(key)!.length === 0) this.queues.delete(key);
      if (result.kind === 'done') {
        wrote.push(...result.outboxIds);
        job.settle(result.outboxIds);
      } else {
        const error = result.kind === 'failed' ? result.error : new Error('too many concurrent changes');
        await recordFailure(this.deps, job.inboundId, error).catch((e: unknown) =>
          this.deps.log.error({ inboundId: job.inboundId, err: (e as Error).message }, 'inbound failure not recorded'),
        );
        job.settle(undefined);
      }
    }
    // This process's dispatcher sends them by id, at once.
    this.signal.offer(wrote);
    if (results.some((r) => r.kind === 'conflict')) await new Promise((r) => setTimeout(r, Math.random() * 20));
  }

  /** Picks up messages whose handler died (lease expired) or that failed and are due again. */
  async recover(limit = 50): Promise<number> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const stale = await db.all<{ id: number; platform: string; conversationId: string; leaseUntil: Date | null }>(
      `SELECT id, platform, conversation_id, lease_until FROM inbound_messages WHERE status = 'pending' AND lease_until < ? ORDER BY id LIMIT ?`,
      [now, limit],
    );
    let taken = 0;
    for (const row of stale) {
      const leased = await db.run(`UPDATE inbound_messages SET lease_until = ? WHERE id = ? AND status = 'pending' AND lease_until = ?`, [
        new Date(now.getTime() + INBOUND_LEASE_MS),
        row.id,
        row.leaseUntil,
      ]);
      if (leased !== 1) continue;
      taken++;
      void this.enqueue(`${row.platform}:${row.conversationId}`, row.id);
    }
    return taken;
  }

  startRecovery(intervalMs = 5000): void {
    const tick = () => {
      this.recoveryTimer = setTimeout(() => {
        this.recover()
          .catch((error: unknown) => this.deps.log.error({ err: (error as Error).message }, 'inbound recovery failed'))
          .finally(() => {
            if (!this.stopped) tick();
          });
      }, intervalMs);
    };
    tick();
  }

  /** Waits for everything accepted so far to be handled. */
  async idle(): Promise<void> {
    while (this.queues.size > 0 || this.running > 0 || this.pumpScheduled) {
      await new Promise<void>((resolve) => {
        this.idleWaiters.push(resolve);
        this.schedulePump();
      });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
    await this.idle();
  }
}
