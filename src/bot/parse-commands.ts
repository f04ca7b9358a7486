import type { Command } from './command-types.ts';
import { itemIdsIn, type ItemIdMatch } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { parseCommand } from './parse-command.ts';
import { commandClause, commandSaidLast, SAID_OF_MANY } from './command-in-story.ts';
import { reopenedFirst } from './reopened-first.ts';
import { newsBeside } from './news-beside.ts';
import { SETTINGS, settingsOfOne } from './settings-of-one.ts';
import { itemClauses } from './item-clauses.ts';

type Found = ItemIdMatch & { index: number };
type WithId = Extract<Command, { id: number }>;
const UNDONE_THEN_RELEASED = /^(?:@\S+\s*)?(?:刚才)?(?:说错了|搞错了|弄错了)?[\s,，]*#?(\d{1,6})\s*号?\s*不是(?:办完|完成|办结|结)(?:了)?[\s,，]*(?:是)?(?:我)?(?:要)?(?:放弃|退出|干不了|办不了|去不了)[\s,，]*/u;

const EXPLICIT_CLAIM = /(?:^|[\s,，。？?!！])(?:claim|认领)\s*#?(\d{1,6})\s*号?(?=$|[\s,，。？?!！]|pls|please)(?![^，。]*?(?:了吗|了没|吗|么))/iu;
const ORDER_TYPES = new Set<string>(['assign', 'priority', 'deadline', 'category', 'reject', 'merge', 'reopen', 'snooze', 'claim', 'content', 'place', 'kind']);
const TAKEN_LAST = /[\s,，。](?:那)?(?:我|俺)(?:也)?(?:去吧|来吧|去|来|可以去|去办|去弄)(?:吧|啦)?[。!！~～]*$|[\s,，。](?:交给我吧|我也可以试试|也可以试试|我可以试试)[。!！~～]*$/u;
// Between two numbers of one list: nothing, a space, 和, 、, a comma.
const LIST_GAP = /^\s*(?:[和、,，与跟及]|还有|以及)?\s*$/u;
// The list's own word after it: "12号和13号都办完了" is "12号办完了" twice.
const ALL_OF_THEM = /^(\s*(?:我们?|俺|咱)?)\s*(?:也都|全都|全部|都|也)/u;
const SEPARATOR = /[\s,，。;；!！、]+/gu; // where one clause ends and the next begins
const TRIM = /^[\s,，。;；!！、]+|[\s,，。;；!！、]+$/gu;
// What may start the next clause without changing its meaning: "还有13号…", "另外 认领13".
const CLAUSE_LEAD = /^(?:还有|另外|另请将?|另|然后|再把|再|并且|顺便把?|以及|和|跟)\s*/u;
const SEVERAL_CLAIMED = /(?:我|俺)(?:们)?(?:都|全)?(?:接|包|认领|领)了(?!\S*[吗？?])(?=$|[\s,，。!！])|(?:我|俺)(?:们)?(?:都|全)(?:接|包|认领|领|来)了?(?!\S*[吗？?])|[^，。\s]{0,8}我来(?:吧|了)?(?=$|[\s,，。!！])|(?:都|全)(?:归)?我(?:来|包|接)了?(?=$|[\s,，。!！])|(?:^|[\s,，。!！])我(?:拿[^，。\s]{0,4})?(?:去|过去)(?:看看|瞅瞅|看一下)(?:吧)?[!！。]*$/u;
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
  // "15 已办 502水管换好 402天花板已干": the number first, then done; later numbers are rooms.
  const doneFirst = /^\s*#?(\d{1,6})\s*号?\s+(?:已办(?:结|完|妥)?|已完成|已处理|办结了?|完成了?|搞定了?)(?:[\s,，。]+([\s\S]*))?$/u.exec(norm);
  const rooms = ids.slice(1).every((m) => /^\d{3,4}$/u.test(norm.slice(m.index, m.index + m.length)));
  if (doneFirst && ids.length >= 2 && rooms) return [{ type: 'done', id: Number(doneFirst[1]), note: text.slice(text.length - (doneFirst[2] ?? '').length).trim() }];
  const said = commandSaidLast(text);
  if (said) return said;
  // "水龙头那个我可以 claim 1，周六上午有空 ok?", "还有7号呢？claim 7 pls": the command word beside its
  // number says it, whatever question is around it.
  const explicit = EXPLICIT_CLAIM.exec(norm);
  if (explicit && new Set(ids.map((m) => m.id)).size === 1 && parseCommand(text).type !== 'claim') return [{ type: 'claim', id: Number(explicit[1]) }];
  // "2 3我来", "10、12 我": bare numbers, then who takes them.
  if (ids.length >= 2 && /^[\d\s、,，和及]+(?:都)?(?:我来|我接|我|我包了|归我|我去)(?:了|吧|啦)?(?:[!！。]*$|[\s,，。!！]+(?![\d\s]*(?:号|星|分)))/u.test(norm)) return unique(ids.map((m) => ({ type: 'claim', id: m.id }) as WithId));
  // "我看到9号林伯要买菜，我家就住三栋隔壁，我去吧": the one item named, then taken on at the end.
  if (ids.length === 1 && TAKEN_LAST.test(norm) && parseCommand(text).type === 'text') return [{ type: 'claim', id: ids[0]!.id }];
  // "4号下水道和5号帮奶奶拿药，我都接了！", "19号井盖20号减速带 我拿工具箱去看看": each taken on.
  if (ids.length >= 2 && (ids.every((m) => /[号#]/u.test(norm.slice(m.index, m.index + m.length))) || /俩都|两个都|都我/u.test(norm)) && SEVERAL_CLAIMED.test(norm)) return unique(ids.map((m) => ({ type: 'claim', id: m.id }) as WithId));
  const sentences = ids.length >= 2 ? bySentence(text) : null;
  if (sentences) return sentences;
  if (ids.length === 1) return settingsOfOne(text, norm, ids[0]!) ?? commandClause(text, ids[0]!);
  if (ids.length < 2) return null;
  return reopenedFirst(norm, asMerge(text, norm, ids)) ?? fromList(text, norm, ids) ?? fromClauses(text, norm, ids);
}

/**
 * "22跟21重复 并了。21加急，交物业找电梯公司，明天之内": an official's sentences (and clauses that
 * begin with their own item), each read on its own. Null unless each one with a number is a command,
 * or an order beside others that is said back as unread.
 */
function bySentence(text: string): WithId[] | null {
  const said = itemClauses(text).map((s) => s.replace(/[。；;!！\n，,\s]+$/u, '').trim().replace(CLAUSE_LEAD, '')).filter((s) => s !== '');
  // "23号和24号说的是同一盏路灯，24并到23": the remark is the order's reason, not a merge of its own.
  const parts = said.some((s) => /并到|并入|合并到/u.test(s)) ? said.filter((s) => /并|合并/u.test(s) || !/同一|一个事|一回事|重复/u.test(s)) : said;
  if (parts.length < 2) return null;
  const out: WithId[] = [];
  const unread: Array<{ id: number; text: string; marked: boolean }> = [];
  for (const part of parts) {
    const norm = normalizeText(part);
    const ids = itemIdsIn(norm);
    if (ids.length === 0) continue;
    const cmds = parseCommands(part) ?? [parseCommand(part)];
    if (cmds.every((c) => 'id' in c && typeof c.id === 'number')) out.push(...(cmds as WithId[]));
    else if (ids.length === 1) unread.push({ id: ids[0]!.id, text: part, marked: /[号#]/u.test(norm.slice(ids[0]!.index, ids[0]!.index + ids[0]!.length)) });
    else return null;
  }
  // "…7号乱停车交给张师傅，限三天；10号辅导孩子的发到群里看看": an official's orders, one of them not
  // understood, are done but that one, which is said back rather than dropped — when it names its
  // item plainly ("10号…", not a time like 0900) and nothing else was done with that item
  // ("17号把养鸡和围墙搅一起了，17号内容改为…" is a remark, then the order).
  const acted = new Set(out.flatMap((c) => (c.type === 'merge' ? [c.id, c.into] : [c.id])));
  const missed = unread.filter((u) => u.marked && !acted.has(u.id));
  if (unread.length > 0 && (out.length === 0 || !out.every((c) => ORDER_TYPES.has(c.type)))) return null;
  out.push(...missed.map((u): WithId => ({ type: 'unread', id: u.id, text: u.text })));
  // "7号呢？7号交给张师傅 期限3天": the question answered by what is then done with it.
  const settled = new Set(out.filter((c) => c.type !== 'status').map((c) => c.id));
  // "10号和8号是一回事…，10号并到8号去": the same order said twice is one.
  const once = distinct(out.filter((c) => c.type !== 'status' || !settled.has(c.id)));
  // One order beside a remark about the same item is that order.
  return once.length >= 2 || (once.length === 1 && unread.length > 0) ? once : null;
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
  const out = distinct(cmds);
  return out.length >= 2 ? out : null;
}

/** Each command once (one per kind and item), in order. */
function distinct(cmds: WithId[]): WithId[] {
  const seen = new Set<string>();
  return cmds.filter((c) => {
    const key = `${c.type}:${c.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
