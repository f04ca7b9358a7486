// The parser of commands as people type them. Its vocabulary is in command-words.ts, its result
// types in command-types.ts, the arguments of the officials' commands in parse-official-args.ts,
// thanks in thanks.ts.
import { CHINESE_NUMBER, parseNumber } from './chinese-number.ts';
import type { Command, CommandName } from './command-types.ts';
import { COMMAND_WORDS, EXTRA_WORDS } from './command-words.ts';
import { confirmArgs } from './confirm-args.ts';
import { DEFAULT_SNOOZE_DAYS, MAX_SNOOZE_DAYS, snoozeDays } from './snooze-days.ts';
import { onlyFillers, TRAILING_FILLER, TRAILING_PUNCT } from './fillers.ts';
import { readItemId } from './item-id.ts';
import { normalizeText, withoutEmoji } from './normalize-text.ts';
import { stripMentions } from './strip-mentions.ts';
import { parseFreeOrder } from './parse-free-order.ts';
import { STATUS_TAIL } from './parse-item-tail.ts';
import { assigneeName, parseAssign, parseDeadline, parseInvite, parseJoin, parsePriority, parseSetting } from './parse-official-args.ts';
import { isThanks } from './thanks.ts';

export type { AssignTarget, Command, CommandName, ParseProblem } from './command-types.ts';
export { COMMAND_WORDS } from './command-words.ts';
export { DEFAULT_INVITE_USES, MAX_DEADLINE_DAYS, MAX_INVITE_USES } from './parse-official-args.ts';
export { isThanks } from './thanks.ts';

export { DEFAULT_SNOOZE_DAYS, MAX_SNOOZE_DAYS } from './snooze-days.ts';
type Word = { name: CommandName; word: string; soft: boolean };

// Longest word first so that 待认领 wins over 认领 and 微心愿 over 心愿.
const WORDS: Word[] = [
  ...Object.entries(COMMAND_WORDS).flatMap(([name, words]) => words.map((word) => ({ name: name as CommandName, word, soft: false }))),
  ...Object.entries(EXTRA_WORDS).flatMap(([name, words]) => words!.map((word) => ({ name: name as CommandName, word, soft: true }))),
].sort((a, b) => b.word.length - a.word.length);

const SENTENCE_STARTERS = new Set<CommandName>(['category', 'priority', 'deadline', 'reopen']);
const NO_ARGS = new Set<CommandName>(['help', 'mine', 'list', 'working', 'stats', 'login', 'thanks']);
const WITH_CONTENT = new Set<CommandName>(['wish', 'report']);
const SEPARATORS = /^[\s:,.;!，。：；、！]*/u;
// "我来认领12号", "请确认 12", "麻烦帮我查一下12号": politeness before the command word.
const POLITE_PREFIX = /^(?:请|麻烦(?:你|您)?|帮(?:我|忙)|我(?:要|想要?|来|这边|已经?|可以|现在)?|那(?:就|我)?|好的?|嗯|ok|现在|马上|先)+[\s,，、。]*/iu;
// After the word and before the id: "认领一下12号", "完成了12号", "确认下 12".
const BEFORE_ID = /^(?:一下|下|了|掉|个)(?=\s|#|第|\d|号|[〇零一二两三四五六七八九十])/u;

/**
 * Turns what a person typed into a command. Tolerates a leading @mention, full-width characters,
 * `#12` / `＃１２` / `十二` / `12号`, politeness around the command, common typos and free word order
 * ("12号我来", "#12 搞定了"). Anything that is not a command is `text`, for the dialogue to handle.
 */
const CORRECTED_NUMBER = /^(?:哎呀|啊|哦)?[\s,，]*不是\s*#?\s*[\d〇零一二两三四五六七八九十]+\s*号?\s*[,，、\s]*是(?=\s*#?\s*[\d〇零一二两三四五六七八九十])/u;

export function parseCommand(input: string): Command {
  // "哎呀不是7号 是5号理发 已经完成了": the number corrected is the one meant.
  const original = stripMentions(input).replace(CORRECTED_NUMBER, '');
  // 俺 is 我 in the north; one character for one, so offsets hold.
  // "十八 我来📱", "2号搞定✅": emoji are spaces to the parser (as many code units, so offsets hold).
  const norm = withoutEmoji(normalizeText(original).replace(/俺/gu, '我'));
  if (norm.trim() === '') return { type: 'empty' };
  if (isThanks(norm)) return { type: 'thanks' };

  const strict = parseWords(norm, original) ?? parsePhrases(norm);
  if (strict && strict.type !== 'invalid') return strict;
  const free = parseFreeOrder(norm, original);
  if (free) return free;
  return strict ?? { type: 'text', text: original.trim() };
}

/** The command word at the start (after politeness), and its arguments. */
function parseWords(norm: string, original: string): Command | null {
  const lower = norm.toLowerCase();
  const start = norm.length - norm.trimStart().length;
  const starts = [start];
  const polite = POLITE_PREFIX.exec(norm.slice(start));
  if (polite && polite[0].length > 0) starts.push(start + polite[0].length);

  let invalid: Command | null = null;
  for (const begin of starts) {
    for (const { name, word, soft } of WORDS) {
      if (!lower.startsWith(word, begin)) continue;
      const afterWord = begin + word.length;
      const next = norm.charAt(afterWord);
      // An English word must end at a boundary: "helpme" is not "help".
      if (/^[a-z]/i.test(word) && /[a-z]/i.test(next)) continue;
      // "问题是他不在家" and "反应很快" are sentences; as commands these words are followed by a break.
      if ((word === '问题' || word === '反应') && /^[\u4e00-\u9fa5]/u.test(next) && !/^(?:一下|个事|一个|个问题|一件)/u.test(norm.slice(afterWord))) continue;
      if (NO_ARGS.has(name)) {
        // "我的水管坏了" is a message, not the command 我的.
        const after = norm.slice(afterWord).replace(TRAILING_PUNCT, '').replace(/^(?:一下|下)/u, '');
        // "登录一下后台": the place one signs in to is no argument.
        if (onlyFillers(name === 'login' ? after.replace(/^(?:到|进)?(?:后台|控制台|系统|网页|管理后台)/u, '') : after)) return { type: name } as Command;
        continue;
      }
      let restStart = afterWord + (norm.slice(afterWord).match(SEPARATORS)?.[0].length ?? 0);
      const filler = BEFORE_ID.exec(norm.slice(restStart));
      if (filler && !WITH_CONTENT.has(name)) restStart += filler[0].length;
      const joined = restStart === afterWord;
      const parsed = parseArgs(name, word, norm.slice(restStart), original.slice(restStart), soft, joined);
      if (!parsed) continue;
      if (parsed.type !== 'invalid') return parsed;
      if (!soft) invalid ??= parsed;
    }
  }
  return invalid;
}

/** Requests written around the word: "生成一个党员邀请码", "给我个后台链接", "请问怎么认领". */
function parsePhrases(norm: string): Command | null {
  const t = norm.trim().replace(TRAILING_PUNCT, '');
  // "你好，我来报到，邀请码R5YEE9Y6": the code among other words.
  // Codes are made of capitals and digits (some without a digit): "报到AKVZAQVQ", "码是AKVZAQVQ".
  const join = /(?:报到|报道|码是|邀请码是)[^A-Za-z0-9]{0,12}?(?:(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])([A-Za-z0-9-]{6,16})|([A-Z]{8}))(?:$|[^A-Za-z0-9])/u.exec(t);
  if (join) return { type: 'join', code: (join[1] ?? join[2])!.toUpperCase() };
  // "搞错了！24号是我发错的，不是新的燃气泄漏，赶紧撤掉": that item was a mistake.
  const mistaken = /^(?:搞错了|弄错了|错了|不好意思|抱歉)?[!！\s,，。]*#?\s*(\d{1,6})\s*号?(?:是|这条|这个)?(?:我)?(?:发错|报错|弄错|填错)(?:了|的)|^(?:搞错了|弄错了)?[!！\s,，。]*#?\s*(\d{1,6})\s*号?(?:是)?(?:误报|手滑发的)/u.exec(t);
  if (mistaken) return { type: 'withdraw', id: Number(mistaken[1] ?? mistaken[2]), reason: '发错了' };
  // "请郑凯同志负责15号事项，尽快落实。": who, then the item.
  const personFirst = /^(?:请|让|由)([\u4e00-\u9fa5]{2,3}?)(?:同志|老师|师傅)?(?:负责|跟进|牵头|去办|办理|处理)\s*#?\s*(\d{1,6})\s*号(?:事项|那件事|的事)?(?:[，,。\s]|$)/u.exec(t);
  if (personFirst) return { type: 'assign', id: Number(personFirst[2]), target: { kind: 'unit', name: personFirst[1]! } };
  // "不对 6号是给物业 不是市政": a hand-over put right.
  const rightUnit = /^(?:不对|错了|搞错了|说错了|弄错了)?[\s,，。]*#?\s*(\d{1,6})\s*号?\s*(?:应该)?(?:是)?(?:给|交给|交|派给|转给)\s*([^\s,，。]{2,8}?)[\s,，。]*不是(?:给|交给)?\s*[^\s,，。]{2,8}$/u.exec(t);
  if (rightUnit) return { type: 'assign', id: Number(rightUnit[1]), target: { kind: 'unit', name: assigneeName(rightUnit[2]!) } };
  // "跟9号林晓说一下，刚才那两条进展是发错了": words for the people of item 9.
  const passOn = /^(?:麻烦)?(?:跟|和|给|告诉)\s*#?\s*(\d{1,6})\s*号?[\u4e00-\u9fa5]{0,4}?(?:说一下|说一声|讲一声|说下|讲下|带个话)[\s,，:：]*([\s\S]+)$/u.exec(t);
  if (passOn) return { type: 'tell', id: Number(passOn[1]), note: passOn[2]!.trim() };
  // "郑主任给的码 KEYK8F4P 报到", "KEYK8F4P": the code first, or alone (letters and digits, as made).
  // Codes are eight of ABCDEFGHJKMNPQRSTUVWXYZ23456789 (domain/invites.ts), some without a digit.
  const codeFirst = /(?:^|[^A-Za-z0-9])([A-HJKMNP-Z2-9]{8}|(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{8})(?:\s*(?:报到|报道)|$)/u.exec(t);
  if (codeFirst && (/报到|报道|码/u.test(t) || t === codeFirst[1])) return { type: 'join', code: codeFirst[1]!.toUpperCase() };
  // "锦园那边我也兼着，FUVPZTV7 这个码我也报一下到": a code among words that say joining.
  const codeAmong = /(?:^|[^A-Za-z0-9])([A-HJKMNP-Z2-9]{8})(?=$|[^A-Za-z0-9])/u.exec(t);
  if (codeAmong && /\d|[A-Z]{8}/u.test(codeAmong[1]!) && /报(?:一下|个|一个)?到|报道|(?:这个|用这个|拿这个)码/u.test(t)) return { type: 'join', code: codeAmong[1]! };
  // "干部码 1个", "党员码两个": a code asked for by whose it is.
  const byWhose = new RegExp(`^(干部|党员|志愿者)的?(?:邀请)?码\\s*(?:(\\d{1,3}|${CHINESE_NUMBER})\\s*(个|张|次|人))?$`, 'u').exec(t);
  if (byWhose) {
    const parsed = parseInvite(byWhose[3] === '次' || byWhose[3] === '人' ? `${byWhose[1]!} ${byWhose[2]}次` : byWhose[1]!, true);
    if (parsed?.type === 'invite') return parsed;
  }
  if (/^(?:请问|我想问一下)?(?:这个)?(?:怎么|如何|咋)(?:个|样)?(?:报到|认领|接单|用|使用|操作|反映|许愿|提交|确认|评价|登录|查询|弄|搞|整)(?:这个|啊|呀|呢|吗|嘛|哦|噻|撒)?$/u.test(t)) return { type: 'help' };
  if (/^(?:给我|发我|发一?个|要一?个|我要|请发|帮我生成)?(?:一?个)?(?:后台|登录|控制台|管理后台)(?:的)?(?:链接|地址|网址|入口)$/u.test(t)) return { type: 'login' };
  const invite = /^(?:我要|要|请|帮我|给我)?(?:生成|创建|发|来|开|弄|做)?([\s\S]*?)邀请码([\s\S]*)$/u.exec(t);
  if (invite && (invite[1] !== '' || invite[2] !== '')) {
    const parsed = parseInvite(`${invite[1]} ${invite[2]}`, true);
    if (parsed?.type === 'invite') return parsed;
  }
  // "给新来的网格员小吴弄个干部邀请码", "麻烦帮我生成两个干部的邀请码，…，谢谢", "再生成一个党员
  // 邀请码，只用一次就可以了": a code asked for among other words; how many may use it, if said
  // ("一个" is one code, not one use).
  // "给我一个党员的码 一个人用就行": 码 alone, after whose it is.
  const forSomeone = new RegExp(`(?:弄|生成|开|发|做|要|来|创建|准备|给我|给)(?:一下)?(?:(\\d{1,3}|${CHINESE_NUMBER})\\s*(?:个|张)|一?个|一?张)?(?:(干部|党员|志愿者)?的?邀请码|(干部|党员|志愿者)的?码(?![A-Za-z0-9]))`, 'u').exec(t);
  if (forSomeone) {
    const uses = new RegExp(`(\\d{1,4}|${CHINESE_NUMBER})\\s*(?:个人|人|次)`, 'u').exec(t.slice(forSomeone.index + forSomeone[0].length));
    const codes = forSomeone[1] ? parseNumber(forSomeone[1]) : null;
    const n = /(?:只)?(?:能)?用一次|一次性/u.test(t) ? 1 : uses ? parseNumber(uses[1]!) : codes !== null && codes >= 2 ? codes : null;
    const parsed = parseInvite(`${forSomeone[2] ?? forSomeone[3] ?? ''} ${n ?? ''}`.trim() || '邀请码', true);
    if (parsed?.type === 'invite') return parsed;
  }
  return null;
}

export type IdAndRest = { id: number; norm: string; raw: string; separated: boolean };

/** Reads `12`, `#12`, `＃１２`, `12号`, `第12号` or `十二` at the start; the rest keeps its offsets. */
function readId(norm: string, raw: string): IdAndRest | null {
  const m = readItemId(norm);
  if (!m) return null;
  const sep = norm.slice(m.length).match(SEPARATORS)?.[0].length ?? 0;
  const consumed = m.length + sep;
  return { id: m.id, norm: norm.slice(consumed), raw: raw.slice(consumed), separated: sep > 0 };
}

/** The rest of a command as a note or reason: "了", "吧" and thanks alone are no note. */
function noteOf(head: IdAndRest): string {
  const text = head.raw.trim();
  return onlyFillers(head.norm) ? '' : text;
}

/** "认领 12 13", "认领12号和13号": a second item where only one is meant. */
function hasSecondId(norm: string): boolean {
  const t = norm.replace(/^[\s,，、和及跟与还有]+/u, '');
  return /^(?:#|第|\d)/u.test(t) && readItemId(t) !== null;
}

/** `joined`: the word runs straight into what follows ("完成作业了"), with no space or colon. */
function parseArgs(name: CommandName, word: string, norm: string, raw: string, soft: boolean, joined: boolean): Command | null {
  if (WITH_CONTENT.has(name)) {
    const lead = /^(?:一下|吓|一个问题|个问题|一件事|个事)?[\s:,.;!，。：；、！]*/u.exec(norm)![0].length;
    const content = raw.slice(lead).trim();
    // "我反映的问题怎么样了", "反映了好几次": 反映 describes here; it does not start a report.
    if (/^[的了过得着]/u.test(norm)) return null;
    // "投诉12号 志愿者没来": a complaint about an item is a dispute of it.
    if (word === '投诉') {
      const item = readId(norm.slice(lead), raw.slice(lead));
      if (item && /^(?:#|第|\d)/u.test(norm.slice(lead))) return { type: 'dispute', id: item.id, reason: noteOf(item) };
    }
    // "问题" and "反映" also start ordinary sentences; without content they are not a command.
    if (content === '') return { type: 'invalid', command: name, problem: 'missing_text' };
    return { type: name, text: content } as Command;
  }
  if (name === 'answer') return parseAnswer(word === '是' || word === 'yes', norm);
  if (name === 'join') return parseJoin(norm);
  if (name === 'invite') return parseInvite(norm, soft);

  // "确认收到" acknowledges a message; it confirms no item.
  if (name === 'confirm' && /^收到/u.test(norm)) return null;
  const head = readId(norm, raw);
  if (!head) {
    const sentence = /^[\u4e00-\u9fa5]/u.test(norm) && !onlyFillers(norm.replace(/^(?:一下|下)/u, ''));
    // "完成作业了", "认领一只小猫", "优先照顾老人": the word starts a sentence, not a command.
    // "认领 一下", "进展 已联系" (a space after the word) are commands missing their number.
    if (sentence && (joined || SENTENCE_STARTERS.has(name))) return null;
    // "+1" alone agrees with someone in a group; it names no item.
    if (name === 'support' && norm.trim() === '') return null;
    return { type: 'invalid', command: name, problem: 'missing_id' };
  }
  const text = noteOf(head);
  const { id } = head;
  // Soft words ("接", "查", "领") must be the whole message, or "接12路公交" would be a claim.
  const bare = onlyFillers(head.norm);
  switch (name) {
    case 'claim':
      if (hasSecondId(head.norm)) return { type: 'invalid', command: name, problem: 'many_ids' };
      return soft && !bare ? null : { type: 'claim', id };
    case 'status':
      if (hasSecondId(head.norm)) return { type: 'invalid', command: name, problem: 'many_ids' };
      return soft && !bare && !STATUS_TAIL.test(head.norm.replace(TRAILING_FILLER, '').trim()) ? null : { type: 'status', id };
    case 'support':
      if (hasSecondId(head.norm)) return { type: 'invalid', command: name, problem: 'many_ids' };
      return soft && !bare ? null : { type: 'support', id };
    case 'withdraw':
      return { type: 'withdraw', id, reason: text };
    case 'tell':
      return text ? { type: 'tell', id, note: text } : { type: 'invalid', command: name, problem: 'missing_text' };
    case 'progress':
      // "进度 12" and "进展 12 怎么样了" ask; they do not report.
      if (STATUS_TAIL.test(head.norm.replace(TRAILING_FILLER, '').replace(/[?？吗]+$/u, '').trim()) && head.norm.trim() !== '') return { type: 'status', id };
      if (soft && !text) return { type: 'status', id };
      return text ? { type: 'progress', id, note: text } : { type: 'invalid', command: name, problem: 'missing_text' };
    case 'done':
      // "搞定 12" yes, "修好 12楼的灯" no: after a soft word only fillers or a separated note.
      return soft && !bare && !head.separated ? null : { type: 'done', id, note: text };
    case 'release':
      return { type: 'release', id, reason: text };
    case 'dispute':
      return { type: 'dispute', id, reason: text };
    case 'reject':
      return text ? { type: 'reject', id, reason: text } : { type: 'invalid', command: name, problem: 'missing_reason' };
    case 'reopen':
      // The reason is optional: the official is accountable either way, and the event records who.
      return { type: 'reopen', id, reason: text };
    case 'confirm': {
      const args = confirmArgs(head.norm, head.raw);
      if (args === 'bad_rating') return { type: 'invalid', command: name, problem: 'bad_rating' };
      // Thanks are a comment worth keeping; a bare 了 or 吧 is not.
      return { type: 'confirm', id, rating: args.rating, comment: /^[\s了吧啦哈呀啊。.!！,，~～]*$/u.test(args.comment) ? '' : args.comment };
    }
    case 'assign':
      return parseAssign(id, head.raw);
    case 'merge': {
      const m = /^(?:到|至|进|入|into|to|->|=>|→)?\s*#?\s*(\d{1,12}|[〇零一二两三四五六七八九十百]+)(?:号)?\s*(?:里|中|上|去)?\s*$/iu.exec(head.norm.trim());
      const into = m ? parseNumber(m[1]!) : null;
      if (into === null) return { type: 'invalid', command: name, problem: 'bad_merge' };
      return { type: 'merge', id, into: Math.min(into, 2_147_483_647) };
    }
    case 'snooze': {
      const t = head.norm.replace(TRAILING_FILLER, '').trim();
      if (t === '') return { type: 'snooze', id, days: DEFAULT_SNOOZE_DAYS };
      const days = snoozeDays(t) ?? NaN;
      if (!(days >= 1 && days <= MAX_SNOOZE_DAYS)) return { type: 'invalid', command: name, problem: 'bad_days' };
      return { type: 'snooze', id, days };
    }
    case 'category':
      return parseSetting(id, head, word);
    case 'priority':
      return parsePriority(id, head.norm, word === '加急' || word === '设为紧急');
    case 'deadline':
      return parseDeadline(id, head.norm);
    default:
      return null;
  }
}

function parseAnswer(yes: boolean, norm: string): Command | null {
  // Only "是" / "否" on their own, or with an item number, answer a question; "是不是…" is text.
  const t = norm.trim().replace(TRAILING_PUNCT, '');
  if (t === '') return { type: 'answer', yes, id: null };
  const head = readId(t, t);
  return head && head.norm.trim() === '' ? { type: 'answer', yes, id: head.id } : null;
}
