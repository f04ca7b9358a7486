import type { Tx } from '../db/sql.ts';
import { takeBackDone } from '../domain/item-actions.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { answeredAbout } from './prompts.ts';
import { say } from './say.ts';
import { members } from './texts/members.ts';
import { residents } from './texts/residents.ts';

/**
 * The holder's "刚才说错了 还没修好 先别算完成": the completion is taken back before the submitter
 * confirms it, the submitter is told not to rate yet, and their open question is closed.
 */
export async function takeBack(tx: Tx, ctx: MessageContext, id: number, out: Outgoing): Promise<void> {
  const change = await takeBackDone(tx, ctx.actor, id, '办结说错了，撤回', ctx.now);
  await answeredAbout(tx, 'confirm', id, ctx.now);
  say(ctx, out, members.doneTakenBack(id));
  out.toPersonId(change.item.submitterId, residents.doneTakenBack(id));
}
