import type { Tx } from '../db/sql.ts';
import { getItem } from '../domain/items.ts';
import { reopenItem } from '../domain/item-actions.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { submitItem } from './submit-item.ts';
import { members } from './texts/members.ts';
import { officials } from './texts/officials.ts';
import { residents } from './texts/residents.ts';

// After a confirmation the item is closed, but the problem may not be (SPEC lifecycle, issue 12):
// a fix that never held ("还是老样子", "没修好") reopens the item to whoever fixed it; a fix that
// held and failed again ("又坏了") is a new report linked to the old one, which keeps its
// confirmation and rating. Rule and words: understand-reply.ts (afterConfirmation).

/** The submitter says a confirmed item was never really fixed: it goes back to its holder. */
export async function reopenBySubmitter(tx: Tx, ctx: MessageContext, id: number, reason: string, out: Outgoing): Promise<void> {
  const { item } = await reopenItem(tx, ctx.actor, id, reason, ctx.now, { bySubmitter: true });
  out.reply(residents.reopenedBySubmitter(id));
  if (item.claimantId !== null) out.toPersonId(item.claimantId, members.toHolderReopened(id, reason));
  out.toOfficials(item.communityId, officials.reopenedBySubmitter(id, item.text, reason));
}

/** A revisit answered "no" (否, 还是老样子): reopened, the holder and the officials told. */
export async function reopenAfterRevisit(tx: Tx, ctx: MessageContext, id: number, reason: string, out: Outgoing): Promise<void> {
  const note = reason ? `${residents.revisitNote}：${reason}` : residents.revisitNote;
  const { item } = await reopenItem(tx, null, id, note, ctx.now);
  out.reply(residents.revisitReopened(item.id));
  if (item.claimantId !== null) out.toPersonId(item.claimantId, members.toHolderReopened(item.id, note));
  out.toOfficials(item.communityId, officials.revisitFailed(item.id, item.text));
}

/** "又坏了": a new report with the old one's text, place and category, linked to it. */
export async function fileRecurrence(tx: Tx, ctx: MessageContext, oldId: number, said: string, out: Outgoing, deps: BotDeps): Promise<void> {
  const old = await getItem(tx, oldId);
  const text = said && !old.text.includes(said) ? `${old.text}\n${said}` : old.text;
  await submitItem(
    tx,
    ctx,
    {
      kind: 'report',
      text,
      communityId: old.communityId,
      place: old.place,
      latitude: old.latitude,
      longitude: old.longitude,
      photos: [],
      category: old.category,
      relatedToId: old.id,
    },
    out,
    deps,
  );
}

/** The revisit's own record (its figures: how many said it held). */
export async function revisitAnswered(tx: Tx, ctx: MessageContext, itemId: number, answer: 'yes' | 'no'): Promise<void> {
  await tx.run('UPDATE revisits SET answered_at = ?, answer = ? WHERE item_id = ? AND person_id = ? AND answered_at IS NULL', [
    ctx.now,
    answer,
    itemId,
    ctx.person.id,
  ]);
}
