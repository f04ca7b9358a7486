import type { Command } from './command-types.ts';
import { itemIdsIn, type ItemIdMatch } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { parseCommand } from './parse-command.ts';
import { dayRef, workingDays } from './working-days.ts';
import { commandClause, commandSaidLast, SAID_OF_MANY } from './command-in-story.ts';
import { reopenedFirst } from './reopened-first.ts';
import { newsBeside } from './news-beside.ts';

type Found = ItemIdMatch & { index: number };
type WithId = Extract<Command, { id: number }>;
const UNDONE_THEN_RELEASED = /^(?:@\S+\s*)?(?:刚才)?(?:说错了|搞错了|弄错了)?[\s,，]*#?(\d{1,6})\s*号?\s*不是(?:办完|完成|办结|结)(?:了)?[\s,，]*(?:是)?(?:我)?(?:要)?(?:放弃|退出|干不了|办不了|去不了)[\s,，]*/u;

// Between two numbers of one list: nothing, a space, 和, 、, a comma.
const LIST_GAP = /^\s*(?:[和、,，与跟及]|还有|以及)?\s*$/u;
// The list's own word after it: "12号和13号都办完了" is "12号办完了" twice.
const ALL_OF_THEM = /^(\s*(?:我们?|俺|咱)?)\s*(?:也都|全都|全部|都|也)/u;
const SEPARATOR = /[\s,，。;；!！、]+/gu; // where one clause ends and the next begins
const TRIM = /^[\s,，。;；!！、]+|[\s,，。;；!！、]+$/gu;
// What may start the next clause without changing its meaning: "还有13号…", "另外 认领13".
const CLAUSE_LEAD = /^(?:还有|另外|另请将?|另|然后|再把|再|并且|顺便把?|以及|和|跟)\s*/u;
const SEVERAL_CLAIMED = /(?:我|俺)(?:们)?(?:都|全)(?:接|包|认领|领|来)了?(?!\S*[吗？?])|[^，。\s]{0,8}我来(?:吧|了)?(?=$|[\s,，。!！])|(?:都|全)(?:归)?我(?:来|包|接)了?(?=$|[\s,，。!！])|(?:^|[\s,，。!！])我(?:拿[^，。\s]{0,4})?(?:去|过去)(?:看看|瞅瞅|看一下)(?:吧)?[!！。]*$/u;
// "13号也是": the same command for another item.
const SAME_AGAIN = /^\s*(?:也是|也一样|同样|一样|也)\s*(?:的|了|吧|哈|啊|呀)?[\s。.!！]*$/u;

/**
 * The commands of a message that parseCommand does not read whole: several, one per item — a list
 * of numbers with one verb ("认领 12 13", "12号和13号都办完了"), clauses each with its own number
 * ("认领12，完成13"), an official's settings of one item in one breath (with news beside them,
 * news-beside.ts) — or one, inside other words ("…，认领4号", "让杨红去一趟吧"). Null when
 * parseCommand's reading stands. Pure; works on the normalised text, whose offsets equal the original's.
 */
export function parseCommands(text: string): WithId[] | null {
  return newsBeside(text, readCommands(text));
}

function readCommands(text: string): WithId[] | null {
  const norm = normalizeText(text);
  const ids = itemIdsIn(norm);
  // "刚才说错了 6号不是办完了 是我要放弃 请别人接": the completion taken back, then given back.
  const undone = UNDONE_THEN_RELEASED.exec(norm);
  if (undone) {
    const id = Number(undone[1]);
    return [{ type: 'dispute', id, reason: '' }, { type: 'release', id, reason: text.slice(undone.index + undone[0].length).trim() }];
  }
  const said = commandSaidLast(text);
  if (said) return said;
  // "4号下水道和5号帮奶奶拿药，我都接了！", "19号井盖20号减速带 我拿工具箱去看看": each taken on.
  if (ids.length >= 2 && (ids.every((m) => /[号#]/u.test(norm.slice(m.index, m.index + m.length))) || /俩都|两个都|都我/u.test(norm)) && SEVERAL_CLAIMED.test(norm)) return unique(ids.map((m) => ({ type: 'claim', id: m.id }) as WithId));
  const sentences = ids.length >= 2 ? bySentence(text) : null;
  if (sentences) return sentences;
  if (ids.length === 1) return settingsOfOne(text, norm, ids[0]!) ?? commandClause(text, ids[0]!);
  if (ids.length < 2) return null;
  return reopenedFirst(norm, asMerge(text, norm, ids)) ?? fromList(text, norm, ids) ?? fromClauses(text, norm, ids);
}

/**
 * "22跟21重复 并了。21加急，交物业找电梯公司，明天之内": an official's sentences, each about its own
 * item, each read on its own. Null unless every sentence with a number is a command.
 */
function bySentence(text: string): WithId[] | null {
  const parts = text.split(/[。；;!！\n]+/u).map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length < 2) return null;
  const out: WithId[] = [];
  for (const part of parts) {
    if (itemIdsIn(normalizeText(part)).length === 0) continue;
    const cmds = parseCommands(part) ?? [parseCommand(part)];
    if (!cmds.every((c) => 'id' in c && typeof c.id === 'number')) return null;
    out.push(...(cmds as WithId[]));
  }
  return out.length >= 2 ? out : null;
}

function fromList(raw: string, norm: string, ids: Found[]): WithId[] | null {
  let first = 0;
  while (first < ids.length - 1 && !LIST_GAP.test(gap(norm, ids[first]!, ids[first + 1]!))) first++;
  let last = first;
  while (last < ids.length - 1 && LIST_GAP.test(gap(norm, ids[last]!, ids[last + 1]!))) last++;
  if (last === first) return null;
  const run = ids.slice(first, last + 1);
  // A bare "确认 12 5" is a rating, "暂停提醒 12 3" a number of days: a list needs 号, # or a joiner,
  // unless the parser itself says it saw more than one number.
  const marked = run.some((m, i) => /[#号]/u.test(norm.slice(m.index, m.index + m.length)) || (i > 0 && /[和、,，与跟及]/u.test(gap(norm, run[i - 1]!, m))));
  const end = run.at(-1)!.index + run.at(-1)!.length;
  // "15 16 都我来": 都 after bare numbers makes them a list too.
  const allOfThem = ALL_OF_THEM.test(raw.slice(end)) && /都|全/u.test(raw.slice(end, end + 4));
  const reduced = raw.slice(0, run[0]!.index + run[0]!.length) + raw.slice(end).replace(ALL_OF_THEM, '$1');
  const whole = parseCommand(norm);
  if (!marked && !allOfThem && !(whole.type === 'invalid' && whole.problem === 'many_ids')) return null;
  const one = parseCommand(reduced);
  if (!('id' in one) || typeof one.id !== 'number' || !SAID_OF_MANY.has(one.type)) return null;
  // Other numbers outside the list ("认领12和13，完成8"): not a list of one command.
  if (ids.length !== run.length) return null;
  // "11号和12号一起交给物业 限三天": every setting said, for each of them.
  const reducedNorm = normalizeText(reduced);
  const settings = SETTINGS.has(one.type) ? settingsOfOne(reduced, reducedNorm, itemIdsIn(reducedNorm)[0]!) : null;
  return unique(run.flatMap((m) => (settings ?? [one]).map((c) => ({ ...c, id: m.id }) as WithId)));
}

function fromClauses(raw: string, norm: string, ids: Found[]): WithId[] | null {
  const cuts = [0];
  for (let i = 1; i < ids.length; i++) {
    const from = ids[i - 1]!.index + ids[i - 1]!.length;
    const between = norm.slice(from, ids[i]!.index);
    let cut = -1;
    for (const m of between.matchAll(SEPARATOR)) cut = from + m.index + m[0].length;
    if (cut < 0) return null;
    // "完成 12 修好了；完成 13 送到了": a command word alone before the number starts its clause.
    const words = [...between.matchAll(SEPARATOR)];
    if (words.length > 1 && cut === from + between.length) {
      const w = words.at(-2)!;
      const start = from + w.index + w[0].length;
      const word = norm.slice(start, cut).trim();
      const alone = parseCommand(word);
      if (alone.type === 'invalid' && alone.problem === 'missing_id') cut = start;
    }
    cuts.push(cut);
  }
  cuts.push(norm.length);
  const out: WithId[] = [];
  for (let i = 0; i < ids.length; i++) {
    const clause = raw.slice(cuts[i], cuts[i + 1]).replace(TRIM, '').replace(CLAUSE_LEAD, '');
    const own = itemIdsIn(normalizeText(clause))[0];
    const previous = out.at(-1);
    const same = previous !== undefined && own?.index === 0 && SAME_AGAIN.test(clause.slice(own.length));
    // "13号也认领了": the 也 ties it to the clause before; the command is the same without it.
    const cmd = same ? ({ ...previous, id: own.id } as WithId) : parseCommand(own ? clause.slice(0, own.index + own.length) + clause.slice(own.index + own.length).replace(ALL_OF_THEM, '$1') : clause);
    if (!('id' in cmd) || typeof cmd.id !== 'number' || cmd.id !== ids[i]!.id || !SAID_OF_MANY.has(cmd.type)) return null;
    // "13号交物业，限一周；2号期限延到下周五": each clause with all it sets.
    const clauseNorm = normalizeText(clause);
    const settings = SETTINGS.has(cmd.type) && own ? settingsOfOne(clause, clauseNorm, { ...own, index: own.index }) : null;
    out.push(...(settings ?? [cmd as WithId]));
  }
  return unique(out);
}

// What an official sets of one item in one breath: "…改成紧急 让周晓红马上过去看看".
const SETTINGS = new Set<Command['type']>(['kind', 'category', 'priority', 'deadline', 'assign', 'snooze']);
const POLITE_LEAD = /^(?:麻烦|请|帮我|再|还要|另外|顺便|并且|并|同时|然后|直接|就|先|给它|把它|将其|把这个)+\s*/u;
// What may lead an official's settings: a setting, or reopening ("17号重新受理…交城管中队").
const LEADS = new Set<Command['type']>([...SETTINGS, 'reopen']);
// "何丽萍先去上门了解下情况": who goes, by name, as a hand-over.
const NAME_GOES = /^(?:让|请|叫|麻烦)?((?![我你他她咱社物城由需要还再也都继]|明天|今天|今日|今儿|当天|后天|马上|尽快|下午|上午|晚上|这两|回头|随后|一起|大家|本周|这周|下周|周末|月底)[\u4e00-\u9fa5]{2,3}?)(?:同志|老师|师傅)?(?:这两天|这几天|今天|明天|尽快|马上|先|抽空|有空)*(?:去|来)?(?:上门|处理|看看|看下|看一下|瞅瞅|了解|协调|调解|跑一趟|核实|牵头|跟进|负责)/u;
// "路灯让赵建国去看一下": who is to go, after what it is.
const LET_NAME = /(?:让|叫|麻烦|请)((?![我你他她咱物社城])[\u4e00-\u9fa5]{2,3}?)(?:同志|老师|师傅)?(?:这两天|尽快|马上|先|今天|明天)*(?:(?:去|来)(?:看|处理|弄|修|办|跑|上门|了解|协调|一趟|放|装|送|拿|搬|查)|牵头|跟进|负责|(?:去|来)?(?:跟|和|找)[^，,。]{0,8}?(?:沟通|谈谈|聊聊|说说|协调|了解))/u;
// "联系市政排水所来疏通": the unit called in.
const CALL_IN = /^(?:联系|找|通知|叫)([\u4e00-\u9fa5]{2,8}?(?:所|局|公司|中队|大队|站|处|办|物业|维保))(?:来|去)?/u;
// "12号事项请设为紧急", "改普通": a priority set in words.
const PRIORITY_SAID = /^(?:现将|现|将|把)?(?:该事项|此事项|该事|事项|此事|这事|这个|优先级)?(?:请)?(?:即|立即|马上)?(?:设为|设成|设置为|设定为|改为|改成|改回|改|列为|定为|调为|调成|按)(紧急|加急|特急|普通|一般|正常|不急)(?:的|吧|处理|办理)?$/u;
// "请何晓同志在本周五之前再和住户沟通一次": a day to have it done by, inside a longer clause.
const BY_DAY = /(?:在)?((?:本|这|下)个?(?:周|星期|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]|月底)(?:之前|以前|前)/u;

function settingsOfOne(raw: string, norm: string, id: Found): WithId[] | null {
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
    if ('id' in cmd && cmd.id === id.id && SETTINGS.has(cmd.type) && !out.some((c) => c.type === cmd.type)) out.push(cmd as WithId);
    // "6号 市政 阴沟那个交给物业先掏一下": the hand-over said with its verb outweighs a bare unit's name.
    else if (cmd.type === 'assign' && cmd.id === id.id && bareUnit && /(?:交给|转给|派给|交由|转交)/u.test(clause)) {
      out.splice(out.findIndex((c) => c.type === 'assign'), 1, cmd as WithId);
      bareUnit = false;
    }
    // "11号不是养老的 改成邻里纠纷 我明天上午去五楼跟装修户说": taking it on, beside a setting.
    else if (cmd.type === 'claim' && cmd.id === id.id && !out.some((c) => c.type === 'claim')) out.push(cmd as WithId);
    // "16号紧急 期限两天": beside another setting, a bare 紧急 is one too (alone it is a cry).
    else if (/^(?:紧急|加急|特急|急|很急|要急|急件|优先(?:办理|处理)|列为紧急|列为加急|按紧急(?:办|处理|办理)?)(?:的|吧)?$/u.test(clause) && !out.some((c) => c.type === 'priority')) out.push({ type: 'priority', id: id.id, priority: 'urgent' });
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
    // "让杨红去一趟吧", "请何晓同志在本周五之前…": someone told to do it.
    instructed ||= LET_NAME.test(clause) || (BY_DAY.test(clause) && /(?:请|让|麻烦|叫)[\u4e00-\u9fa5]{2,3}/u.test(clause));
  }
  // "10号给物业限两天", "…让他们两天之内清干净": a time limit with the hand-over.
  const limit = /(?:限(?:期)?|给[\u4e00-\u9fa5]{2,6}?)([\d一二两三四五六七八九十]{1,3}(?:个工作日|个?天|周|个?星期|个?礼拜))|([\d一二两三四五六七八九十]{1,3}(?:个工作日|个?天|周|个?星期|个?礼拜))(?:之内|以内|内)|(今天|明天|后天)(?:下班|中午|上午|下午|晚上)?(?:之前|以前|前|之内|以内|内|(?=(?:必须|要|得)?(?:处理完|弄完|办完|修好|处理好|弄好|清完)))/u.exec(norm.slice(id.index + id.length));
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
// "14号就是13号那件事，合并掉", "11号跟10号…并成一个处理", "14号重复了，和13号是一回事".
const SAME_MATTER = /并成一个|并成一件|合并|说的是(?:同)?一个[\u4e00-\u9fa5]{1,4}|是(?:同)?一个[\u4e00-\u9fa5]{1,3}(?=$|[\s,，。])[^。]{0,3}并|并过去|(?:^|[\s,，。])并了(?=$|[\s,，。])|同一(?:盏|处|根|台|部|棵|个地方)|并到\s*#?[\d〇零一二两三四五六七八九十]+号?(?:里面?)?|并掉|并到一起|重复了?|是一回事|是一个事|是一件事|同一(?:件|个)事|就是\s*#?[\d〇零一二两三四五六七八九十]+号?(?:那|这)?(?:件|个)?事/u;

/** Two items said to be one matter: the newer goes into the older (合并 N 到 M). */
function asMerge(raw: string, norm: string, ids: Found[]): WithId[] | null {
  const distinct = [...new Set(ids.map((m) => m.id))];
  // "合并 8 到 12" says which way itself; "跟3号不是一个事" says they differ.
  if (/不是(?:同)?一(?:个|回|件)事|不是一码事|两码事|不一样|不是重复/u.test(norm)) return null;
  if (distinct.length !== 2 || parseCommand(raw).type === 'merge' || !SAME_MATTER.test(norm) || /[和跟与、]\s*#?[\d〇零一二两三四五六七八九十]+号?\s*(?:都|也)?(?:认领|完成|我来)/u.test(norm)) return null;
  const [into, id] = [Math.min(...distinct), Math.max(...distinct)] as [number, number];
  // "19跟18是一个路灯 并了 18号交物业黄建明 限两个工作日": the merge, then a clause of its own.
  const next = ids.slice(2).find((m) => /[\s,，。；;]$/u.test(norm.slice(0, m.index)) && SAME_MATTER.test(norm.slice(0, m.index)));
  const more = next ? (parseCommands(raw.slice(next.index).trim()) ?? [parseCommand(raw.slice(next.index).trim())]) : [];
  return [{ type: 'merge', id, into }, ...(more.every((c) => 'id' in c && typeof c.id === 'number') ? (more as WithId[]) : [])];
}

function gap(norm: string, a: Found, b: Found): string {
  return norm.slice(a.index + a.length, b.index);
}

/** "认领12 认领12": once. Two or more left, else it was one command after all. */
function unique(cmds: WithId[]): WithId[] | null {
  const seen = new Set<string>();
  const out = cmds.filter((c) => {
    const key = `${c.type}:${c.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return out.length >= 2 ? out : null;
}
