import type { Revisit } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { DAY } from '../core/clock.ts';
import { reopenItem } from '../domain/item-actions.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { texts } from './texts.ts';

const ANSWER_WINDOW = 14 * DAY;

/** The latest revisit question this person has not answered yet (for item `id` if given). */
export async function pendingRevisit(tx: Tx, ctx: MessageContext, id: number | null): Promise<Revisit | null> {
  const since = new Date(ctx.now.getTime() - ANSWER_WINDOW);
  const row =
    id !== null
      ? await tx.get<Revisit>(
          `SELECT * FROM revisits WHERE person_id = ? AND answered_at IS NULL AND asked_at > ? AND item_id = ?
           ORDER BY asked_at DESC, id DESC LIMIT 1`,
          [ctx.person.id, since, id],
        )
      : await tx.get<Revisit>(
          `SELECT * FROM revisits WHERE person_id = ? AND answered_at IS NULL AND asked_at > ?
           ORDER BY asked_at DESC, id DESC LIMIT 1`,
          [ctx.person.id, since],
        );
  return row ?? null;
}

/** 是 / 否 to a revisit: "否" (no longer fixed) reopens the report to whoever fixed it. */
export async function answerRevisit(
  tx: Tx,
  ctx: MessageContext,
  cmd: { yes: boolean; id: number | null },
  out: Outgoing,
  _deps: BotDeps,
): Promise<void> {
  const revisit = await pendingRevisit(tx, ctx, cmd.id);
  if (!revisit) {
    out.reply(texts.noPendingRevisit);
    return;
  }
  await tx.run('UPDATE revisits SET answered_at = ?, answer = ? WHERE id = ?', [ctx.now, cmd.yes ? 'yes' : 'no', revisit.id]);
  if (cmd.yes) {
    out.reply(texts.revisitThanks(revisit.itemId));
    return;
  }
  const { item } = await reopenItem(tx, null, revisit.itemId, texts.revisitNote, ctx.now);
  out.reply(texts.revisitReopened(item.id));
  if (item.claimantId !== null) out.toPersonId(item.claimantId, texts.toClaimantReopened(item.id, texts.revisitNote));
  out.toOfficials(item.communityId, texts.toOfficialsRevisitFailed(item.id, item.text));
}
