import type { Tx } from '../db/sql.ts';
import { isOfficialOf, type Actor } from './actor.ts';
import { ConflictError, DomainError } from './errors.ts';
import { applyEvent, getItem, type ItemChange } from './items.ts';
import type { ItemStatus } from './types.ts';

/**
 * The submitter (or its holder, or an official) says a need comes back ("莫给我结了 下个礼拜六还要送的",
 * "3号是长期的 别给结了"): it is marked recurring and, if its holder had just finished it, goes back to them.
 */
export async function keepOnItem(tx: Tx, actor: Actor, id: number, note: string, now: Date): Promise<ItemChange | null> {
  const item = await getItem(tx, id);
  if (item.submitterId !== actor.id && item.claimantId !== actor.id && !isOfficialOf(actor, item.communityId)) throw new DomainError('only_submitter', { id });
  if (!['open', 'claimed', 'done'].includes(item.status)) throw new DomainError('closed', { id, status: item.status as ItemStatus });
  // Once a round is done, a need without end has no deadline (completeItem).
  const deadlineAt = item.status === 'done' ? null : item.deadlineAt;
  const updated = await tx.run('UPDATE items SET recurring = ?, deadline_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?', [true, deadlineAt, now, id, item.version]);
  if (updated !== 1) throw new ConflictError(`item #${id}`);
  const marked = { ...item, recurring: true, deadlineAt, version: item.version + 1, updatedAt: now };
  return item.status === 'done' ? applyEvent(tx, actor, marked, 'reopen', now, { note, skipAuthorize: true }) : null;
}
