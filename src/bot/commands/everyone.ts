import { highestRole, isOfficialOf } from '../../domain/actor.ts';
import { joinWithInvite } from '../../domain/invites.ts';
import { confirmItem, disputeItem, rerateItem, restoreItem, supportItem, withdrawItem } from '../../domain/item-actions.ts';
import { getItem } from '../../domain/items.ts';
import { fileRecurrence, reopenBySubmitter } from '../after-confirmation.ts';
import { detectEmergency } from '../detect-emergency.ts';
import { startDialogue } from '../dialogue.ts';
import { extractPhone } from '../extract-phone.ts';
import { extractPlace } from '../extract-place.ts';
import { describeItem, describeMine, describeOpen, describeWorking } from '../queries.ts';
import { answerRevisit } from '../revisit-answer.ts';
import { submitItem } from '../submit-item.ts';
import { everyone, KIND_NAMES } from '../texts/common.ts';
import { setKind, setPlace, setText } from '../../domain/item-settings.ts';
import { groups } from '../texts/groups.ts';
import { members } from '../texts/members.ts';
import { residents } from '../texts/residents.ts';
import { afterConfirmation } from '../understand-reply.ts';
import { communitiesInView, communityForNewItem } from './scope.ts';
import { passOnCommand } from './pass-on.ts';
import { tell, type Handlers } from './table.ts';
import { stripMentions } from '../strip-mentions.ts';
import { keepOn } from '../keep-on.ts';

type Everyone = 'help' | 'wish' | 'report' | 'confirm' | 'dispute' | 'withdraw' | 'restore' | 'support' | 'status' | 'mine' | 'list' | 'working' | 'join' | 'thanks' | 'answer' | 'kind' | 'place' | 'content' | 'keep_on';

/** What anyone may do: raise, follow, confirm or dispute their own items, look things up, join. */
export const everyoneCommands: Handlers<Everyone> = {
  async help({ tx, ctx, out }, cmd) {
    if (cmd.topic === 'rate') {
      const waiting = await tx.all<{ id: number; text: string }>(
        "SELECT id, text FROM items WHERE submitter_id = ? AND status = 'done' ORDER BY id DESC LIMIT 5",
        [ctx.person.id],
      );
      return out.reply(everyone.howToRate(waiting));
    }
    if (cmd.topic === 'join' && highestRole(ctx.actor) === 'resident') return out.reply(everyone.howToJoin);
    if (cmd.topic === 'who') return out.reply(everyone.whoAmI);
    if (cmd.topic === 'photo') return out.reply(residents.howToSendPhoto);
    out.reply(everyone.help(highestRole(ctx.actor)));
  },
  /** 心愿 内容: straight to the ledger when the community is known (the receipt may ask for a phone). */
  async wish(run, cmd) {
    const communityId = await communityForNewItem(run);
    if (communityId === null) return startDialogue(run.tx, run.ctx, { kind: 'wish', text: cmd.text }, run.out, run.deps);
    // "心愿 我家老人摔倒了" is no wish: an emergency with someone to call is a report.
    const emergency = detectEmergency(cmd.text);
    const kind = emergency && emergency.hotlines.length > 0 ? 'report' : 'wish';
    const { location, photos } = run.ctx.msg;
    await submitItem(
      run.tx,
      run.ctx,
      {
        kind,
        text: cmd.text,
        communityId,
        place: location?.label ?? extractPlace(cmd.text, { addressOnly: kind === 'wish' }),
        latitude: location?.latitude ?? null,
        longitude: location?.longitude ?? null,
        photos,
        phone: extractPhone(cmd.text)?.number ?? null,
        emergency,
      },
      run.out,
      run.deps,
    );
  },
  async report(run, cmd) {
    await communityForNewItem(run);
    return startDialogue(run.tx, run.ctx, { kind: 'report', text: cmd.text }, run.out, run.deps);
  },
  async confirm(run, cmd) {
    const { tx, ctx } = run;
    // "back home了 猫咪胖了一圈 thanks 赵姐 5 stars" before the holder said it is done: the words go
    // to whoever handles it, and the score waits for the done notice (a confirmation needs it done).
    const item = await getItem(tx, cmd.id);
    if (item.status === 'claimed' && item.submitterId === ctx.actor.id) {
      const said = stripMentions(ctx.msg.text).trim();
      await passOnCommand.tell(run, { type: 'tell', id: item.id, note: said });
      run.out.reply(residents.rateWhenDone(item.id));
      return;
    }
    // "确认 3 4" again after confirming: the score put right, not "已确认，不能再操作".
    if (item.status === 'confirmed' && item.submitterId === ctx.actor.id && cmd.rating !== null) {
      return tell(run, await rerateItem(tx, ctx.actor, cmd.id, cmd.rating, cmd.comment, ctx.now));
    }
    return tell(run, await confirmItem(tx, ctx.actor, cmd.id, cmd.rating, cmd.comment, ctx.now));
  },
  /**
   * 不满意 N 原因. After confirmation there is still a way on: "还是不亮" reopens the item, "又坏了"
   * files a new report linked to it (never "#3 已确认，不能再操作").
   */
  async dispute(run, cmd) {
    const { tx, ctx, out, deps } = run;
    const item = await getItem(tx, cmd.id);
    if (item.status === 'confirmed' && item.submitterId === ctx.actor.id) {
      if (afterConfirmation(cmd.reason) === 'new_report') return fileRecurrence(tx, ctx, item.id, cmd.reason, out, deps);
      return reopenBySubmitter(tx, ctx, item.id, cmd.reason, out);
    }
    // "3号没修好 又堵上了" while it is being worked on: the holder hears it (there is nothing to confirm yet).
    if (item.status === 'claimed' && item.submitterId === ctx.actor.id && cmd.reason) return passOnCommand.tell(run, { type: 'tell', id: item.id, note: cmd.reason });
    // "不满意5 还在响" from a neighbour, not the one who raised it: the officials hear it.
    if (item.submitterId !== ctx.actor.id && item.claimantId !== ctx.actor.id && !isOfficialOf(ctx.actor, item.communityId) && cmd.reason) {
      return passOnCommand.tell(run, { type: 'tell', id: item.id, note: cmd.reason });
    }
    return tell(run, await disputeItem(tx, ctx.actor, cmd.id, cmd.reason, ctx.now));
  },
  /** Wish or report put right: the one who asked hears it, and so do the holder and the submitter. */
  async kind({ tx, ctx, out, deps }, cmd) {
    const { item } = await setKind(tx, ctx.actor, cmd.id, cmd.kind, deps.settings.categories, ctx.now);
    const name = KIND_NAMES[cmd.kind];
    out.reply(everyone.kindChanged(item.id, name));
    if (item.claimantId !== null && item.claimantId !== ctx.person.id) out.toPersonId(item.claimantId, members.kindChanged(item.id, name));
    if (item.submitterId !== ctx.person.id) out.toPersonId(item.submitterId, residents.kindChangedByOffice(item.id, name));
  },
  /** The place put right; a group hears that it was, not where (it may be a home). */
  async place({ tx, ctx, out }, cmd) {
    const { item } = await setPlace(tx, ctx.actor, cmd.id, cmd.place, ctx.now);
    out.reply(ctx.msg.conversationType === 'group' ? everyone.placeChangedHere(item.id) : everyone.placeChanged(item.id, cmd.place));
    if (item.claimantId !== null && item.claimantId !== ctx.person.id) out.toPersonId(item.claimantId, members.placeChanged(item.id, cmd.place));
    if (item.submitterId !== ctx.person.id) out.toPersonId(item.submitterId, everyone.placeChanged(item.id, cmd.place));
  },
  async content({ tx, ctx, out }, cmd) {
    const { item } = await setText(tx, ctx.actor, cmd.id, cmd.text, ctx.now);
    out.reply(ctx.msg.conversationType === 'group' ? everyone.contentChangedHere(item.id) : everyone.contentChanged(item.id, cmd.text));
    if (item.claimantId !== null && item.claimantId !== ctx.person.id) out.toPersonId(item.claimantId, members.contentChanged(item.id, cmd.text));
  },
  /** A withdrawal put right: the one who asked hears it, and the volunteer it goes back to. */
  async restore({ tx, ctx, out }, cmd) {
    const { item } = await restoreItem(tx, ctx.actor, cmd.id, ctx.now);
    out.reply(everyone.restored(item.id));
    if (item.claimantId !== null && item.claimantId !== ctx.person.id) out.toPersonId(item.claimantId, members.restored(item.id));
    if (item.submitterId !== ctx.person.id) out.toPersonId(item.submitterId, everyone.restored(item.id));
    out.toGroups(item.communityId, groups.restored(item.id, item.status === 'open'), true);
  },
  async keep_on({ tx, ctx, out }, cmd) {
    return keepOn(tx, ctx, cmd.id, cmd.note, out);
  },
  async withdraw(run, cmd) {
    return tell(run, await withdrawItem(run.tx, run.ctx.actor, cmd.id, cmd.reason, run.ctx.now));
  },
  async support(run, cmd) {
    return tell(run, await supportItem(run.tx, run.ctx.actor, cmd.id, run.ctx.now));
  },
  async status({ tx, ctx, out, deps, inGroup }, cmd) {
    out.reply(await describeItem(tx, ctx.actor, cmd.id, inGroup, deps));
  },
  async mine({ tx, ctx, out }) {
    out.reply((await describeMine(tx, ctx.actor, ctx.now)) ?? residents.nothingMine);
  },
  async list(run) {
    run.out.reply((await describeOpen(run.tx, await communitiesInView(run))) ?? members.nothingOpen);
  },
  /** 在办: an official's communities' items under way; anyone else's own. */
  async working(run, cmd) {
    const { tx, ctx, out, deps } = run;
    const communities = await communitiesInView(run);
    const list = await describeWorking(tx, ctx.actor, communities, ctx.now, deps, cmd.holder);
    // "请把尚未办结的事项列表报我": what nobody has taken yet is unfinished too.
    const open = list !== null && !cmd.holder && /未办结|没(?:有)?办(?:完|结|好)|尚未/u.test(ctx.msg.text) ? await describeOpen(tx, communities) : null;
    out.reply(open ? `${list}\n\n${open}` : (list ?? (await describeMine(tx, ctx.actor, ctx.now)) ?? residents.nothingMine));
  },
  async join({ tx, ctx, out }, cmd) {
    const { community, role } = await joinWithInvite(tx, ctx.person, cmd.code, ctx.now);
    out.reply(members.joinReply(community.name, role));
  },
  async thanks({ out }) {
    out.reply(everyone.thanks);
  },
  async answer({ tx, ctx, out }, cmd) {
    return answerRevisit(tx, ctx, cmd, out);
  },
};
