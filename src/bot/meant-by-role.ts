import type { Tx } from '../db/sql.ts';
import { isMemberOf, isOfficialOf } from '../domain/actor.ts';
import type { Runnable } from './commands/table.ts';
import type { MessageContext } from './context.ts';
import { memberCalled } from './member-called.ts';
import { stripMentions } from './strip-mentions.ts';
import { FILED_BY_MISTAKE } from './parse-phrases.ts';
import { isPlanNotDone } from './plan-not-done.ts';

// "完成 9 下午送到的": the command word itself says it is done.
const SOLVED_OTHERWISE = /(?:儿子|女儿|孙子|家里人|家属|自己|自行|物业|邻居)[^。]{0,8}(?:修好|弄好|解决|办好|换好|买好)|不需要了|用不着了/u;
const EXPLICIT_DONE = /^(?:完成|办结|done|finish)/iu;

// What a holder asks the resident: where, when they are in, how to reach them.
const OWN_STATUS = /(?:怎么样|咋样|进展|进度|到哪|期限|什么时候到期|几号到期|还剩几天)/u;
const ASKS_RESIDENT = /叫啥|有没有|几点(?:的|钟)?(?:号|去|到|走|出发|在家|方便)?(?:啊|呀|呢)?|礼拜几|星期几|[^，。\s]没$|问下|问一下|问问|几点在家|啥时候在家|什么时候在家|几号楼|几栋|哪栋|住哪|几楼|几单元|门牌|地址|在家吗|家里有人|有人没|有人吗|方便吗|几点方便|电话多少|没写地方|没写地址/u;

/** What a command means from this sender: itself, another command, or taking back a completion. */
export type Meant = Runnable | { type: 'take_back'; id: number };

/**
 * Words that are one role's command mean something else from another (issue 12, trials 19–21):
 * from the holder, "5号还没修好 先别算完成" (a dispute) takes back the completion, "9号今天之内弄好"
 * (a deadline) is a promise told as progress, "15号还是交给物业吧 我不弄了" (a hand-over) gives it
 * back; from the submitter or a bystander, "进度 13" asks how it goes. Officials' words stand, but
 * their news of an item nobody took yet goes to its resident.
 */
export async function meantByRole(tx: Tx, ctx: MessageContext, cmd: Runnable): Promise<Meant> {
  // "3号…是不是应该设个期限？怎么设": an official asking the bot how, not news for the resident.
  if ((cmd.type === 'tell' || cmd.type === 'progress' || cmd.type === 'status') && [...ctx.actor.roles.values()].includes('official') && /(?:怎么|咋|如何)(?:设|弄|操作|改|用)(?:$|[?？吗呢啊呀]|$)|是不是(?:应该|要)设/u.test(ctx.msg.text)) return { type: 'help' };
  if (cmd.type !== 'done' && cmd.type !== 'dispute' && cmd.type !== 'deadline' && cmd.type !== 'assign' && cmd.type !== 'progress' && cmd.type !== 'status' && cmd.type !== 'reject' && cmd.type !== 'withdraw' && cmd.type !== 'release' && cmd.type !== 'reopen' && cmd.type !== 'claim') return cmd;
  const row = await tx.get<{ claimantId: number | null; submitterId: number; communityId: number; status: string; assignedUnit: string | null }>(
    'SELECT claimant_id, submitter_id, community_id, status, assigned_unit FROM items WHERE id = ?',
    [cmd.id],
  );
  if (!row) return cmd;
  // "收到 9号 下午三点前送到" from whoever handles it: when it will be done is news, not a completion.
  if (cmd.type === 'done' && row.status === 'claimed' && (row.claimantId === ctx.actor.id || isOfficialOf(ctx.actor, row.communityId)) && !EXPLICIT_DONE.test(stripMentions(ctx.msg.text).trim()) && isPlanNotDone(ctx.msg.text)) {
    return { type: 'progress', id: cmd.id, note: stripMentions(ctx.msg.text).trim() };
  }
  // "4号 收到 马上去" from its holder: on the way, told to the resident, not a second claim.
  if (cmd.type === 'claim') return row.claimantId === ctx.actor.id && row.status === 'claimed' && /马上|这就|现在|下午|晚上|明天|去|到/u.test(ctx.msg.text) ? { type: 'progress', id: cmd.id, note: stripMentions(ctx.msg.text).replace(/^#?\s*\d{1,9}\s*号?\s*[,，:：]?\s*/u, '').trim() } : cmd;
  // "6号是误操作撤回的，重新打开": a withdrawn item comes back by being restored.
  if (cmd.type === 'reopen') return row.status === 'withdrawn' ? { type: 'restore', id: cmd.id } : cmd;
  // "24号是误报": an official takes back what someone else filed by rejecting it. (Other words of an
  // official's "撤回 N", "帮她把3号撤掉吧", withdraw it for the resident, who is told.)
  if (cmd.type === 'withdraw' && cmd.reason === FILED_BY_MISTAKE && isOfficialOf(ctx.actor, row.communityId) && row.submitterId !== ctx.actor.id) return { type: 'reject', id: cmd.id, reason: cmd.reason };
  // "14号狗的事我们管不了 这个我不接 退回去吧" from the unit it was given to (物业 with an official's
  // code): handed back to the office, not refused.
  const unitGivesBack = row.assignedUnit !== null && row.status === 'claimed' && /我们管不了|我不接|我们不接|不归我们|不是我们的|我们不管/u.test(ctx.msg.text);
  if ((cmd.type === 'release' || cmd.type === 'reject') && unitGivesBack) return { type: 'release', id: cmd.id, reason: 'reason' in cmd ? cmd.reason : '' };
  // "…归交警管，我们社区管不了，退回去吧" from an official who does not hold it: a rejection.
  if (cmd.type === 'release') return isOfficialOf(ctx.actor, row.communityId) && row.claimantId !== ctx.actor.id ? { type: 'reject', id: cmd.id, reason: cmd.reason.replace(/[\s,，。]*(?:还是)?(?:退回去|退了|放回去)(?:吧|了)?[\s,，。]*/u, '，').replace(/^，|，$/gu, '') } : cmd;
  // "2号老伯儿子已自行修好，我就不去了，此单请撤销" from its holder: only the resident (or the office)
  // withdraws; the news goes to the resident, who may say "不用了".
  const cancelAsked = cmd.type === 'withdraw' || (cmd.type === 'done' && /撤销|撤回|撤了|撤掉|不去了|取消/u.test(ctx.msg.text));
  if (cancelAsked && row.claimantId === ctx.actor.id && row.submitterId !== ctx.actor.id && row.status === 'claimed' && SOLVED_OTHERWISE.test(ctx.msg.text)) {
    return { type: 'tell', id: cmd.id, note: stripMentions(ctx.msg.text).replace(/^(?:收到|好的)[。，,\s]*/u, '').replace(/#?\d{1,6}\s*号\s*/u, '').trim() };
  }
  // "取消 3号我不搞了 放弃" from the volunteer holding it: giving it back, not withdrawing the request.
  if (cmd.type === 'withdraw' && row.claimantId === ctx.actor.id && row.submitterId !== ctx.actor.id && row.status === 'claimed') return { type: 'release', id: cmd.id, reason: cmd.reason };
  // "17号不归我们 井盖是市政的 退回" from the official holding it: given back to the office, not refused.
  if (cmd.type === 'reject' && row.claimantId === ctx.actor.id && row.status === 'claimed' && /退回|不归我们|不是我们/u.test(ctx.msg.text) && !/驳回|不予受理/u.test(ctx.msg.text)) return { type: 'release', id: cmd.id, reason: cmd.reason };
  if (cmd.type === 'withdraw' || (cmd.type === 'reject' && isOfficialOf(ctx.actor, row.communityId))) return cmd;
  // "刚才说错了 17号还没修完 先别算完成" from the official who closed it: taken back.
  if (cmd.type === 'dispute' && row.status === 'done' && row.claimantId === ctx.actor.id && row.submitterId !== ctx.actor.id) return { type: 'take_back', id: cmd.id };
  // "8号我已经联系上电梯维保了，十分钟内到" from an official, before anyone took it: for the resident.
  if (isOfficialOf(ctx.actor, row.communityId)) {
    if (cmd.type === 'progress' && row.status === 'open') return { type: 'tell', id: cmd.id, note: cmd.note };
    // "提醒一下蓝天宇 12号抓紧": words for the holder (pass-on.ts), not news for the resident.
    if (cmd.type === 'progress' && row.claimantId !== ctx.actor.id && /提醒|催|抓紧/u.test(ctx.msg.text)) return { type: 'tell', id: cmd.id, note: stripMentions(ctx.msg.text).trim() };
    return cmd;
  }
  // (release is handled below the role check: an official who does not hold it rejects it.)
  const holder = row.claimantId === ctx.actor.id;
  const words = stripMentions(ctx.msg.text).trim();
  const note = words.replace(/^#?\s*\d{1,9}\s*号?\s*[,，:：]?\s*/u, '');
  // "5号这周的菜我替蒙哥送到了": a member working alongside the holder (or for the unit it was given
  // to) is heard by them rather than refused.
  const helper = !holder && row.submitterId !== ctx.actor.id && row.status === 'claimed' && isMemberOf(ctx.actor, row.communityId);
  if (cmd.type === 'done') return helper ? { type: 'tell', id: cmd.id, note: note || words } : cmd;
  switch (cmd.type) {
    // "14号是几号楼的？没写地方", "16 问下住几号楼几楼": the holder asks its resident.
    case 'status':
      // "1号 孩子几点放学？在哪个学校": a holder's question is for the resident, not about the status
      // of what they hold themselves.
      return holder && row.status === 'claimed' && (ASKS_RESIDENT.test(note) || (/[?？吗呢呀]/u.test(note) && !OWN_STATUS.test(note))) ? { type: 'tell', id: cmd.id, note } : cmd;
    // "18号咋又驳回了…我家是初中生啊" from its resident: an objection, for the officials.
    case 'reject':
      return row.submitterId === ctx.actor.id ? { type: 'tell', id: cmd.id, note } : cmd;
    case 'dispute':
      // "9号尚未完成 是计划下午三点前送达" while it is still in hand: news of it.
      if (holder && row.status === 'claimed') return { type: 'progress', id: cmd.id, note };
      return holder && row.status === 'done' && row.submitterId !== ctx.actor.id ? { type: 'take_back', id: cmd.id } : cmd;
    case 'deadline':
      return holder ? { type: 'progress', id: cmd.id, note: words.replace(/^#?\s*\d{1,9}\s*号?\s*[,，:：]?\s*/u, '') } : cmd;
    case 'assign': {
      // "9号转给王思远": the holder hands it to another member; "交给物业吧 我不弄了" gives it back.
      if (!holder) return cmd;
      const to = await memberCalled(tx, row.communityId, cmd.target.name);
      return to && to.id !== ctx.actor.id ? cmd : { type: 'release', id: cmd.id, reason: words };
    }
    case 'progress': {
      const asks = cmd.note.trim() === '' || /不是新|是问|问一下|怎么样|咋样|如何|进展|进度|[?？吗]/u.test(cmd.note);
      // "1号物业没给弄好，还是臭" from its resident: words for whoever handles it.
      if (!holder && row.submitterId === ctx.actor.id && !asks && row.status === 'claimed') return { type: 'tell', id: cmd.id, note: cmd.note };
      const asking = !holder && (row.submitterId === ctx.actor.id || asks);
      if (helper && !asks) return { type: 'tell', id: cmd.id, note: cmd.note };
      // "1号 问下阿婆要买些啥菜": the holder's question for the resident, whose answer comes back.
      if (holder && row.status === 'claimed' && ASKS_RESIDENT.test(cmd.note) && /啥|什么|哪|几|吗|没|[?？]|问下|问一下|问问/u.test(cmd.note)) return { type: 'tell', id: cmd.id, note: cmd.note };
      return asking ? { type: 'status', id: cmd.id } : cmd;
    }
  }
}
