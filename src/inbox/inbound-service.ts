import type { InboundMessage } from '../core/messages.ts';
import type { OutboxSignal } from '../outbox/outbox-signal.ts';
import { waitForDelivery } from '../outbox/wait-for-delivery.ts';
import { processInbound, type InboundDeps } from './process-inbound.ts';
import { INBOUND_LEASE_MS, receiveInbound } from './receive-inbound.ts';

export type Accepted = { id: number; duplicate: boolean };

/**
 * The way in for every channel. `accept` stores the message (after which the platform may be
 * acknowledged) and handles it in the background, one message at a time per conversation so that a
 * dialogue reads its answers in order. A message stored but not handled — the process died — is
 * picked up by `recover` once its lease has run out, by this or any other process.
 */
export class InboundService {
  private readonly deps: InboundDeps;
  private readonly signal: OutboxSignal;
  private readonly queues = new Map<string, Promise<unknown>>();
  private recoveryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(deps: InboundDeps, signal: OutboxSignal) {
    this.deps = deps;
    this.signal = signal;
  }

  /** Stores the message and returns; the work happens afterwards. */
  async accept(msg: InboundMessage): Promise<Accepted> {
    if (this.stopped) throw new Error('shutting down');
    const accepted = await receiveInbound(this.deps.db, msg, this.deps.clock.now());
    if (!accepted.duplicate) void this.enqueue(`${msg.platform}:${msg.conversationId}`, accepted.id, msg);
    return accepted;
  }

  /** Stores and handles the message, then waits (briefly) for its replies to be delivered. */
  async handleNow(msg: InboundMessage, waitMs = 5000): Promise<{ duplicate: boolean; outboxIds: number[] }> {
    if (this.stopped) throw new Error('shutting down');
    const accepted = await receiveInbound(this.deps.db, msg, this.deps.clock.now());
    if (accepted.duplicate) return { duplicate: true, outboxIds: [] };
    const outboxIds = (await this.enqueue(`${msg.platform}:${msg.conversationId}`, accepted.id, msg)) ?? [];
    await waitForDelivery(this.deps.db, this.signal, outboxIds, waitMs);
    return { duplicate: false, outboxIds };
  }

  private enqueue(key: string, inboundId: number, msg?: InboundMessage): Promise<number[] | undefined> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(() => processInbound(this.deps, inboundId, msg))
      .then(
        (ids) => {
          if (ids.length > 0) this.signal.kick();
          return ids;
        },
        (error: unknown) => {
          this.deps.log.error({ inboundId, err: (error as Error).message }, 'inbound message not handled; will retry');
          return undefined;
        },
      );
    this.queues.set(key, run);
    void run.finally(() => {
      if (this.queues.get(key) === run) this.queues.delete(key);
    });
    return run;
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
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
    await this.idle();
  }
}
