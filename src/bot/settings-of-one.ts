import type { Command } from './command-types.ts';
import type { ItemIdMatch } from './item-id.ts';
import { parseCommand } from './parse-command.ts';
import { dayRef, workingDays } from './working-days.ts';

type Found = ItemIdMatch & { index: number };
type WithId = Extract<Command, { id: number }>;

// What an official sets of one item in one breath: "…改成紧急 让周晓红马上过去看看".
export const SETTINGS = new Set<Command['type']>(['kind', 'category', 'priority', 'deadline', 'assign', 'snooze']);
const POLITE_LEAD = /^(?:麻烦|请|帮我|再|还要|另外|顺便|并且|并|同时|然后|直接|就|先|给它|把它|将其|把这个)+\s*/u;
// What may lead an official's settings: a setting, or reopening ("17号重新受理…交城管中队").
const LEADS = new Set<Command['type']>([...SETTINGS, 'reopen']);
// "何丽萍先去上门了解下情况": who goes, by name, as a hand-over.
const NAME_GOES = /^(?:让|请|叫|麻烦)?((?![我你他她咱社物城由需要还再也都继]|明天|今天|今日|今儿|当天|后天|马上|尽快|下午|上午|晚上|这两|回头|随后|一起|大家|本周|这周|下周|周末|月底)[\u4e00-\u9fa5]{2,3}?)(?:同志|老师|师傅)?(?:这两天|这几天|今天|明天|尽快|马上|先|抽空|有空|这边|那边)*(?:去|来)?(?:上门|处理|看看|看下|看一下|瞅瞅|了解|协调|调解|跑一趟|核实|牵头|跟进|负责|安排(?:人)?(?:去)?(?:维修|处理|清理|清运|修)?)/u;
// "路灯让赵建国去看一下": who is to go, after what it is.
const LET_NAME = /(?:让|叫|麻烦|请)((?![我你他她咱物社城])[\u4e00-\u9fa5]{2,3}?)(?:同志|老师|师傅)?(?:这两天|尽快|马上|先|今天|明天)*(?:(?:去|来)(?:看|处理|弄|修|办|跑|上门|了解|协调|一趟|放|装|送|拿|搬|查)|牵头|跟进|负责|(?:去|来)?(?:跟|和|找)[^，,。]{0,8}?(?:沟通|谈谈|聊聊|说说|协调|了解))/u;
// "联系市政排水所来疏通": the unit called in.
const CALL_IN = /^(?:联系|找|通知|叫)([\u4e00-\u9fa5]{2,8}?(?:所|局|公司|中队|大队|站|处|办|物业|维保))(?:来|去)?/u;
// "12号事项请设为紧急", "改普通": a priority set in words.
const PRIORITY_SAID = /^(?:现将|现|将|把)?(?:该事项|此事项|该事|事项|此事|这事|这个|优先级)?(?:请)?(?:即|立即|马上)?(?:设为|设成|设置为|设定为|改为|改成|改回|改|列为|定为|调为|调成|按)(紧急|加急|特急|普通|一般|正常|不急)(?:的|吧|处理|办理)?$/u;
// "请何晓同志在本周五之前再和住户沟通一次": a day to have it done by, inside a longer clause.
const BY_DAY = /(?:在)?((?:本|这|下)个?(?:周|星期|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]|月底)(?:之前|以前|前)/u;

/**
 * An official's settings of one item in one breath ("19号 设成紧急，期限三个工作日", "8号 物业 限两天",
 * "13号占道经营的问题，麻烦转交城管中队处理，分类请改成环境卫生"); null unless it reads as settings.
 */
export function settingsOfOne(raw: string, norm: string, id: Found): WithId[] | null {
  const idText = raw.slice(id.index, id.index + id.length);
  let whole = parseCommand(raw);
  // "8号 物业 限两天 清不掉的话城管介入": the first clause is the setting, the rest may add more.
  if (!('id' in whole) || !LEADS.has(whole.type)) {
    const first = /^[\s,，。:：]*([^\s,，。;；!！]+)/u.exec(raw.slice(id.index + id.length))?.[1];
    if (first !== undefined) whole = parseCommand(`${idText} ${first}`);
  }
  // "13号占道经营的问题，麻烦转交城管中队处理，分类请改成环境卫生": what it is first, then the
  // settings; two of them are needed to read an official's sentence so.
  const led = 'id' in whole && whole.id === id.id && LEADS.has(whole.type);
  const out: WithId[] = led ? [whole as WithId] : [];
  let bareUnit = led && whole.type === 'assign' && !/^[\s,，。:：]*(?:交|转|派|给|指派|改派)/u.test(raw.slice(id.index + id.length));
  let instructed = false;
  for (const m of norm.slice(id.index + id.length).matchAll(/[^\s,，。;；!！]+/gu)) {
    const clause = raw.slice(id.index + id.length + m.index, id.index + id.length + m.index + m[0].length).replace(POLITE_LEAD, '');
    if (clause === '') continue;
    const cmd = parseCommand(`${idText} ${clause}`);
    // "分类矛盾纠纷不用改": a setting said to stay as it is sets nothing.
    if (cmd.type === 'category' && /(?:不用|不必|不要|别)改|不变|保持/u.test(cmd.category)) continue;
    if ('id' in cmd && cmd.id === id.id && SETTINGS.has(cmd.type) && !out.some((c) => c.type === cmd.type)) out.push(cmd as WithId);
    // "6号 市政 阴沟那个交给物业先掏一下": the hand-over said with its verb outweighs a bare unit's name.
    else if (cmd.type === 'assign' && cmd.id === id.id && bareUnit && /(?:交给|转给|派给|交由|转交)/u.test(clause)) {
      out.splice(out.findIndex((c) => c.type === 'assign'), 1, cmd as WithId);
      bareUnit = false;
    }
    // "11号不是养老的 改成邻里纠纷 我明天上午去五楼跟装修户说": taking it on, beside a setting.
    else if (cmd.type === 'claim' && cmd.id === id.id && !out.some((c) => c.type === 'claim')) out.push(cmd as WithId);
    // "16号紧急 期限两天": beside another setting, a bare 紧急 is one too (alone it is a cry).
    else if (/^(?:紧急|加急|特急|急|很急|要急|急件|优先(?:办理|处理)|列为紧急|列为加急|按紧急(?:办|处理|办理)?|优先级?(?:调|提|升)(?:高|上去|上来)(?:一点|一些|点|些)?)(?:的|吧)?$/u.test(clause) && !out.some((c) => c.type === 'priority')) out.push({ type: 'priority', id: id.id, priority: 'urgent' });
    // "13号电梯夹人请标为紧急，并转给…": the priority at the end of the first clause.
    else if (/(?:请|麻烦)?(?:标为|设为|设成|改成|改为|列为|定为)(?:紧急|加急)(?:处理)?$/u.test(clause) && !out.some((c) => c.type === 'priority')) out.push({ type: 'priority', id: id.id, priority: 'urgent' });
    // "事项请设为紧急", "改普通": the priority said with its verb, beside other settings.
    else if (PRIORITY_SAID.test(clause) && !out.some((c) => c.type === 'priority')) {
      out.push({ type: 'priority', id: id.id, priority: /普通|一般|正常|不急/u.test(PRIORITY_SAID.exec(clause)![1]!) ? 'normal' : 'urgent' });
    }
    else if ((NAME_GOES.test(clause) || LET_NAME.test(clause)) && !out.some((c) => c.type === 'assign')) {
      out.push({ type: 'assign', id: id.id, target: { kind: 'unit', name: (NAME_GOES.exec(clause) ?? LET_NAME.exec(clause))![1]! } });
    } else if (CALL_IN.test(clause) && !out.some((c) => c.type === 'assign')) {
      out.push({ type: 'assign', id: id.id, target: { kind: 'unit', name: CALL_IN.exec(clause)![1]! } });
    } else if (BY_DAY.test(clause) && !out.some((c) => c.type === 'deadline')) {
      const by = dayRef(BY_DAY.exec(clause)![1]!);
      if (by) out.push({ type: 'deadline', id: id.id, by });
    }
    // "10 物业 2天": days beside another setting are its time limit.
    const bareDays = /^(\d{1,2}|[一二两三四五六七八九十]{1,3})(个工作日|个?天)(?:内|之内|以内)?$/u.exec(clause);
    if (bareDays && !out.some((c) => c.type === 'deadline' || c.type === 'snooze') && out.some((c) => c.type === 'assign' || c.type === 'category' || c.type === 'priority')) {
      const d = workingDays(`${bareDays[1]}${bareDays[2]!.endsWith('工作日') ? '个工作日' : '天'}`);
      if (d !== null && d >= 1 && d <= 60) out.push({ type: 'deadline', id: id.id, workingDays: d });
    }
    // "11号事项由我牵头协调…": the official takes it on.
    if (/^(?:事项|这事|此事)?(?:由我|我来|我亲自|我自己)(?:来|去)?(?:牵头|负责|跟进|跟|协调|办|处理|盯)/u.test(clause) && !out.some((c) => c.type === 'claim')) out.push({ type: 'claim', id: id.id });
    // "19号我自己办 完成 已电话告知": taken on and done at once; what follows is how.
    else if (out.some((c) => c.type === 'claim') && !out.some((c) => c.type === 'done') && /^(?:完成|办结|办完了?|已办结|搞定)$/u.test(clause)) {
      out.push({ type: 'done', id: id.id, note: raw.slice(id.index + id.length + m.index + m[0].length).replace(/^[\s,，。]+/u, '').trim() });
    }
    // "让杨红去一趟吧", "请何晓同志在本周五之前…": someone told to do it.
    // "这周五之前给我结掉": a day to have it closed by.
    instructed ||= LET_NAME.test(clause) || (BY_DAY.test(clause) && /(?:请|让|麻烦|叫)[\u4e00-\u9fa5]{2,3}|(?:给我)?(?:结掉|办完|办结|解决|处理完|弄好|搞定)/u.test(clause));
  }
  // "10号给物业限两天", "…让他们两天之内清干净": a time limit with the hand-over.
  const limit = /(?:限(?:期)?|给[\u4e00-\u9fa5]{2,6}?)([\d一二两三四五六七八九十]{1,3}(?:个工作日|个?天|周|个?星期|个?礼拜))|([\d一二两三四五六七八九十]{1,3}(?:个工作日|个?天|周|个?星期|个?礼拜))(?:之内|以内|内)|(今天|明天|后天)(?:下班|中午|上午|下午|晚上)?(?:[\d一二三四五六七八九十两]{1,2}点半?)?(?:之前|以前|前|之内|以内|内|(?=(?:必须|要|得)?(?:处理完|弄完|办完|修好|处理好|弄好|清完|清理完|有结果|办好|(?:办|处理)(?=$|[\s,，。]))))/u.exec(norm.slice(id.index + id.length));
  // "明天之前": that calendar day (working days would skip a weekend the office did not mean to).
  const byDay = limit?.[3] ? dayRef(limit[3]) : null;
  if (byDay && !out.some((c) => c.type === 'deadline')) out.push({ type: 'deadline', id: id.id, by: byDay });
  const days = limit && !byDay ? workingDays((limit[1] ?? limit[2] ?? limit[3])!) : null;
  if (days !== null && days >= 1 && days <= 60 && !out.some((c) => c.type === 'deadline')) out.push({ type: 'deadline', id: id.id, workingDays: days });
  // "5号这件事情请何晓同志在本周五之前再和住户沟通一次": a day named in an instruction is the deadline.
  // "让杨红去一趟吧": one person told to go is a hand-over by itself.
  const byDayAlone = !led && instructed && out.length === 1 && ((out[0]!.type === 'deadline' && 'by' in out[0]!) || out[0]!.type === 'assign');
  // "11号不是养老的 改成邻里纠纷": a category put right.
  const recategorised = !led && out.length === 1 && out[0]!.type === 'category' && /(?:不是|不算|不属于)[\u4e00-\u9fa5]{1,6}|分类改/u.test(norm.slice(id.index + id.length));
  return out.length >= 2 || byDayAlone || recategorised ? out : null;
}
