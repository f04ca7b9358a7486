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
  return tx.revisit.findFirst({
    where: {
      personId: ctx.person.id,
      answeredAt: null,
      askedAt: { gt: new Date(ctx.now.getTime() - ANSWER_WINDOW) },
      ...(id !== null ? { itemId: id } : {}),
    },
    orderBy: { askedAt: 'desc' },
  });
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
  await tx.revisit.update({
    where: { id: revisit.id },
    data: { answeredAt: ctx.now, answer: cmd.yes ? 'yes' : 'no' },
  });
  if (cmd.yes) {
    out.reply(texts.revisitThanks(revisit.itemId));
    return;
  }
  const { item } = await reopenItem(tx, null, revisit.itemId, texts.revisitNote, ctx.now);
  out.reply(texts.revisitReopened(item.id));
  if (item.claimantId !== null) out.toPersonId(item.claimantId, texts.toClaimantReopened(item.id, texts.revisitNote));
  out.toOfficials(item.communityId, texts.toOfficialsRevisitFailed(item.id, item.text));
}
