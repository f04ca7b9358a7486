import type { OutboxMessage } from '../db/rows.ts';
import { inList, unindexed, type Db, type Tx } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import type { SendResult } from '../core/messages.ts';
import { safeErrorText } from '../core/error-text.ts';

export type Outcome =
  | { kind: 'sent' }
  | { kind: 'retry'; attempts: number; notBefore: Date; partsSent: number; error: string }
  | { kind: 'dead'; attempts: number; partsSent: number; error: string }
  /** Not a failure (throttled, a rate slot): back to pending, no attempt spent. */
  | { kind: 'wait'; notBefore: Date; partsSent?: number; error?: string }
  /** The platform does not let it go until the person writes again (微信客服's 48-hour window): held, no attempt spent. */
  | { kind: 'held'; error: string };

const MAX_RETRY_MS = 30 * 60_000;

/** What an attempt's result means for the row: pure, so the back-off and the last try are tested alone. */
export function outcomeOf(
  row: Pick<OutboxMessage, 'attempts' | 'partsSent'>,
  result: SendResult,
  now: Date,
  policy: { maxAttempts: number; retryBaseMs: number; random: () => number },
): Outcome {
  if (result.ok) return { kind: 'sent' };
  if (result.held) return { kind: 'held', error: result.error };
  const partsSent = result.partsSent ?? row.partsSent;
  // What is logged, stored in last_error and shown by the admin API: no address, query or credential.
  const error = safeErrorText(result.error);
  if (result.throttledUntil) return { kind: 'wait', notBefore: result.throttledUntil, partsSent, error };
  const attempts = row.attempts + 1;
  if (!result.retryable || attempts >= policy.maxAttempts) return { kind: 'dead', attempts, partsSent, error };
  return { kind: 'retry', attempts, partsSent, error, notBefore: new Date(now.getTime() + backoff(attempts, policy)) };
}

/** 1×, 2×, 4× … the base, capped, with ±25 % jitter so that retries of many messages spread out. */
export function backoff(attempts: number, policy: { retryBaseMs: number; random: () => number }): number {
  const base = Math.min(MAX_RETRY_MS, policy.retryBaseMs * 2 ** (attempts - 1));
  return Math.round(base * (0.75 + policy.random() * 0.5));
}

/** Marks rows this process still holds as sent, in one statement per 500. */
async function markSent(tx: Tx, ids: readonly number[], owner: string, now: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    await tx.run(
      `UPDATE outbox_messages SET status = 'sent', sent_at = ?, lease_until = NULL, lease_owner = NULL, last_error = NULL
        WHERE id IN ${inList(part.length)} AND ${unindexed('status')} = 'sending' AND lease_owner = ?`,
      [now, ...part, owner],
    );
  }
}

/**
 * Writes an outcome, only while this process still holds the row's lease: if the lease ran out and
 * another process took the row, this one's late result must not overwrite it.
 */
export async function recordOutcome(tx: Tx, id: number, owner: string, outcome: Outcome, now: Date): Promise<void> {
  const mine = `id = ? AND status = 'sending' AND lease_owner = ?`;
  switch (outcome.kind) {
    case 'sent':
      return markSent(tx, [id], owner, now);
    case 'retry':
    case 'dead':
      await tx.run(
        `UPDATE outbox_messages SET status = ?, attempts = ?, parts_sent = ?, last_error = ?, not_before = ?, lease_until = NULL, lease_owner = NULL WHERE ${mine}`,
        [outcome.kind === 'dead' ? 'dead' : 'pending', outcome.attempts, outcome.partsSent, outcome.error.slice(0, 500), outcome.kind === 'retry' ? outcome.notBefore : now, id, owner],
      );
      return;
    case 'held':
      // Out of the dispatcher's way until the channel releases it (it holds its conversation too).
      await tx.run(`UPDATE outbox_messages SET status = 'held', last_error = ?, lease_until = NULL, lease_owner = NULL WHERE ${mine}`, [
        outcome.error.slice(0, 500),
        id,
        owner,
      ]);
      return;
    case 'wait':
      await tx.run(
        `UPDATE outbox_messages SET status = 'pending', not_before = ?, parts_sent = coalesce(?, parts_sent), last_error = coalesce(?, last_error), lease_until = NULL, lease_owner = NULL WHERE ${mine}`,
        [outcome.notBefore, outcome.partsSent ?? null, outcome.error?.slice(0, 500) ?? null, id, owner],
      );
      return;
  }
}

/**
 * Writes the outcomes of sends that finish in the same turn of the event loop in one transaction
 * (one write to disk for many sends). `write` resolves once the outcome is committed.
 */
export class OutcomeWriter {
  #waiting: Array<{ id: number; outcome: Outcome; done: (committed: boolean) => void }> = [];
  readonly #db: Db;
  readonly #owner: string;
  readonly #now: () => Date;
  readonly #log: Logger;

  constructor(db: Db, owner: string, now: () => Date, log: Logger) {
    this.#db = db;
    this.#owner = owner;
    this.#now = now;
    this.#log = log;
  }

  /** Resolves true once committed, false when it could not be (the row stays leased). */
  write(id: number, outcome: Outcome): Promise<boolean> {
    return new Promise((done) => {
      if (this.#waiting.length === 0) setImmediate(() => void this.#flush());
      this.#waiting.push({ id, outcome, done });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#waiting;
    this.#waiting = [];
    let committed = false;
    try {
      const now = this.#now();
      const sent = batch.filter((w) => w.outcome.kind === 'sent').map((w) => w.id);
      // The common outcome, sent, for many rows in one statement; the rest one by one. Each outcome
      // is a compare-and-set on its own lease: the transaction only groups the writes, and one
      // statement needs none (on PostgreSQL, BEGIN and COMMIT are two round trips more).
      if (sent.length === batch.length && sent.length <= 500) await markSent(this.#db, sent, this.#owner, now);
      else
        await this.#db.transaction(async (tx) => {
          await markSent(tx, sent, this.#owner, now);
          for (const w of batch) if (w.outcome.kind !== 'sent') await recordOutcome(tx, w.id, this.#owner, w.outcome, now);
        });
      committed = true;
    } catch (error) {
      // The rows stay leased: when the lease runs out they are sent again (at least once, never lost).
      this.#log.error({ err: (error as Error).message, rows: batch.length }, 'outbox outcomes not recorded');
    }
    for (const w of batch) w.done(committed);
  }
}
