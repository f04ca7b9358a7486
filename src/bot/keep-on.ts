import type { Tx } from '../db/sql.ts';
import { keepOnItem } from '../domain/keep-on-item.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { answeredAbout } from './prompts.ts';
import { members } from './texts/members.ts';
import { residents } from './texts/residents.ts';

/**
 * The need is marked recurring; a completion its holder just sent goes back to them (the resident's
 * done question is closed), and the holder hears that each round is recorded without closing it.
 */
export async function keepOn(tx: Tx, ctx: MessageContext, id: number, note: string, out: Outgoing): Promise<void> {
  const change = await keepOnItem(tx, ctx.actor, id, note, ctx.now);
  if (change) await answeredAbout(tx, 'confirm', id, ctx.now);
  const item = change?.item ?? (await tx.get<{ claimantId: number | null; submitterId: number }>('SELECT claimant_id, submitter_id FROM items WHERE id = ?', [id]))!;
  // Said by its holder or an official ("3号是长期的活"): how rounds are recorded.
  if (item.submitterId !== ctx.person.id) return out.reply(members.keptOnBy(id));
  const holder = item.claimantId !== null ? await tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId]) : undefined;
  out.reply(residents.keptOn(id, holder?.name ?? null));
  if (item.claimantId !== null && item.claimantId !== ctx.person.id) out.toPersonId(item.claimantId, members.keptOn(id, note));
}
