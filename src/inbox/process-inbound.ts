import type { Db, Tx } from '../db/sql.ts';
import { inboundMessageSchema, type InboundMessage } from '../core/messages.ts';
import type { BotDeps } from '../bot/bot-deps.ts';
import { loadContext } from '../bot/context.ts';
import { Outgoing } from '../bot/outgoing.ts';
import { refusalText } from '../bot/refusal-text.ts';
import { respond } from '../bot/respond.ts';
import { texts } from '../bot/texts.ts';
import type { Clock } from '../core/clock.ts';
import { ConflictError, DomainError } from '../domain/errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { Logger } from '../log.ts';

export type InboundDeps = BotDeps & { db: Db; clock: Clock; log: Logger };

const MAX_CONFLICT_RETRIES = 10;
export const MAX_INBOUND_ATTEMPTS = 5;

class AlreadyHandled extends Error {}

/**
 * Handles a stored message exactly once: the ledger change, the messages it causes (outbox) and the
 * "handled" mark are one transaction. A refusal rolls back to a savepoint, so a refused command
 * changes nothing, and is answered in the same transaction. `msg` is the message as stored, when
 * the caller still has it; otherwise it is read back (crash recovery).
 * Returns the ids of the outbox messages it wrote.
 */
export async function processInbound(deps: InboundDeps, inboundId: number, msg?: InboundMessage): Promise<number[]> {
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    try {
      const message = msg ?? (await readStored(deps.db, inboundId));
      if (!message) return [];
      return await deps.db.transaction((tx) => handle(tx, deps, inboundId, message, now));
    } catch (error) {
      if (error instanceof AlreadyHandled) return [];
      if (error instanceof ConflictError && attempt < MAX_CONFLICT_RETRIES) {
        // Someone changed the same row first: read again, after a short random pause.
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
        continue;
      }
      await recordFailure(deps, inboundId, error);
      return [];
    }
  }
}

/** The stored message, or null when it was handled already (or cannot be read: it fails below). */
async function readStored(db: Db, inboundId: number): Promise<InboundMessage | null> {
  const row = await db.get<{ payload: string; status: string }>('SELECT payload, status FROM inbound_messages WHERE id = ?', [inboundId]);
  if (!row || row.status !== 'pending') return null;
  return inboundMessageSchema.parse(JSON.parse(row.payload));
}

async function handle(tx: Tx, deps: InboundDeps, inboundId: number, msg: InboundMessage, now: Date): Promise<number[]> {
  const source = {
    platform: msg.platform,
    conversationId: msg.conversationId,
    conversationType: msg.conversationType,
    replyContext: msg.replyContext,
  };
  let out = new Outgoing(source);
  try {
    await deps.db.savepoint(tx, async (sp) => {
      const ctx = await loadContext(sp, msg, now);
      await respond(sp, ctx, out, deps);
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A refusal: everything the command did is rolled back; only the answer stays.
    out = new Outgoing(source);
    out.reply(refusalText(error));
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
async function recordFailure(deps: InboundDeps, inboundId: number, error: unknown): Promise<void> {
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
      out.reply(texts.busy);
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
