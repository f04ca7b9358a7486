import type { Db, Tx } from '../db/sql.ts';
import { inboundMessageSchema, type InboundMessage } from '../core/messages.ts';
import type { BotDeps } from '../bot/bot-deps.ts';
import { loadContext } from '../bot/context.ts';
import { rememberRefusal } from '../bot/remember-refusal.ts';
import { Outgoing } from '../bot/outgoing.ts';
import { refusalText } from '../bot/refusal-text.ts';
import { respond } from '../bot/respond.ts';
import { everyone } from '../bot/texts/common.ts';
import type { Clock } from '../core/clock.ts';
import { ConflictError, DomainError } from '../domain/errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { Logger } from '../log.ts';

export type InboundDeps = BotDeps & { db: Db; clock: Clock; log: Logger };

export const MAX_INBOUND_ATTEMPTS = 5;

export type Job = { inboundId: number; msg?: InboundMessage };
export type JobResult =
  /** Handled (or handled already by another process): the outbox rows it wrote. */
  | { kind: 'done'; outboxIds: number[] }
  /** Another transaction changed a row first: run it again on fresh data. */
  | { kind: 'conflict' }
  /** Not attempted: the batch used up its time; it waits for the next one. */
  | { kind: 'deferred' }
  | { kind: 'failed'; error: unknown };

class AlreadyHandled extends Error {}

/**
 * Handles stored messages exactly once, several in one transaction (group commit), each inside a
 * savepoint of its own: the ledger change, the messages it causes (outbox) and the "handled" mark
 * commit together, and one message's failure or conflict rolls back only its own part. A refusal
 * rolls back what the command did; the answer is written in a second savepoint. A batch of one
 * needs no savepoint: the transaction is the unit (PostgreSQL runs such batches, several at once).
 */
export async function processBatch(deps: InboundDeps, jobs: readonly Job[], budgetMs = Infinity): Promise<JobResult[]> {
  const messages = await Promise.all(
    jobs.map(async (j) => {
      try {
        return j.msg ?? (await readStored(deps.db, j.inboundId));
      } catch (error) {
        return { unreadable: error };
      }
    }),
  );
  const now = deps.clock.now();
  if (jobs.length === 1) return [await processAlone(deps, jobs[0]!.inboundId, messages[0]!, now)];
  return deps.db.transaction(async (tx) => {
    const results: JobResult[] = [];
    const started = performance.now();
    for (let i = 0; i < jobs.length; i++) {
      // On SQLite the batch holds the event loop: past its budget the rest waits for the next batch,
      // so callbacks are answered in between.
      if (i > 0 && performance.now() - started > budgetMs) {
        results.push({ kind: 'deferred' });
        continue;
      }
      const msg = messages[i]!;
      if (msg === null || 'unreadable' in msg) {
        results.push(msg === null ? { kind: 'done', outboxIds: [] } : { kind: 'failed', error: msg.unreadable });
        continue;
      }
      const inboundId = jobs[i]!.inboundId;
      results.push(
        await outcome(async () => {
          try {
            return await deps.db.savepoint(tx, (sp) => handle(sp, deps, inboundId, msg, now, null));
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            return deps.db.savepoint(tx, (sp) => handle(sp, deps, inboundId, msg, now, error));
          }
        }),
      );
    }
    return results;
  });
}

type Readable = InboundMessage | null | { unreadable: unknown };

async function processAlone(deps: InboundDeps, inboundId: number, msg: Readable, now: Date): Promise<JobResult> {
  if (msg === null) return { kind: 'done', outboxIds: [] };
  if ('unreadable' in msg) return { kind: 'failed', error: msg.unreadable };
  return outcome(async () => {
    try {
      return await deps.db.transaction((tx) => handle(tx, deps, inboundId, msg, now, null));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return deps.db.transaction((tx) => handle(tx, deps, inboundId, msg, now, error));
    }
  });
}

async function outcome(run: () => Promise<number[]>): Promise<JobResult> {
  try {
    return { kind: 'done', outboxIds: await run() };
  } catch (error) {
    if (error instanceof AlreadyHandled) return { kind: 'done', outboxIds: [] };
    if (error instanceof ConflictError) return { kind: 'conflict' };
    return { kind: 'failed', error };
  }
}

/** The stored message, or null when it was handled already. A payload that cannot be read throws. */
async function readStored(db: Db, inboundId: number): Promise<InboundMessage | null> {
  const row = await db.get<{ payload: string; status: string }>('SELECT payload, status FROM inbound_messages WHERE id = ?', [inboundId]);
  if (!row || row.status !== 'pending') return null;
  return inboundMessageSchema.parse(JSON.parse(row.payload));
}

/** Runs the message (or, after a refusal, only answers it), writes what it causes and marks it handled. */
async function handle(tx: Tx, deps: InboundDeps, inboundId: number, msg: InboundMessage, now: Date, refusal: DomainError | null): Promise<number[]> {
  const out = new Outgoing({
    platform: msg.platform,
    conversationId: msg.conversationId,
    conversationType: msg.conversationType,
    replyContext: msg.replyContext,
  });
  if (refusal) {
    out.reply(refusalText(refusal));
    // "打错了 是17号" may follow: what was refused is kept a few minutes.
    await rememberRefusal(tx, await loadContext(tx, msg, now), refusal);
  } else {
    const ctx = await loadContext(tx, msg, now);
    if (ctx.group) out.knowGroups(ctx.group.communityId, ctx.group.communityGroups);
    await respond(tx, ctx, out, deps);
  }
  const ids = await enqueue(tx, await out.resolve(tx), { inboundId }, now);
  // Marked handled only if it still was pending: another replica that got here first wins.
  const marked = await tx.run(
    `UPDATE inbound_messages SET status = 'done', processed_at = ?, lease_until = NULL WHERE id = ? AND status = 'pending'`,
    [now, inboundId],
  );
  if (marked !== 1) throw new AlreadyHandled();
  return ids;
}

/** A fault (not a refusal): kept for another try; after the last one the person hears we are busy. */
export async function recordFailure(deps: InboundDeps, inboundId: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  deps.log.error({ inboundId, err: message }, 'handling an inbound message failed');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await tx.get<{ payload: string; status: string; attempts: number }>(
      'SELECT payload, status, attempts FROM inbound_messages WHERE id = ?',
      [inboundId],
    );
    if (!row || row.status !== 'pending') return;
    const attempts = row.attempts + 1;
    const failed = attempts >= MAX_INBOUND_ATTEMPTS;
    await tx.run('UPDATE inbound_messages SET attempts = ?, error = ?, status = ?, lease_until = ? WHERE id = ?', [
      attempts,
      message.slice(0, 1000),
      failed ? 'failed' : 'pending',
      // Back off before the recovery loop tries again.
      new Date(now.getTime() + 2 ** attempts * 1000),
      inboundId,
    ]);
    if (failed) {
      // A payload that cannot be read back still ends as failed (above), just without the reply.
      const msg = readPayload(row.payload);
      if (!msg) return;
      const out = new Outgoing(msg);
      out.reply(everyone.busy);
      await enqueue(tx, await out.resolve(tx), { inboundId }, now);
    }
  });
}

function readPayload(payload: string): InboundMessage | null {
  try {
    const parsed = inboundMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
