import type { Tx } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import { isOfficialOf, type Actor } from '../domain/actor.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

/**
 * The one item in a message's words that its sender is working on: they hold it, or they are an
 * official of its community and someone holds it ("8号 已经上门调解了 两家说好了"). Such words are
 * news of it, not a new wish. Null when none or several.
 */
export async function itemWorkedOn(tx: Tx, actor: Actor, personId: number, text: string): Promise<number | null> {
  const ids = [...new Set(itemIdsIn(normalizeText(text)).map((m) => m.id))].slice(0, 5);
  if (ids.length === 0) return null;
  const rows = await tx.all<{ id: number; communityId: number; claimantId: number | null }>(
    `SELECT id, community_id, claimant_id FROM items WHERE id IN ${inList(ids.length)} AND status = 'claimed'`,
    ids,
  );
  const mine = rows.filter((r) => r.claimantId === personId || isOfficialOf(actor, r.communityId));
  return mine.length === 1 ? mine[0]!.id : null;
}
