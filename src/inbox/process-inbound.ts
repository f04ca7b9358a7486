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
 * "handled" mark are one transaction. A refusal is answered in a transaction of its own, after the
 * attempted change was rolled back, so a refused command changes nothing.
 * Returns the ids of the outbox messages it wrote.
 */
export async function processInbound(deps: InboundDeps, inboundId: number): Promise<number[]> {
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    try {
      return await deps.db.$transaction((tx) => handle(tx, deps, inboundId, now, null));
    } catch (error) {
      if (error instanceof AlreadyHandled) return [];
      if (error instanceof DomainError) {
        try {
          return await deps.db.$transaction((tx) => handle(tx, deps, inboundId, now, error));
        } catch (again) {
          if (again instanceof AlreadyHandled) return [];
          throw again;
        }
      }
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

async function handle(tx: Tx, deps: InboundDeps, inboundId: number, now: Date, refusal: DomainError | null) {
  const row = await tx.inboundMessage.findUnique({ where: { id: inboundId } });
  if (!row || row.status !== 'pending') throw new AlreadyHandled();
  const msg: InboundMessage = inboundMessageSchema.parse(JSON.parse(row.payload));
  const ctx = await loadContext(tx, msg, now);
  const out = new Outgoing({
    platform: msg.platform,
    conversationId: msg.conversationId,
    conversationType: msg.conversationType,
    replyContext: msg.replyContext,
  });
  if (refusal) out.reply(refusalText(refusal));
  else await respond(tx, ctx, out, deps);
  const ids = await enqueue(tx, await out.resolve(tx), { inboundId }, now);
  // Marked handled only if it still was pending: another replica that got here first wins.
  const marked = await tx.inboundMessage.updateMany({
    where: { id: inboundId, status: 'pending' },
    data: { status: 'done', processedAt: now, leaseUntil: null },
  });
  if (marked.count !== 1) throw new AlreadyHandled();
  return ids;
}

/** A fault (not a refusal): kept for another try; after the last one the person hears we are busy. */
async function recordFailure(deps: InboundDeps, inboundId: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  deps.log.error({ inboundId, err: message }, 'handling an inbound message failed');
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const row = await tx.inboundMessage.findUnique({ where: { id: inboundId } });
    if (!row || row.status !== 'pending') return;
    const attempts = row.attempts + 1;
    const failed = attempts >= MAX_INBOUND_ATTEMPTS;
    await tx.inboundMessage.update({
      where: { id: inboundId },
      data: {
        attempts,
        error: message.slice(0, 1000),
        status: failed ? 'failed' : 'pending',
        // Back off before the recovery loop tries again.
        leaseUntil: new Date(now.getTime() + 2 ** attempts * 1000),
      },
    });
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
