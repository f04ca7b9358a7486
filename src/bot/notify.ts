import type { Item } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import type { ItemChange } from '../domain/items.ts';
import type { Outgoing } from './outgoing.ts';
import { answeredAbout, ask } from './prompts.ts';
import { publicPlace, publicText } from './public-view.ts';
import { groups } from './texts/groups.ts';
import { members, type HolderDetails } from './texts/members.ts';
import { officials } from './texts/officials.ts';
import { residents } from './texts/residents.ts';

/**
 * 件件有回音: after a change, who hears what. The actor gets the reply; the submitter, the holder,
 * followers, the community's groups and its officials get what concerns them.
 */
export async function notifyChange(tx: Tx, change: ItemChange, out: Outgoing, fromGroup: boolean): Promise<void> {
  const { item, before, actor } = change;
  const id = item.id;
  const actorId = actor?.id ?? null;
  const tell = (personId: number | null | undefined, text: string) => {
    if (personId != null && personId !== actorId) out.toPersonId(personId, text);
  };
  const tellFollowers = (what: string) => followers(tx, item, what, tell);
  const holder = await holderName(tx, item);
  // Read only when the item is posted again (given back, reopened): the submitter's name is masked in it.
  const shown = async () => {
    const submitter = await tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.submitterId]);
    return { ...item, text: publicText(item, submitter ? [submitter.name] : []) };
  };
  const now = item.updatedAt;

  switch (change.type) {
    case 'claimed': {
      const details = await holderDetails(tx, item, 'claimed');
      if (fromGroup) {
        // The group sees who took it; the contact details go to the claimant privately.
        out.reply(groups.claimedHere(id, holder));
        out.toPersonId(item.claimantId!, details);
      } else {
        out.reply(details);
      }
      tell(item.submitterId, residents.toSubmitterClaimed(item, holder, change.note));
      // "3号我来 明天上午九点过去接您": the resident's answer to the plan goes back to the holder.
      if (change.note && item.submitterId !== actorId) await ask(tx, item.submitterId, 'relay', id, now);
      await tellFollowers('已有人认领办理。');
      out.toGroups(item.communityId, groups.claimed(id, holder), true);
      return;
    }
    case 'assigned': {
      out.reply(officials.assignReply(id, holder));
      // "9号转给李明": handed on by the volunteer who held it, named as the one who did.
      const from = before?.claimantId != null && before.claimantId === actorId ? actor?.name : undefined;
      if (item.claimantId !== null) tell(item.claimantId, await holderDetails(tx, item, 'assigned', from));
      if (before?.claimantId != null && before.claimantId !== item.claimantId) tell(before.claimantId, members.toHolderReassigned(id, holder));
      tell(item.submitterId, residents.toSubmitterAssigned(item, holder));
      await tellFollowers(`已交给 ${holder} 办理。`);
      out.toGroups(item.communityId, groups.assigned(id, holder), true);
      return;
    }
    case 'progress':
      out.reply(members.progressReply(id));
      tell(item.submitterId, residents.toSubmitterProgress(id, actor?.name ?? holder, change.note));
      // "好的 那礼拜三麻烦陈阿姨了 医保卡在电视柜抽屉里": an answer to news goes to whoever sent it.
      if (item.submitterId !== actorId) await ask(tx, item.submitterId, 'relay', id, now);
      // Those whose report was merged into this one were promised its news (residents.toSubmitterMerged).
      await tellFollowers(`有新进展：${change.note}`);
      return;
    case 'done':
      out.reply(members.doneReply(id));
      tell(item.submitterId, residents.toSubmitterDone(id, holder, change.note, item.onBehalfOf));
      // The question the bot now waits for: "满意，谢谢" is understood as a confirmation.
      if (item.submitterId !== actorId) await ask(tx, item.submitterId, 'confirm', id, now);
      await tellFollowers('已办结。');
      out.toGroups(item.communityId, groups.done(id, holder), true);
      return;
    case 'released':
      out.reply(members.releaseReply(id));
      tell(item.submitterId, residents.toSubmitterReleased(id));
      out.toGroups(item.communityId, groups.announceAgain(await shown(), publicPlace(item)), false);
      return;
    case 'confirmed':
      await answeredAbout(tx, 'confirm', id, now);
      // "改成四星吧" within the day puts the score right; "小伙子好 给五星" after a plain "好" gives one.
      if (item.submitterId === actorId) await ask(tx, item.submitterId, 'rerate', id, now);
      out.reply(residents.confirmReply(id));
      tell(item.claimantId, members.toHolderConfirmed(id, change.rating ?? null, change.note));
      out.toGroups(item.communityId, groups.confirmed(id, change.rating ?? null), true);
      return;
    case 'rerated':
      // Asked again: a second correction is understood too.
      await ask(tx, item.submitterId, 'rerate', id, now);
      out.reply(residents.rerateReply(id, change.rating ?? 0));
      tell(item.claimantId, members.toHolderRerated(id, change.rating ?? 0, change.note));
      return;
    case 'rated_low':
    case 'disputed':
      await answeredAbout(tx, 'confirm', id, now);
      out.reply(change.type === 'rated_low' ? residents.lowRatingReply(id) : residents.disputeReply(id));
      tell(item.claimantId, members.toHolderReopened(id, change.note));
      out.toOfficials(item.communityId, officials.unhappy(id, item.text, change.note, change.rating ?? null));
      return;
    case 'withdrawn':
      out.reply(actorId === item.submitterId ? residents.withdrawReply(id) : officials.withdrawForReply(id));
      tell(item.submitterId, residents.toSubmitterWithdrawnForYou(id, change.note));
      tell(before?.claimantId, members.toHolderWithdrawn(id));
      out.toGroups(item.communityId, groups.closed(id, 'withdrawn'), true);
      return;
    case 'rejected':
      out.reply(officials.rejectReply(id));
      tell(item.submitterId, residents.toSubmitterRejected(id, change.note));
      tell(before?.claimantId, members.toHolderRejected(id, change.note));
      await tellFollowers(`未受理：${change.note}`);
      out.toGroups(item.communityId, groups.closed(id, 'rejected'), true);
      return;
    case 'merged': {
      const into = change.into!;
      out.reply(officials.mergeReply(id, into.id, change.turned));
      tell(item.submitterId, residents.toSubmitterMerged(id, into.id));
      out.toGroups(item.communityId, groups.merged(id, into.id), true);
      return;
    }
    case 'reopened':
      out.reply(officials.reopenReply(id, item.status === 'open' ? null : item.assignedUnit ?? ''));
      tell(item.submitterId, residents.toSubmitterReopened(id));
      tell(item.claimantId, members.toHolderReopened(id, change.note));
      if (item.status === 'open') out.toGroups(item.communityId, groups.announceAgain(await shown(), publicPlace(item)), false);
      return;
    case 'supported':
      out.reply(residents.supportReply(id, change.supporters ?? 1));
      return;
    case 'snoozed':
      out.reply(members.snoozeReply(id, Number(change.note)));
      return;
    default:
      return;
  }
}

/**
 * Everyone behind a report besides its submitter: residents who 附议'd it hear "您附议的 #3 …"; the
 * submitters of duplicates merged into it hear about their own item: "您反映的 #5 已合并到 #3，#3 …".
 */
async function followers(tx: Tx, item: Item, what: string, tell: (personId: number, text: string) => void): Promise<void> {
  const rows = await tx.all<{ personId: number }>('SELECT person_id FROM item_supporters WHERE item_id = ? ORDER BY person_id', [item.id]);
  if (rows.length === 0) return;
  // The duplicates of one report: a few, each found by its merged_into_id.
  const merged = await tx.all<{ id: number; submitterId: number }>(
    'SELECT id, submitter_id FROM items WHERE merged_into_id = ? ORDER BY id',
    [item.id],
  );
  const own = new Map(merged.map((m) => [m.submitterId, m.id]));
  for (const { personId } of rows) {
    if (personId === item.submitterId) continue;
    const ownId = own.get(personId);
    tell(personId, ownId !== undefined ? residents.toFollower(ownId, item.id, what) : residents.toSupporter(item.id, what));
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

/** The holder's direct message: the submitter's name, phone and place (SPEC: for those who handle it). */
async function holderDetails(tx: Tx, item: Item, how: HolderDetails['how'], from?: string): Promise<string> {
  const submitter = await tx.get<{ name: string; phone: string | null }>('SELECT name, phone FROM people WHERE id = ?', [item.submitterId]);
  const name = submitter?.name ?? '居民';
  // Registered for a resident: their own phone if it was given, else the one who registered it.
  const [who, phone] = item.onBehalfOf
    ? [members.filedBy(item.onBehalfOf, name), item.onBehalfPhone ?? members.askFiler(item.id, name, submitter?.phone ?? null)]
    : [name, submitter?.phone ?? null];
  return members.holderDetails({ how, item, submitter: who, phone, place: item.place, ...(from ? { from } : {}) });
}
