import type { Item } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import type { ItemChange } from '../domain/items.ts';
import { maskContact } from '../core/mask.ts';
import type { Outgoing } from './outgoing.ts';
import { texts } from './texts.ts';

/**
 * 件件有回音: after a change, who hears what. The actor gets the reply; the submitter, the
 * claimant, followers, the community's groups and its officials get what concerns them.
 */
export async function notifyChange(tx: Tx, change: ItemChange, out: Outgoing, fromGroup: boolean): Promise<void> {
  const { item, before, actor } = change;
  const id = item.id;
  const actorId = actor?.id ?? null;
  const tell = (personId: number | null | undefined, text: string) => {
    if (personId != null && personId !== actorId) out.toPersonId(personId, text);
  };
  const tellFollowers = async (what: string) => {
    const followers = await tx.all<{ personId: number }>(
      'SELECT person_id FROM item_supporters WHERE item_id = ? ORDER BY person_id',
      [id],
    );
    for (const f of followers) if (f.personId !== item.submitterId) tell(f.personId, texts.toSupporter(id, what));
  };
  const holder = await holderName(tx, item);

  switch (change.type) {
    case 'claimed': {
      const details = await claimDetails(tx, item);
      if (fromGroup) {
        // The group sees who took it; the contact details go to the claimant privately.
        out.reply(texts.claimedReply(item));
        out.toPersonId(item.claimantId!, details);
      } else {
        out.reply(details);
      }
      tell(item.submitterId, texts.toSubmitterClaimed(item, holder));
      await tellFollowers('已有人认领办理。');
      out.toGroups(item.communityId, texts.groupClaimed(id, holder), true);
      return;
    }
    case 'assigned': {
      out.reply(texts.assignReply(id, holder));
      if (item.claimantId !== null) tell(item.claimantId, `${texts.toClaimantAssigned(item)}\n${await claimDetails(tx, item)}`);
      if (before?.claimantId != null && before.claimantId !== item.claimantId) {
        tell(before.claimantId, texts.toClaimantReleasedByOfficial(id));
      }
      tell(item.submitterId, texts.toSubmitterAssigned(item, holder));
      await tellFollowers(`已交由 ${holder} 办理。`);
      out.toGroups(item.communityId, texts.groupClaimed(id, holder), true);
      return;
    }
    case 'progress':
      out.reply(texts.progressReply(id));
      tell(item.submitterId, texts.toSubmitterProgress(id, actor?.name ?? holder, change.note));
      return;
    case 'done':
      out.reply(texts.doneReply(id));
      tell(item.submitterId, texts.toSubmitterDone(id, holder, change.note));
      await tellFollowers('已办结。');
      out.toGroups(item.communityId, texts.groupDone(id, holder), true);
      return;
    case 'released':
      out.reply(texts.releaseReply(id));
      tell(item.submitterId, texts.toSubmitterReleased(id));
      out.toGroups(item.communityId, texts.announceAgain(item, publicPlace(item)), false);
      return;
    case 'confirmed':
      out.reply(texts.confirmReply(id));
      tell(item.claimantId, texts.toClaimantConfirmed(id, change.rating ?? null, change.note));
      out.toGroups(item.communityId, texts.groupConfirmed(id, change.rating ?? null), true);
      return;
    case 'rated_low':
    case 'disputed':
      out.reply(change.type === 'rated_low' ? texts.lowRatingReply(id) : texts.disputeReply(id));
      tell(item.claimantId, texts.toClaimantReopened(id, change.note));
      out.toOfficials(item.communityId, texts.toOfficialsUnhappy(id, item.text, change.note, change.rating ?? null));
      return;
    case 'withdrawn':
      out.reply(texts.withdrawReply(id));
      tell(before?.claimantId, texts.toClaimantWithdrawn(id));
      out.toGroups(item.communityId, texts.groupClosed(id, 'withdrawn'), true);
      return;
    case 'rejected':
      out.reply(texts.rejectReply(id));
      tell(item.submitterId, texts.toSubmitterRejected(id, change.note));
      tell(before?.claimantId, texts.toClaimantRejected(id, change.note));
      await tellFollowers(`未受理：${change.note}`);
      out.toGroups(item.communityId, texts.groupClosed(id, 'rejected'), true);
      return;
    case 'merged': {
      const into = change.into!;
      out.reply(texts.mergeReply(id, into.id));
      tell(item.submitterId, texts.toSubmitterMerged(id, into.id));
      out.toGroups(item.communityId, texts.groupMerged(id, into.id), true);
      return;
    }
    case 'reopened':
      out.reply(texts.reopenReply(id));
      tell(item.submitterId, texts.toSubmitterReopened(id));
      tell(item.claimantId, texts.toClaimantReopened(id, change.note));
      if (item.status === 'open') out.toGroups(item.communityId, texts.announceAgain(item, publicPlace(item)), false);
      return;
    case 'supported':
      out.reply(texts.supportReply(id, change.supporters ?? 1));
      return;
    case 'snoozed':
      out.reply(texts.snoozeReply(id, Number(change.note)));
      return;
    default:
      return;
  }
}

/** Who holds an item: the claimant's name, or the unit it was assigned to. */
export async function holderName(tx: Tx, item: Item): Promise<string> {
  if (item.claimantId !== null) {
    const p = await tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId]);
    if (p) return p.name;
  }
  return item.assignedUnit ?? '社区';
}

/** The place of a report is a public spot; a wish's address is a household's and stays private. */
export function publicPlace(item: Pick<Item, 'kind' | 'place'>): string | null {
  return item.kind === 'report' && item.place ? maskContact(item.place) : null;
}

async function claimDetails(tx: Tx, item: Item): Promise<string> {
  const submitter = await tx.get<{ name: string; phone: string | null }>('SELECT name, phone FROM people WHERE id = ?', [
    item.submitterId,
  ]);
  return texts.claimDetails(item, submitter?.name ?? '居民', submitter?.phone ?? null, item.place);
}
