import { confirmArgs } from './confirm-args.ts';
import { QUESTION_END, trimFillers } from './fillers.ts';
import { findRating } from './find-rating.ts';
import { readItemId } from './item-id.ts';
import type { AssignTarget, Command } from './parse-command.ts';
import { workingDays } from './working-days.ts';

// Commands as people say them, the item number anywhere: "12号我来", "#12 搞定了", "我来认领12号",
// "12号怎么样了". Every pattern covers the whole message (fillers aside), so "3号楼我来看看",
// "5月12号我来" or "12号我来不了" never read as a claim.

/** What follows an item number when someone asks about it: "12号怎么样了", "#12 有人管吗". */
export const STATUS_TAIL =
  /^(?:的)?(?:现在)?(?:进展|进度|情况|状态|处理|办理|修|办)?(?:得|的)?(?:怎么样|咋样|怎样|如何|到哪(?:一步|儿|里)?|什么情况|啥情况|查询|查一下|有人(?:管|认领|接|处理|跟进)|有没有人(?:管|认领|接|处理)|有消息|有进展|进展|进度|情况|状态|(?:修|办|弄|处理|搞)(?:好|完)?(?:了)?(?:没|没有)|(?:现在)?谁在?(?:管|负责|处理|办|跟)|(?:咋|怎么)(?:还)?没(?:有)?人(?:管|来|修|认领|处理)?|(?:还)?没(?:有)?人(?:管|认领|接|处理)|有人管没|(?:什么|啥)时候(?:能|可以|来)?(?:修|弄|办|处理)?(?:好|完)?|(?:要)?多久|几天能?(?:修|弄|办)?(?:好|完)?)(?:了|啊|呀|呢)*$/u;

const DISPUTE_TAIL =
  /^(?:我)?(?:(?:很|非常|特别)?不满意|重办|有问题|(?:还|都)?没(?:有)?(?:修|弄|办|处理|解决|搞)(?:好|完)?|还没(?:有)?(?:好|来|人来)|根本没|没人来|没有人来|还是(?:老样子|那样|一样|没好|坏的|不行|不亮|漏|堵|有问题)|老样子|又(?:坏|不亮|漏|堵|停|出问题|不行)|不行)/u;
const DISPUTE_WORD = /^(?:我)?(?:(?:很|非常|特别)?不满意|重办)[\s,，。:：]*/u;
const CONFIRM_WORD = /^(?:我)?(?:已)?(?:确认|评价)(?:一下|下)?[\s,，。:：]*/u;
const PRAISE_ONLY = /^(?:[\s,，。.!！]|挺好的?|很好|非常好|真好|不错|好的|谢谢|感谢|辛苦了|修好了|已经修好了|已经好了|满意)*$/u;
const WITHDRAW_TAIL =
  /^(?:我)?(?:要|想)?(?:撤回|撤销|不要了?|不需要了?|不用了?|取消|作废|不办了?|不想要了?|不用(?:弄|修|办|管|来|处理)了?)(?:[\s,，。:：]+([\s\S]*))?$/u;
const RELEASE_TAIL =
  /^(?:我)?(?:放弃|退出|退单|(?:做|来|去|办|弄|干|搞|接|跑)不(?:了|成|过来)?|不(?:做|来|去|办|弄|干|接|管)(?:了)?|没空|没时间|有事)(?:[\s,，。:：]*([\s\S]*))?$/u;
const DONE_PREFIX = '(?:我们?|这边|今天|刚才|刚刚|上午|下午|昨天|晚上|刚|已经?|都|已|也|终于)*';
const DONE_TAIL = new RegExp(
  `^${DONE_PREFIX}(?:完成|办结|办完|办好|做完|做好|修好|修完|弄好|搞定|处理好|处理完(?:毕)?|(?<=已|已经)处理(?!中)|解决|完工|换好|装好|送到|送好|送过去|买好|修复|更换好?|清理(?:干净|完|好)?|清好|打扫干净|ok|done|finished|好)(?:了|啦)?(?:[\\s,，。.;；!！:：]+([\\s\\S]*))?$`,
  'iu',
);
// "12号已经送到老人家里了": what was done, said in one breath; the whole of it is the note.
const DONE_SAID = new RegExp(`^${DONE_PREFIX}(?:送到|送去|送过去|修好|换好|装好|买好|清理干净|打扫干净|联系好)(?:了)?[\\u4e00-\\u9fa5]`, 'u');
const CLAIM_TAIL =
  /^(?:(?:我们?|由我|让我)(?:马上|现在|这就|今天|明天|下午|上午|晚上|一会儿?|待会儿?|等下|周末)?(?:来|去)(?:认领|接单|接|领|负责|办|做|处理|跟进|帮忙完成|帮忙解决|帮忙办|帮忙|帮|包|弄|修|看看|看一下|跑一趟|去一趟|搞定|完成|解决)?|我们?(?:可以|能)?(?:认领|接单|接|领|负责|要|包|可以|能做|能办|能去|去|帮忙|来办|来做)|交给我|给我|归我|认领|接单)(?:一下|吧|了)*(?:[\s,，。;；!！]+([\s\S]*))?$/u;
const SUPPORT_TAIL =
  /^(?:\+1|附议|加一|我也是|我家也是|我们也是|我这也是|我这边也是|我也一样|我家也一样|一样|同样|同问|同上|也是|我也遇到(?:过)?|我家也这样|我也有这个问题|我家也有这个问题|我们楼也是|我们这也是|我们这边也是|我家也有|我们也有|我(?:家|们|们家|们楼)?也有(?:同样的|一样的|这个|这种)(?:问题|情况)|同样的问题|一样的问题)$/u;
const PRIORITY_TAIL = /^(?:优先级?)?(?:设为|设置为|改为|标为|标记为|改成|设成|调为|调成)(紧急|加急|普通|一般|正常)$/u;
const CATEGORY_TAIL = /^(?:分类|类别)(?:改为|设为|改成|设成|为|是|归为)?[\s:：]*/u;
const DEADLINE_TAIL = /^(?:期限|时限|办理期限)(?:改为|设为|改成|设成|为|是)?[\s:：]*/u;
const REOPEN_TAIL = /^(?:重新打开|重开|重新办理)(?:[\s,，。:：]+([\s\S]*))?$/u;
const ASSIGN_TAIL = /^(?:指派|交办|派|交|转|分)给[\s:：]*/u;
const PROGRESS_TAIL = /^(?:的)?(?:进展|进度|更新|跟进)(?:[\s:：,，]+|是)/u;

// What comes between the number and the verb: "12号的事办完了", "12号这个我来".
const TAIL_LEAD = /^(?:的|事情?|活儿?|单子|问题|心愿|这个|这件事|这单|那个|[\s,，])*/u;
// "我的12号怎么样了", "我报的12号到哪了": whose item it is changes nothing.
const OWN_HEAD = /^(?:把|对|我对|关于|我的|我那个|我提的|我报的|我反映的|我许的|我家的)$/u;
// "12号办得很好，谢谢": praise without a rating still confirms.
const PRAISE_TAIL = /^(?:办|修|弄|处理|做|干)得(?:很|挺|非常|特别|真|太)?(?:好|不错|快|及时|棒|漂亮|满意)/u;
const RATE_HEAD = /^(?:给|为)$/u;
const CLAIM_HEAD = /^(?:(?:我们?)?(?:可以|能|想|要)?(?:来|去)?(?:认领|接单|接|领取?|负责|承接|包|来办|来做)(?:了|下|一下)?|我们?来|我们?要)$/u;
const DONE_HEAD = /^(?:我们?)?(?:已经?|都)?(?:完成|办结|办完|搞定|做完|修好|处理完|处理好|弄好|办好)(?:了)?$/u;
const STATUS_HEAD = /^(?:我)?(?:帮我)?(?:想)?(?:查|查查|查一下|查下|查看|查询|看看|看一下|看下|问一下|问问|知道|了解一下)(?:我的|我报的|我提的)?$/u;
const WITHDRAW_HEAD = /^(?:我)?(?:要|想)?(?:撤销|撤回|取消)(?:一下|掉)?(?:我的)?$/u;
const SUPPORT_HEAD = /^(?:同|同上|我也是|我家也是|附议|\+1|加一|跟|我也遇到了?)$/u;
const CONFIRM_HEAD = /^(?:我)?(?:确认|评价)(?:一下|下)?$/u;
const DISPUTE_HEAD = /^(?:我)?(?:对)?(?:不满意|重办)$/u;

const LIST_PHRASE =
  /^(?:(?:(?:还有|有)(?:哪些|什么|啥|没有)?|哪些|什么|啥)(?:可以|可|能|要|需要)?(?:认领|领|接|帮忙|帮)的?(?:事|事情|任务|事项|单子?|心愿|活儿?)?(?:吗|呢|没有)?|(?:现在)?(?:有)?(?:哪些|什么)?(?:待认领|待领取|没人认领)的?(?:事|事情|任务|事项|单子?|心愿)?(?:有哪些|有什么|吗|呢)?)$/u;
const MINE_PHRASE =
  /^我(?:的|认领的|接的|提的|反映的|报的|许的)(?:事|事情|事项|问题|心愿|单子?|任务|那个)?(?:现在)?(?:怎么样|咋样|进展|处理得怎么样|办得怎么样|有进展|有人管|有哪些|都有哪些)(?:了|吗|呢)?$/u;
const SEPARATORS = /^[\s:,.;!，。：；、！]*/u;

/** A command in free word order, or null. `norm` is the normalised text, `raw` as typed (same offsets). */
export function parseFreeOrder(norm: string, raw: string): Command | null {
  let { start, end } = trimFillers(norm);
  let question = false;
  const q = QUESTION_END.exec(norm.slice(start, end));
  if (q) {
    question = true;
    ({ start, end } = trimFillers(norm, start, end - q[0].length));
  }
  const t = norm.slice(start, end);
  if (t === '') return null;
  // Notes and reasons run to the end of the message as typed, thanks and all.
  const fullEnd = norm.replace(/[\s。.!！~～]+$/u, '').length;
  if (LIST_PHRASE.test(t)) return { type: 'list' };
  if (MINE_PHRASE.test(t)) return { type: 'mine' };

  for (let i = 0; i < t.length; i++) {
    if (i > 0 && /[\d#第编号]/u.test(t[i - 1]!)) continue;
    if (!/^(?:#|第|编号|\d|[〇零一二两三四五六七八九十]+号)/u.test(t.slice(i))) continue;
    const m = readItemId(t.slice(i));
    if (!m) continue;
    const after = i + m.length;
    const tailStart = after + (t.slice(after).match(SEPARATORS)?.[0].length ?? 0);
    const tail = t.slice(tailStart);
    const rawTail = raw.slice(start + tailStart, Math.max(fullEnd, start + tailStart));
    const hash = t.slice(i, after).includes('#');
    const cmd = fromParts(t.slice(0, i).trim(), m.id, tail, rawTail, question, hash);
    if (cmd) return cmd;
  }
  return null;
}

function fromParts(head: string, id: number, fullTail: string, fullRawTail: string, question: boolean, hash: boolean): Command | null {
  const lead = TAIL_LEAD.exec(fullTail)![0].length;
  const tail = fullTail.slice(lead);
  const rawTail = fullRawTail.slice(lead);
  if (head === '' || OWN_HEAD.test(head)) return fromTail(id, tail, rawTail, question, hash);
  if (RATE_HEAD.test(head) && findRating(tail)?.index === 0) return confirm(id, tail, rawTail);
  const headRating = findRating(head);
  if (headRating && headRating.index === 0 && headRating.length === head.length && tail === '') return confirm(id, head, head);
  if (CONFIRM_HEAD.test(head)) return confirm(id, tail, rawTail);
  if (DISPUTE_HEAD.test(head)) return { type: 'dispute', id, reason: rawTail.trim() };
  if (STATUS_HEAD.test(head) && (tail === '' || STATUS_TAIL.test(tail))) return { type: 'status', id };
  if (tail !== '') return null;
  if (CLAIM_HEAD.test(head)) return { type: 'claim', id };
  if (DONE_HEAD.test(head)) return question ? { type: 'status', id } : { type: 'done', id, note: '' };
  if (WITHDRAW_HEAD.test(head)) return { type: 'withdraw', id, reason: '' };
  if (SUPPORT_HEAD.test(head)) return { type: 'support', id };
  return null;
}

function fromTail(id: number, tail: string, rawTail: string, question: boolean, hash: boolean): Command | null {
  // "#12" or "12号？" alone: what about it?
  if (tail === '') return hash || question ? { type: 'status', id } : null;
  if (STATUS_TAIL.test(tail)) return { type: 'status', id };
  // "12号完成了吗？", "12号有人接吗" ask; they do not tell.
  if (question && (DONE_TAIL.test(tail) || CLAIM_TAIL.test(tail) || DISPUTE_TAIL.test(tail))) return { type: 'status', id };
  if (DISPUTE_TAIL.test(tail)) {
    const word = DISPUTE_WORD.exec(tail);
    return { type: 'dispute', id, reason: (word ? rawTail.slice(word[0].length) : rawTail).trim() };
  }
  const confirmWord = CONFIRM_WORD.exec(tail);
  if (confirmWord) return confirm(id, tail.slice(confirmWord[0].length), rawTail.slice(confirmWord[0].length));
  const rating = findRating(tail);
  if (rating && (rating.index === 0 || PRAISE_ONLY.test(tail.slice(0, rating.index)))) return confirm(id, tail, rawTail);
  let m = WITHDRAW_TAIL.exec(tail);
  if (m) return { type: 'withdraw', id, reason: noteAt(rawTail, tail, m[1]) };
  m = RELEASE_TAIL.exec(tail);
  if (m) return { type: 'release', id, reason: noteAt(rawTail, tail, m[1]) };
  m = DONE_TAIL.exec(tail);
  if (m) return { type: 'done', id, note: noteAt(rawTail, tail, m[1]) };
  if (DONE_SAID.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  if (PRAISE_TAIL.test(tail)) return { type: 'confirm', id, rating: null, comment: rawTail.trim() };
  m = CLAIM_TAIL.exec(tail);
  if (m) {
    // "12号我去了，修好了" tells that it is done, not that they will do it.
    const done = m[1] ? DONE_TAIL.exec(m[1]) : null;
    if (done) return { type: 'done', id, note: noteAt(rawTail, tail, done[1]) };
    return { type: 'claim', id };
  }
  if (SUPPORT_TAIL.test(tail)) return { type: 'support', id };
  return officialTail(id, tail, rawTail) ?? progressTail(id, tail, rawTail);
}

/** "12号设为紧急", "12号分类改为环境卫生", "12号期限3天", "12号重新打开", "12号交给物业". */
function officialTail(id: number, tail: string, rawTail: string): Command | null {
  const priority = PRIORITY_TAIL.exec(tail);
  if (priority) return { type: 'priority', id, priority: /紧急|加急/u.test(priority[1]!) ? 'urgent' : 'normal' };
  let m = CATEGORY_TAIL.exec(tail);
  if (m && m[0] !== '') {
    const category = rawTail.slice(m[0].length).trim();
    return category ? { type: 'category', id, category } : { type: 'invalid', command: 'category', problem: 'missing_category' };
  }
  m = DEADLINE_TAIL.exec(tail);
  if (m && m[0] !== '') {
    const days = workingDays(tail.slice(m[0].length));
    return days !== null && days >= 1 && days <= 60 ? { type: 'deadline', id, workingDays: days } : { type: 'invalid', command: 'deadline', problem: 'bad_deadline' };
  }
  m = REOPEN_TAIL.exec(tail);
  if (m) return { type: 'reopen', id, reason: noteAt(rawTail, tail, m[1]) };
  m = ASSIGN_TAIL.exec(tail);
  if (m) {
    const who = rawTail.slice(m[0].length).trim();
    if (who === '') return null;
    const target: AssignTarget = /^[@＠]/u.test(who) ? { kind: 'person', name: who.slice(1).trim() } : { kind: 'unit', name: who };
    return { type: 'assign', id, target };
  }
  return null;
}

function progressTail(id: number, tail: string, rawTail: string): Command | null {
  const p = PROGRESS_TAIL.exec(tail);
  if (p) return { type: 'progress', id, note: rawTail.slice(p[0].length).trim() };
  return null;
}

function confirm(id: number, norm: string, raw: string): Command {
  const args = confirmArgs(norm, raw);
  if (args === 'bad_rating') return { type: 'invalid', command: 'confirm', problem: 'bad_rating' };
  return { type: 'confirm', id, ...args };
}

/** The note that follows a verb, cut from the text as typed (`tail` is a prefix of `rawTail`). */
function noteAt(rawTail: string, tail: string, group: string | undefined): string {
  if (!group) return '';
  return rawTail.slice(tail.length - group.length).trim();
}
