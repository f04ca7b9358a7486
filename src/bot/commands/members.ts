import { isOfficialOf } from '../../domain/actor.ts';
import { claimItem, completeItem, confirmItem, progressItem, releaseItem, snoozeItem, withdrawItem } from '../../domain/item-actions.ts';
import { getItem } from '../../domain/items.ts';
import { confirmArgs } from '../confirm-args.ts';
import { itemIdsIn } from '../item-id.ts';
import { normalizeText } from '../normalize-text.ts';
import { planBesideClaim } from '../plan-beside-claim.ts';
import { members } from '../texts/members.ts';
import { residents } from '../texts/residents.ts';
import { forTheHolder, passOnCommand } from './pass-on.ts';
import { tell, type Handlers } from './table.ts';

/** What a volunteer does with the items of their community. */
export const memberCommands: Handlers<'claim' | 'progress' | 'done' | 'release' | 'snooze'> = {
  async claim(run, cmd) {
    // "3号 降压药开到了 我晚上给奶奶送过去" from its holder: news of it, not a second claim.
    const item = await getItem(run.tx, cmd.id);
    const news = item.status === 'claimed' && item.claimantId === run.ctx.actor.id ? newsAfterNumber(run.ctx.msg.text) : '';
    if (news) return tell(run, await progressItem(run.tx, run.ctx.actor, cmd.id, news, run.ctx.now));
    return tell(run, await claimItem(run.tx, run.ctx.actor, cmd.id, run.ctx.now, planBesideClaim(run.ctx.msg.text)));
  },
  async progress(run, cmd) {
    // "5号 12月8号之前必须画好禁停线 你跟物业说清楚 周网格": an official's words to the one holding it.
    const item = await getItem(run.tx, cmd.id);
    if (item.status === 'claimed' && item.claimantId !== null && item.claimantId !== run.ctx.actor.id && isOfficialOf(run.ctx.actor, item.communityId)) {
      const holder = await run.tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId]);
      if (holder && forTheHolder(cmd.note, holder.name)) return passOnCommand.tell(run, { type: 'tell', id: cmd.id, note: cmd.note });
    }
    return tell(run, await progressItem(run.tx, run.ctx.actor, cmd.id, cmd.note, run.ctx.now));
  },
  /**
   * 完成 N. "12号修好了" from the submitter of #12 (neither its holder nor an official) means the
   * submitter is satisfied: a confirmation of a done item, or word passed to the holder before.
   */
  async done(run, cmd) {
    const { tx, ctx, out } = run;
    const item = await getItem(tx, cmd.id);
    const bySubmitter = item.submitterId === ctx.actor.id && item.claimantId !== ctx.actor.id && !isOfficialOf(ctx.actor, item.communityId);
    if (bySubmitter && item.status === 'done') {
      const args = confirmArgs(normalizeText(cmd.note), cmd.note);
      const { rating, comment } = args === 'bad_rating' ? { rating: null, comment: cmd.note } : args;
      return tell(run, await confirmItem(tx, ctx.actor, item.id, rating, comment, ctx.now));
    }
    // "5号没事了 可以结了" before anyone took it: solved without help, so it is withdrawn.
    if (bySubmitter && item.status === 'open') return tell(run, await withdrawItem(tx, ctx.actor, item.id, cmd.note, ctx.now));
    if (bySubmitter && item.status === 'claimed') {
      out.reply(residents.fixedBeforeDone(item.id));
      if (item.claimantId !== null) out.toPersonId(item.claimantId, members.submitterSaysFixed(item.id, cmd.note));
      return;
    }
    // "社保卡办好了 完成": the word that said it is done is not part of the note.
    // "忘了点 完成 17": an aside about the command, not about the job.
    const note = cmd.note.replace(/(?<=\S)[\s,，。]+(?:完成|搞定|办结|结了|ok|done)(?:了|啦|吧)?[\s。.!！]*$/iu, '').replace(/^(?:刚才|之前)?(?:忘了|忘记)(?:点|按|发|说)?(?:了)?[\s,，。]*$/u, '');
    const change = await completeItem(tx, ctx.actor, cmd.id, note, ctx.now);
    if (change.type !== 'progress') return tell(run, change);
    // A need that comes back: one round done, told to the resident; it stays with its holder.
    out.reply(members.roundDone(item.id));
    if (item.submitterId !== ctx.actor.id) out.toPersonId(item.submitterId, residents.roundDone(item.id, ctx.person.name, note));
  },
  async release(run, cmd) {
    return tell(run, await releaseItem(run.tx, run.ctx.actor, cmd.id, cmd.reason, run.ctx.now));
  },
  async snooze(run, cmd) {
    return tell(run, await snoozeItem(run.tx, run.ctx.actor, cmd.id, cmd.days, run.ctx.now));
  },
};

/** The words after the item number, when they say more than taking it on ("我来", "认领"). */
function newsAfterNumber(text: string): string {
  const norm = normalizeText(text);
  const at = itemIdsIn(norm)[0];
  const after = at ? text.slice(at.index + at.length).replace(/^[\s,，。:：的]+/u, '').trim() : '';
  return [...after.replace(/[^\u4e00-\u9fa5]/gu, '')].length >= 6 ? after : '';
}
