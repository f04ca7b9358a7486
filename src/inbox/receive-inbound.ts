import type { Db, Tx } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import type { InboundMessage } from '../core/messages.ts';

/** How long the receiving process owns a message before another may pick it up (crash recovery). */
export const INBOUND_LEASE_MS = 60_000;

export type Received = { id: number; duplicate: boolean };

/** A channel's own bookkeeping about a message (how to reach its sender again), written in the same commit. */
export type AlsoWrite = (tx: Tx) => Promise<void>;

type Waiting = { msg: InboundMessage; also: AlsoWrite | undefined; resolve: (r: Received) => void; reject: (e: unknown) => void };

const CHUNK = 100;
const ROW = "(?, ?, ?, ?, 'pending', 0, ?, ?)";

/**
 * Stores platform messages before anything else happens: the platform may be acknowledged once
 * `store` resolves. Messages arriving in the same turn of the event loop are written together, in
 * one transaction (group commit: one write to disk for many callbacks). A message id seen before (a
 * redelivery, or the same callback on another replica) is reported as a duplicate and stores nothing.
 */
export class InboundWriter {
  readonly #db: Db;
  readonly #now: () => Date;
  readonly #log: Logger;
  #waiting: Waiting[] = [];
  #flushing = false;

  constructor(db: Db, now: () => Date, log: Logger) {
    this.#db = db;
    this.#now = now;
    this.#log = log;
  }

  store(msg: InboundMessage, also?: AlsoWrite): Promise<Received> {
    return new Promise((resolve, reject) => {
      if (this.#waiting.length === 0 && !this.#flushing) setImmediate(() => void this.#flush());
      this.#waiting.push({ msg, also, resolve, reject });
    });
  }

  /**
   * One batch at a time: what arrives while a batch commits waits for the next. So messages are
   * stored (and numbered) in the order they were handed in, also on PostgreSQL, where two
   * transactions on two connections could otherwise commit the later message first.
   */
  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      await this.#write(this.#waiting.splice(0));
    } finally {
      this.#flushing = false;
      if (this.#waiting.length > 0) setImmediate(() => void this.#flush());
    }
  }

  async #write(batch: Waiting[]): Promise<void> {
    try {
      const results = await this.#db.transaction(async (tx) => {
        const now = this.#now();
        const lease = new Date(now.getTime() + INBOUND_LEASE_MS);
        const stored = new Map<string, number>();
        // SQLite: one prepared statement per row (no network to save, and a statement text per batch
        // size would each be parsed anew); PostgreSQL: many rows per statement, one round trip.
        const chunkSize = tx.dialect === 'sqlite' ? 1 : CHUNK;
        for (let i = 0; i < batch.length; i += chunkSize) {
          const chunk = batch.slice(i, i + chunkSize);
          const rows = await tx.all<{ id: number; platform: string; messageId: string }>(
            `INSERT INTO inbound_messages (platform, message_id, conversation_id, payload, status, attempts, received_at, lease_until)
             VALUES ${Array(chunk.length).fill(ROW).join(', ')}
             ON CONFLICT (platform, message_id) DO NOTHING RETURNING id, platform, message_id`,
            chunk.flatMap(({ msg }) => [msg.platform, msg.messageId, msg.conversationId, JSON.stringify(msg), now, lease]),
          );
          for (const r of rows) stored.set(`${r.platform}\n${r.messageId}`, r.id);
        }
        for (const { also } of batch) {
          if (!also) continue;
          try {
            await this.#db.savepoint(tx, also);
          } catch (error) {
            // The message is stored all the same; the channel only loses a shortcut back to its sender.
            this.#log.warn({ err: (error as Error).message }, 'a channel note about a message was not written');
          }
        }
        // The first of several copies in one batch is the message; the others, and anything stored
        // before, are duplicates.
        const claimed = new Set<string>();
        const out: Received[] = [];
        for (const { msg } of batch) {
          const key = `${msg.platform}\n${msg.messageId}`;
          const id = stored.get(key);
          if (id !== undefined && !claimed.has(key)) {
            claimed.add(key);
            out.push({ id, duplicate: false });
          } else {
            out.push({ id: id ?? (await existingId(tx, msg)), duplicate: true });
          }
        }
        return out;
      });
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}

async function existingId(tx: Pick<Db, 'get'>, msg: InboundMessage): Promise<number> {
  const row = await tx.get<{ id: number }>('SELECT id FROM inbound_messages WHERE platform = ? AND message_id = ?', [msg.platform, msg.messageId]);
  return row?.id ?? 0;
}
