import { findRating } from './find-rating.ts';
import { kindChange } from './kind-change.ts';
import { parseNumber } from './chinese-number.ts';
import type { AssignTarget, Command } from './command-types.ts';
import { assigneeName } from './parse-official-args.ts';
import { DEFAULT_CATEGORIES } from '../domain/types.ts';
import { DEFAULT_SNOOZE_DAYS, MAX_SNOOZE_DAYS, snoozeDays } from './snooze-days.ts';
import { dayRef, workingDays } from './working-days.ts';

// An official's command with the item number first: "12号设为紧急 …", "12号分类改为环境卫生",
// "12号期限3天", "12号重新打开", "12号交给物业", "12号驳回 …", "14号跟13号重复了". `tail` is what
// follows the number (normalised), `rawTail` the same as typed.

const NOTE = '(?:[\\s,，。:：;；]+([\\s\\S]*))?$';
const PRIORITY_TAIL = new RegExp(
  // A verb is needed ("12号紧急" is a resident's cry, not a setting), except after 优先级 and in 加急.
  `^(?:优先级?(?:设为|设置为|改为|标为|标记为|改成|设成|调为|调成|改回|调回|恢复(?:成|为|到)?|为|是|就|设|改|调)?|(?:设为|设置为|改为|标为|标记为|改成|设成|调为|调成|改回|调回|恢复(?:成|为|到)?|升为|升到|升成|升|提为|提到|提升为|提成|定为|定成|定|设|标|为|改)(?:个|成)?)(紧急|加急|普通|一般|正常)(?:处理|办理)?(?:就行|就好|即可)?(?:吧)?${NOTE}|^(加急|加个急)(?:处理|办理)?(?:吧)?${NOTE}`,
  'u',
);
const CATEGORY_TAIL = /^(?:(?:请)?(?:调整|更改)?(?:分类|类别)(?:请|就)?(?:更正为|更改为|改为|设为|改成|设成|调整为|应为|应是|应该是|应该为|应当为|应归为|应该归为|为|是|归为|改)?|分到|分为|归入|归到|归为|划到|划归|划为|归(?=[\u4e00-\u9fa5]{2,6}(?:类)?(?:$|[\s,，。;；])))[\s:：]*/u;
const DEADLINE_TAIL = /^(?:期限|时限|办理期限|限期)(?:就|也|先)?(?:往后|向后)?(?:挪到|推迟到|顺延到|延后到|推后到|推到了|改为|设为|改成|设成|定为|定成|定在|定于|定|延到|延长到|放宽到|推到|放到|改到|给|为|是|改)?[\s:：]*/u;
// "限三天内办完": a time limit, not a report that it is done.
const LIMIT_TAIL = /^(?:限|限期|期限|要|必须|务必)?(\d{1,2}|[一二两三四五六七八九十]{1,3}|明天|后天)(?:个工作日|个?天|日)?(?:之内|以内|内|(?<=明天|后天)(?:之前|前))(?:必须|要|务必)?(?:办完|完成|办结|解决|处理好?|处理完|办好|修好|弄好|搞定|弄完|清完|修完|做完|清干净|清理完|清理干净)?(?:吧)?$/u;
const REOPEN_TAIL = new RegExp(`^(?:请|麻烦)?(?:重新打开|重开|重新办理|重新受理)(?:一下|下)?(?:吧)?${NOTE}`, 'u');
const REJECT_TAIL = new RegExp(`^(?:驳回|退回|不予受理|不受理|驳(?=\\s))(?:吧|了)?${NOTE}`, 'u');
// "…的噪音问题，请驳回，原因写：已转告锦绣社区协调": the reason said after the verb, with its label.
const REJECT_BECAUSE = /(?:请|予以)?(?:驳回|退回)(?:吧)?[\s,，。]*(?:原因|理由)(?:写|是|为|写成|就写)?[:：]\s*(\S[\s\S]*)$/u;
const REJECT_LAST = /^([\s\S]+?)[\s,，。]*(?:先|就)?(?:驳回|退回|不予受理)(?:吧|了)?(?:[\s,，。]*(?:理由|原因)(?:就)?(?:这么|这样|如上)写(?:吧)?)?$/u;
// "不归社区管 退回 燃气灶维修请打燃气公司客服": the verb between two halves of the reason.
const REJECT_MID = /^([\s\S]+?)[\s,，。]+(?:先|就|建议|还是)?(?:驳回|退回)(?:吧|了)?[\s,，。]+([\s\S]+)$/u;
// "张阿姨又说灯不亮了 重新打开 让陈建国再去看看": the verb is a clause of its own, anywhere.
const REOPEN_MID = /^([\s\S]+?)[\s,，。]+(?:还是)?(?:重新打开|重开|重新受理|重新办理)(?:一下|吧)?(?:[\s,，。]+([\s\S]*))?$/u;
// "这个是邻里纠纷 归到矛盾纠纷里": the category last.
const DEADLINE_LATER = /[\s,，。](?:期限|时限|限期)(?:改为|设为|改成|设成|定为|定在|延到|延长到|放宽到|推迟到|挪到|往后挪到|为)?([^\s,，。]{1,12})$/u;
const CATEGORY_LAST = /(?:^|[\s,，。])(?:归到|归入|分到|划到|归为|放到|分类(?:设成|设为|改成|改为|更正为|更改为|是)|(?:算|算是|属于)(?=[\u4e00-\u9fa5]{0,6}(?:设施|卫生|安全|纠纷|其他|类)))([\u4e00-\u9fa5]{2,8}?)(?:类|里|那类|这类|那一类)?(?:吧|了|啊)?$/u;
const ASSIGN_TAIL = /^(?:再|还是|改)?(?:(?:指派|交办|派|交|转|分)给|派(?!人|个人|员)(?=[\u4e00-\u9fa5]{2,4}(?:$|[\s,，。]))|转交给?|改派给?|转派给?|交办|交由|转由|改由|指派|派单给?|给(?!排水|恢复|改|设|标|调|撤|关|结|办|弄|整|加|换|他|她|你|我)(?=[^\s]{2,10}$)|给(?!排水|恢复|改|设|标|调|撤|关|结|办|弄|整|加|换|他|她|你|我)(?=[^\s,，]{2,5}[\s,，])|交(?!警|通|费|钱|了|给我|[\u4e00-\u9fa5]{0,2}费)(?=[\u4e00-\u9fa5]{2,8}(?:$|[\s,，。])))[\s:：]*/u;
// "8号车库道闸交给物业": what it is, then to whom.
const ASSIGN_MID = /^[\u4e00-\u9fa5]{0,8}?(?:的事|那事|这事)?(?:交给|转给|派给|交办给|转交给?|交由|转由|改由)[\s:：]*/u;
// "属于邻里矛盾", "归卫生": the office's everyday names for the default categories.
export const CATEGORY_ALIAS: Record<string, string> = { 邻里矛盾: '矛盾纠纷', 邻里纠纷: '矛盾纠纷', 纠纷: '矛盾纠纷', 卫生: '环境卫生', 环卫: '环境卫生', 设施: '基础设施', 治安: '治安安全', 安全: '治安安全', 养老: '养老助残', 助残: '养老助残' };
const CATEGORY_ALIAS_TAIL = new RegExp(`^(?:属于|算|算是|归|归到|归为)(${Object.keys(CATEGORY_ALIAS).join('|')})(?:问题|类|的事|吧)?$`, 'u');
// "9号 物业", "4号 城管 环卫那边": an official naming the unit, and nothing else.
// "4号 转市政排水", "交城管中队": a unit by its kind of name.
const UNIT_NAMED = /^(?:转|转给|交|交给|派给|转交|报|报给)((?:物业|城管|供电|环卫|自来水|水务|燃气|派出所|市政|房管|街道|电梯|园林|住建|消防|热力|[\u4e00-\u9fa5]{2,4}?(?=公司|所|局|中队|大队))[\u4e00-\u9fa5]{0,6}?(?:公司|中队|大队|所|站|局|处|办|科|队|部门|排水|养护)?)(?:处理|去处理|负责)?(?:吧)?(?=$|[\s,，。;；]|评估|看看|看一下|核实|研究|想办法|解决|去|来)/u;
const UNIT_ONLY = /^(物业(?:公司)?|城管|供电所|供电局|环卫(?:所|站|处)?|自来水公司|水务公司|燃气公司|派出所|市政|房管所|街道)(?:那边|吧|去?处理|来处理)?(?:[\s,，]+[\u4e00-\u9fa5]{1,6}?(?:那边)?)?$/u;
// "21号僵尸车 转派出所": the hand-over to a unit, later in the message.
const UNIT_LATER = /[\s,，。](?:转|交|派|改派|转派)(?:给)?\s*(物业(?:公司)?|城管|供电所|供电局|环卫(?:所|站|处)?|自来水公司|水务公司|燃气公司|派出所|市政|房管所|街道)(?:处理|去处理)?(?:吧)?$/u;
// "限物业两个工作日内清完": the unit and its time limit (the limit is read by parse-commands.ts).
const UNIT_LIMIT = /^(?:限|让|请)(物业(?:公司)?|城管|供电所|供电局|环卫(?:所|站|处)?|自来水公司|水务公司|燃气公司|派出所|市政|房管所|街道)(?=[\d一二两三四五六七八九十]{1,3}(?:个工作日|个?天)|本周|这周|明天|后天)/u;
const CHANGED_TO = new RegExp(`^(?:应该|应|其实|还是)?(?:分类)?(?:改|改成|改为|归|算|放到|放在|放|归到|归入|划到|划归|是|为)(${[...DEFAULT_CATEGORIES, ...Object.keys(CATEGORY_ALIAS)].join('|')})(?:那一类|这一类|那类|类|吧)?(?=$|[\\s,，。;；])`, 'u');
// "2号的紧急撤了", "2号也不是紧急的哈 正常排就行", "取消加急": the urgency taken off.
const URGENCY_OFF = /^(?:的)?(?:也)?(?:(?:紧急|加急)(?:的)?(?:标记|状态)?(?:撤了|撤掉|撤销|撤下|取消|去掉)|(?:撤销|取消|去掉|撤掉)(?:紧急|加急)|不(?:是|算)紧急(?:的)?(?:哈|啊|吧)?(?:[\s,，。]+(?:正常|按普通)[\s\S]{0,6})?$|(?:正常|按普通)排(?:就行|就好|吧)?$)/u;
// "11分类错了 是基础设施不是养老助残": the category said wrong, then the right one.
const CATEGORY_FIXED = new RegExp(`^(?:的)?(?:分类|类别)(?:错了|不对|弄错了|搞错了|选错了|分错了)[\\s,，。]*(?:[\u4e00-\u9fa5]{1,6}?)?(?:应该)?(?:是|为|改成|改为|算|归)?(${[...DEFAULT_CATEGORIES, ...Object.keys(CATEGORY_ALIAS)].join('|')})`, 'u');
const CATEGORY_ONLY = new RegExp(`^(?:${DEFAULT_CATEGORIES.join('|')})$`, 'u');
// "6号 限三个工作日": a limit without 内.
const LIMIT_PLAIN = /^(?:限|限期)(\d{1,2}|[一二两三四五六七八九十]{1,3})(个工作日|个?天|日)(?:之内|以内|内)?(?:办完|完成|办结|解决|处理好?|办好|修好|弄好|搞定)?(?:吧)?$/u;
// "…有触电危险 改成紧急 让周晓红马上过去看看": the priority in a later clause.
const PRIORITY_LATER = /[\s,，。](?:麻烦|请|帮我)?(?:改成|设成|设为|改为|标为|调成)(紧急|加急)(?=$|[\s,，。])/u;
// "装修扰民的 指派给吴敏去协调一下": the hand-over in a later clause.
const ASSIGN_LATER = /[\s,，。](?:再|还是|改)?(?:指派给|交给|派给|转给|交办给)([\u4e00-\u9fa5]{2,6}?)(?:去|来)?(?:处理|协调|办|弄|负责|跟进|调解)?(?:一下)?(?:吧)?(?=$|[\s,，。])/u;
// "跟2号是同一个路灯 合并到2号": the merge in a later clause.
const MERGE_LATER = new RegExp(`(?:^|[\\s,，。])(?:合并到|并到|并入|合到)${'#?\\s*(\\d{1,12}|[〇零一二两三四五六七八九十百]+)\\s*号?'}(?:吧|里)?(?:$|[\\s,，。])`, 'u');
// "这几天先别提醒我了 停五天", "这两天先别催我": reminders paused, said later.
const SNOOZE_LATER = /[\s,，。](?:(?:这几天|这两天)?(?:先)?(?:别|不要|暂停)(?:再)?(?:提醒|催)(?:我)?(?:了)?(?:[\s,，。]+(?:停|暂停)?([^\s,，。]{1,6}))?|提醒(?:先)?(?:停|暂停)([^\s,，。]{1,6}))/u;
const ASSIGN_LET = /^(?:让|麻烦|请(?!问|教)|叫)\s*([^\s,，。:：]{1,20}?)\s*(?:去|来|先)?(?:处理|办理|办|修|弄|做|看看|跑一趟|一趟|调解|看一下|负责|处里|顶(?!灯)|替|接手|盯)/u;
// "没人接 让刘志强去一趟吧": the same, in a later clause.
const ASSIGN_LET_LATER = /[\s,，。](?:让|麻烦|请|叫)\s*([\u4e00-\u9fa5]{2,4}?)\s*(?:去|来)(?:处理|办理|办|修|弄|做|看看|跑一趟|一趟|调解|看一下|负责)(?:一下)?(?:吧)?$/u;
const ID = '#?\\s*(\\d{1,12}|[〇零一二两三四五六七八九十百]+)\\s*号?';
const MERGE_TAIL = new RegExp(`^(?:(?:跟|和|与)${ID}(?:说的)?(?:是)?(?:重复|一样|同一件事|一回事|同一个事|一码事|一个事|一件事|一个问题|同一个问题|同一(?:个|盏|处|件|根|棵|台|部)[\u4e00-\u9fa5]{1,4}(?=$|[\s,，。]))|(?:并到|并入|合并到|合到|归并到|并|合并)\\s*${ID}(?:里|吧)?$)`, 'u');

/** An official's command from what follows an item number, or null. */
export function officialTail(id: number, tail: string, rawTail: string): Command | null {
  // "3号改为问题反映", "3号不是心愿 是报修": the kind put right, not a category named 问题反映.
  const kind = /心愿|许愿|反映|报修|报事|投诉/u.test(tail) ? kindChange(tail) : null;
  if (kind) return { type: 'kind', id, kind };
  const notSame = /不是(?:同)?一(?:个|回|件)事|不是一码事|两码事|不一样|不是重复/u.test(tail);
  const priority = PRIORITY_TAIL.exec(tail);
  if (priority) return { type: 'priority', id, priority: /紧急|加急|加个急/u.test(priority[1] ?? priority[3]!) ? 'urgent' : 'normal' };
  if (/^不(?:用|要|必)(?:加急|紧急)/u.test(tail) || URGENCY_OFF.test(tail)) return { type: 'priority', id, priority: 'normal' };
  // "19 改基础设施", "改邻里纠纷": 改 alone before a category's name.
  const fixed = CATEGORY_FIXED.exec(tail);
  if (fixed) return { type: 'category', id, category: CATEGORY_ALIAS[fixed[1]!] ?? fixed[1]! };
  const changedTo = CHANGED_TO.exec(tail);
  if (changedTo) return { type: 'category', id, category: CATEGORY_ALIAS[changedTo[1]!] ?? changedTo[1]! };
  const setTo = /^(?:设为|设成|改为|改成|归为|改回|调回|改到)[\s:：]*([^\s,，。;；]{2,10})(?=$|[\s,，。;；])/u.exec(tail);
  // "1号改成五颗星": a score, not a category (the submitter putting a rating right).
  const score = setTo ? findRating(setTo[1]!) : null;
  if (score && score.rating !== 'bad' && score.rating !== null) return { type: 'confirm', id, rating: score.rating, comment: '' };
  if (setTo) return { type: 'category', id, category: rawTail.substr(setTo[0].length - setTo[1]!.length, setTo[1]!.length).replace(/(?:那一类|这一类|那类|一类|类)$/u, '') };
  let m = CATEGORY_TAIL.exec(tail);
  if (m && m[0] !== '') {
    // "归到矛盾纠纷里，我周末去看看": the category is the first clause.
    const category = (rawTail.slice(m[0].length).trim().split(/[\s,，。;；]+/u)[0] ?? '').replace(/(?:吧|了|啊)$/u, '').replace(/(?:里|那类|这类|类)$/u, '');
    // "分类改一下，改成…": 一下 names no category; the next clause does.
    if (/^(?:一下|下|一下子)$/u.test(category)) return null;
    return category ? { type: 'category', id, category } : { type: 'invalid', command: 'category', problem: 'missing_category' };
  }
  const limit = LIMIT_TAIL.exec(tail) ?? LIMIT_PLAIN.exec(tail);
  if (limit && /^(?:明天|后天)$/u.test(limit[1]!)) return { type: 'deadline', id, by: dayRef(limit[1]!)! };
  if (limit) {
    const days = workingDays(/天$/u.test(limit[1]!) ? limit[1]! : `${limit[1]}天`);
    return days !== null && days >= 1 && days <= 60 ? { type: 'deadline', id, workingDays: days } : { type: 'invalid', command: 'deadline', problem: 'bad_deadline' };
  }
  m = DEADLINE_TAIL.exec(tail);
  if (m && m[0] !== '') {
    // "期限三个工作日 跟孙建国说抓紧": the first clause is the deadline, the rest a remark.
    const said = tail.slice(m[0].length).split(/[\s,，。;；]+/u)[0] ?? '';
    // "期限明天" said on a Saturday: Sunday, the calendar day (as 期限 N 明天 is).
    const days = /^(?:今天|今日|明天|明日|后天)/u.test(said) ? null : workingDays(said);
    const by = days === null ? dayRef(said) : null;
    if (by) return { type: 'deadline', id, by };
    return days !== null && days >= 1 && days <= 60 ? { type: 'deadline', id, workingDays: days } : { type: 'invalid', command: 'deadline', problem: 'bad_deadline' };
  }
  m = REJECT_BECAUSE.exec(tail);
  if (m) return { type: 'reject', id, reason: noteOf(rawTail, tail, m[1]) };
  m = REOPEN_TAIL.exec(tail);
  if (m) return { type: 'reopen', id, reason: noteOf(rawTail, tail, m[1]).replace(/^(?:原因|理由)[:：]\s*/u, '') };
  m = REJECT_TAIL.exec(tail);
  if (m) return { type: 'reject', id, reason: noteOf(rawTail, tail, m[1]) };
  // "…社区无权处理，予以退回。请告知居民可拨打12345…": rejected, the whole as the reason.
  if (/予以(?:退回|驳回)|不予受理/u.test(tail) && !REJECT_TAIL.test(tail)) return { type: 'reject', id, reason: rawTail.trim() };
  m = REJECT_LAST.exec(tail);
  if (m) return { type: 'reject', id, reason: rawTail.slice(0, m[1]!.length).trim() };
  m = REJECT_MID.exec(tail);
  if (m) return { type: 'reject', id, reason: `${rawTail.slice(0, m[1]!.length).trim()} ${rawTail.slice(m[0].length - m[2]!.length).trim()}` };
  m = REOPEN_MID.exec(tail);
  if (m) return { type: 'reopen', id, reason: `${rawTail.slice(0, m[1]!.length).trim()} ${m[2] ? rawTail.slice(m[0].length - m[2].length).trim() : ''}`.trim() };
  m = CATEGORY_LAST.exec(tail);
  if (m) return { type: 'category', id, category: rawTail.substr(m.index + m[0].indexOf(m[1]!), m[1]!.length) };
  m = notSame ? null : (MERGE_TAIL.exec(tail) ?? MERGE_LATER.exec(tail));
  if (m) {
    const into = parseNumber((m[1] ?? m[2])!);
    return into === null ? null : { type: 'merge', id, into: Math.min(into, 2_147_483_647) };
  }
  // "9号转我。已与王思远商定": the sender takes it on (the holder's hand-over is theirs to make).
  if (/^(?:转|交|给)(?:给)?(?:我|本人)(?:自己)?(?:来|吧|了|啊)*(?=$|[\s,，。!！])/u.test(tail)) return { type: 'claim', id };
  m = ASSIGN_TAIL.exec(tail) ?? ASSIGN_MID.exec(tail);
  if (m) {
    // "再给物业三天": the unit, and the days it is given (read as a limit by parse-commands.ts).
    const who = assigneeName(rawTail.slice(m[0].length))
      .replace(/(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个工作日|个?天|周|个?星期)$/u, '');
    // "交我自己来跟", "我黄建华自己办": the official takes it on, not a unit called 我自己.
    if (/^(?:我|我自己|本人)(?:来|去)?(?:跟|办|弄|负责)?(?:吧|了|啊)?$/u.test(who)) return { type: 'claim', id };
    // "跟公交集团联系上了": news, not a unit called "集团联系上了".
    if (who === '' || /[了过着]$|联系|回复|答应|说/u.test(who)) return null;
    // "交物业找电梯公司": the unit, not whom it is to call in.
    const unit = who.replace(/(?<=[\u4e00-\u9fa5]{2})(?:找|叫)[\u4e00-\u9fa5]{2,8}$/u, '');
    const target: AssignTarget = /^[@＠]/u.test(who) ? { kind: 'person', name: who.slice(1).trim() } : { kind: 'unit', name: unit };
    return { type: 'assign', id, target };
  }
  m = UNIT_ONLY.exec(tail) ?? UNIT_LATER.exec(tail) ?? UNIT_LIMIT.exec(tail) ?? UNIT_NAMED.exec(tail);
  if (m) return { type: 'assign', id, target: { kind: 'unit', name: m[1]! } };
  // "健身器材分到基础设施": what it is, then its category.
  m = /^[\u4e00-\u9fa5]{2,8}?(?:分到|归到|归入|划到|分类(?:改成|改为|设成|设为))([\u4e00-\u9fa5]{2,8}?)(?:类|里)?(?:吧)?$/u.exec(tail);
  if (m) return { type: 'category', id, category: rawTail.substr(m[0].lastIndexOf(m[1]!), m[1]!.length) };
  m = CATEGORY_ALIAS_TAIL.exec(tail);
  if (m) return { type: 'category', id, category: CATEGORY_ALIAS[m[1]!]! };
  // "7 治安安全": an official naming the category, and nothing else.
  if (CATEGORY_ONLY.test(tail)) return { type: 'category', id, category: tail.trim() };
  // "26号限本周内": by the end of this week.
  if (/^(?:限|要|必须)?(?:本周|这周)(?:内|之内|以内)/u.test(tail)) return { type: 'deadline', id, by: { weekday: 5, weeksAhead: 0 } };
  m = ASSIGN_LET.exec(tail) ?? ASSIGN_LET_LATER.exec(tail) ?? ASSIGN_LATER.exec(tail);
  if (m) return { type: 'assign', id, target: { kind: 'unit', name: assigneeName(m[1]!) } };
  // "电梯公司说配件要等 期限改为一周": the setting in a later clause.
  const later = DEADLINE_LATER.exec(tail);
  if (later) {
    const days = workingDays(later[1]!);
    const by = days === null ? dayRef(later[1]!) : null;
    if (by) return { type: 'deadline', id, by };
    if (days !== null && days >= 1 && days <= 60) return { type: 'deadline', id, workingDays: days };
  }
  const urgent = PRIORITY_LATER.exec(tail);
  if (urgent) return { type: 'priority', id, priority: 'urgent' };
  const pause = SNOOZE_LATER.exec(tail);
  if (pause) {
    const said = pause[1] ?? pause[2];
    const days = said ? snoozeDays(said.replace(/(?:吧|了)+$/u, '')) : null;
    return { type: 'snooze', id, days: days !== null && days >= 1 && days <= MAX_SNOOZE_DAYS ? days : DEFAULT_SNOOZE_DAYS };
  }
  return null;
}

/** The note that follows a verb, cut from the text as typed (`tail` is a prefix of `rawTail`). */
export function noteOf(rawTail: string, tail: string, group: string | undefined): string {
  if (!group) return '';
  return rawTail.slice(tail.length - group.length).trim();
}
