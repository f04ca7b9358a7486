import type { Revisit } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { DAY } from '../core/clock.ts';
import { reopenAfterRevisit } from './after-confirmation.ts';
import { revisitAnswered } from './after-confirmation.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { answeredAbout } from './prompts.ts';
import { residents } from './texts/residents.ts';

const ANSWER_WINDOW = 14 * DAY;

/** The latest revisit question this person has not answered yet (for item `id` if given). */
export async function pendingRevisit(tx: Tx, ctx: MessageContext, id: number | null): Promise<Revisit | null> {
  const since = new Date(ctx.now.getTime() - ANSWER_WINDOW);
  const row = await tx.get<Revisit>(
    `SELECT * FROM revisits WHERE person_id = ? AND answered_at IS NULL AND asked_at > ?${id !== null ? ' AND item_id = ?' : ''}
     ORDER BY asked_at DESC, id DESC LIMIT 1`,
    [ctx.person.id, since, ...(id !== null ? [id] : [])],
  );
  return row ?? null;
}

/** 是 / 否 [N] to a revisit: "否" (no longer fixed) reopens the report to whoever fixed it. */
export async function answerRevisit(tx: Tx, ctx: MessageContext, cmd: { yes: boolean; id: number | null }, out: Outgoing): Promise<void> {
  const revisit = await pendingRevisit(tx, ctx, cmd.id);
  if (!revisit) {
    out.reply(residents.noPendingRevisit);
    return;
  }
  await revisitAnswered(tx, ctx, revisit.itemId, cmd.yes ? 'yes' : 'no');
  await answeredAbout(tx, 'revisit', revisit.itemId, ctx.now);
  if (cmd.yes) {
    out.reply(residents.revisitThanks(revisit.itemId));
    return;
  }
  await reopenAfterRevisit(tx, ctx, revisit.itemId, '', out);
}
