import { ask } from '../prompts.ts';
import { DomainError } from '../../domain/errors.ts';
import { getItem } from '../../domain/items.ts';
import { isMemberOf, isOfficialOf } from '../../domain/actor.ts';
import { normalizeText } from '../normalize-text.ts';
import { members } from '../texts/members.ts';
import { residents } from '../texts/residents.ts';
import { officials } from '../texts/officials.ts';
import { maskName } from '../../core/mask.ts';
import type { Handlers } from './table.ts';
import { talkAbout } from '../talk-about.ts';

/**
 * 转告 N 话 ("9号麻烦下午或者周末上门", "补充一下 工作日上午家里没人"): the submitter's words reach
 * whoever works on the item, the holder, else the community's officials; the item itself is unchanged.
 */
export const passOnCommand: Handlers<'tell'> = {
  async tell({ tx, ctx, out }, cmd) {
    const item = await getItem(tx, cmd.id);
    // "请转告16号的居民，物业明天上午会来…": an official or the holder, to the resident.
    // "转告 12 蓝天宇同学 …请今天内处理", "提醒一下蓝天宇 12号抓紧": an official's words for the holder.
    if (item.claimantId !== null && item.claimantId !== ctx.actor.id && item.status === 'claimed' && isOfficialOf(ctx.actor, item.communityId)) {
      const holder = (await tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId]))!.name;
      if (forTheHolder(cmd.note, holder)) {
        // "提醒一下蓝天宇 12号抓紧": what is asked of them, without whom and which.
        const asked = cmd.note.replace(/^[\s,，]*(?:提醒|催)(?:一下|下)?/u, '').replace(holder, '').replace(/^[\s,，]*(?:同学|同志|师傅)?[\s,，]*(?:#?\d{1,6}\s*号?)?[\s,，]*/u, '').trim();
        out.toPersonId(item.claimantId, members.officeNudges(item.id, ctx.person.name, asked || '请抓紧办理'));
        out.reply(members.nudgedHolder(item.id, holder));
        return;
      }
    }
    // "7号轮椅的，老赵手巧，也给他吧，这周五前", "7号车库那个现在谁在办": the office's own business,
    // not understood as an order; said back to the official rather than passed to the resident.
    if (item.submitterId !== ctx.actor.id && item.claimantId !== ctx.actor.id && isOfficialOf(ctx.actor, item.communityId) && OFFICE_BUSINESS.test(cmd.note) && !FOR_RESIDENT.test(cmd.note)) {
      out.reply(officials.unread(item.id, cmd.note));
      return;
    }
    if (item.submitterId !== ctx.actor.id && (isOfficialOf(ctx.actor, item.communityId) || item.claimantId === ctx.actor.id)) {
      // The holder by name (the resident knows who comes); an official's words as the community's.
      const who = item.claimantId === ctx.actor.id ? `志愿者${ctx.person.name}` : undefined;
      out.toPersonId(item.submitterId, residents.officeSays(item.id, cmd.note.replace(/^(?:的)?(?:帮我)?(?:问下|问一下|问问)?(?:居民|提出人|住户|业主|阿姨|阿婆|大爷|大妈|奶奶|爷爷|家属|家里人)?[\s,，:：]*/u, ''), who));
      out.reply(residents.toldSubmitter(item.id));
      // "2单元301呀，小伙子明朝中午来好的": the resident's answer goes back the same way.
      await ask(tx, item.submitterId, 'relay', item.id, ctx.now);
      return;
    }
    // "5号这周的菜我替蒙哥送到了", "【工作汇报】4号…已处理完毕" from 物业's member: a member working
    // alongside reports to the holder (or, for a unit's, to the officials), who may mark it done
    // (SPEC: 完成 is the claimant's or an official's).
    if (item.submitterId !== ctx.actor.id && item.status === 'claimed' && isMemberOf(ctx.actor, item.communityId)) {
      const said = members.helperSays(item.id, ctx.person.name, cmd.note, talkAbout(cmd.note).kind === 'done');
      if (item.claimantId !== null) {
        const holder = await tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId]);
        out.toPersonId(item.claimantId, said);
        out.reply(members.toldHolderForHelper(item.id, holder?.name ?? ''));
      } else {
        out.toOfficials(item.communityId, said);
        out.reply(members.toldOfficialsForHelper(item.id, item.assignedUnit ?? '相关单位'));
      }
      return;
    }
    if (item.submitterId !== ctx.actor.id) {
      // "这电梯就是我反映的啊 网格员帮我报的 还在响": a neighbour of the same community (perhaps the one
      // it was filed for) is heard by the officials; the item itself is theirs to change.
      const neighbour = ctx.person.communityId === item.communityId || ctx.group?.communityId === item.communityId || ctx.actor.roles.has(item.communityId);
      if (!neighbour) throw new DomainError('only_submitter', { id: item.id });
      out.toOfficials(item.communityId, members.neighbourSays(item.id, maskName(ctx.person.name), cmd.note));
      out.reply(residents.toldOfficialsForNeighbour(item.id));
      return;
    }
    if (item.claimantId !== null && item.status !== 'withdrawn') {
      out.toPersonId(item.claimantId, members.submitterSays(item.id, cmd.note));
      out.reply(residents.toldHolder(item.id));
      return;
    }
    out.toOfficials(item.communityId, members.submitterSays(item.id, cmd.note));
    // With a unit (物业) or closed, "nobody has taken it yet" would be untrue.
    out.reply(item.assignedUnit ? residents.toldCommunityOfUnit(item.id, item.assignedUnit) : item.status === 'open' ? residents.toldCommunity(item.id) : residents.toldOfficials(item.id));
  },
};

const OFFICE_BUSINESS = /交给|指派|派给|给他吧|也给他|期限|优先|紧急|普通|跟进|牵头|负责|分类|合并|驳回|先放着|放一放|谁在办|哪个在办|到哪一步|撤掉|结掉|关了/u;
const FOR_RESIDENT = /转告|告诉(?:居民|提出人|他|她|阿姨|大爷|奶奶|爷爷)|(?:跟|和)(?:居民|提出人|他|她)(?:说|讲)|居民/u;

/** Words that name the holder ("蓝天宇", "蓝同学", "小蓝") or urge them on ("提醒一下", "抓紧"). */
export function forTheHolder(note: string, holder: string): boolean {
  const said = normalizeText(note);
  const surname = holder[0] ?? '';
  return said.includes(holder) || new RegExp(`^[\\s,，:：]*(?:${surname}(?:同学|同志|师傅|老师|哥|姐)|小${surname})`, 'u').test(said) || /^(?:提醒|催)(?:一下|下)?/u.test(said);
}
