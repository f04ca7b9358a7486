// The parser of commands as people type them. Its vocabulary is in command-words.ts, its result types
// in command-types.ts, the arguments of the officials' commands in parse-official-args.ts, thanks in thanks.ts.
import { parseNumber } from './chinese-number.ts';
import type { Command, CommandName } from './command-types.ts';
import { COMMAND_WORDS, CORRECTED_NUMBER, CORRECTION_LEAD, EXTRA_WORDS, WITHDRAW_REASON } from './command-words.ts';
import { confirmArgs } from './confirm-args.ts';
import { DEFAULT_SNOOZE_DAYS, MAX_SNOOZE_DAYS, snoozeDays } from './snooze-days.ts';
import { onlyFillers, TRAILING_FILLER, TRAILING_PUNCT } from './fillers.ts';
import { readItemId } from './item-id.ts';
import { normalizeText, withoutEmoji } from './normalize-text.ts';
import { stripMentions } from './strip-mentions.ts';
import { parseFreeOrder } from './parse-free-order.ts';
import { STATUS_TAIL } from './parse-item-tail.ts';
import { parseAssign, parseDeadline, parseInvite, parseJoin, parsePriority, parseSetting } from './parse-official-args.ts';
import { parsePhrases } from './parse-phrases.ts';
import { isThanks } from './thanks.ts';
import { onlyCountAsked, statsOfStretch, statsSpanSaid } from './stats-span.ts';

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

const SENTENCE_STARTERS = new Set<CommandName>(['category', 'kind', 'priority', 'deadline', 'reopen', 'restore']);
const NO_ARGS = new Set<CommandName>(['help', 'mine', 'list', 'working', 'stats', 'login', 'thanks']);
const WITH_CONTENT = new Set<CommandName>(['wish', 'report']);
const SEPARATORS = /^[\s:,.;!，。：；、！]*/u;
// "我来认领12号", "请确认 12", "麻烦帮我查一下12号": politeness before the command word.
const POLITE_PREFIX = /^(?:请|麻烦(?:你|您)?|帮(?:我|忙)|本人(?:申请)?|申请|我(?:要|想要?|来|这边|已经?|可以|现在|申请)?|那(?:就|我)?|好的?|嗯|ok|现在|马上|先)+[\s,，、。]*/iu;
// After the word and before the id: "认领一下12号", "完成了12号", "确认下 12".
const BEFORE_ID = /^(?:一下|下|了|掉|个)(?=\s|#|第|\d|号|[〇零一二两三四五六七八九十])/u;

/**
 * Turns what a person typed into a command. Tolerates a leading @mention, full-width characters,
 * `#12` / `＃１２` / `十二` / `12号`, politeness around the command, common typos and free word order
 * ("12号我来", "#12 搞定了"). Anything that is not a command is `text`, for the dialogue to handle.
 * "更正：…" before a command leads it; before anything else ("说错了，不是漏水是渗水") it stays.
 */
export function parseCommand(input: string): Command {
  const bare = stripMentions(input);
  const stripped = bare.replace(CORRECTION_LEAD, '');
  if (stripped !== bare) {
    const cmd = commandOf(stripped);
    return cmd.type === 'text' ? commandOf(input) : cmd;
  }
  return commandOf(input);
}

function commandOf(input: string): Command {
  // "哎呀不是7号 是5号理发 已经完成了": the number corrected is the one meant.
  const original = stripMentions(input).replace(CORRECTED_NUMBER, '');
  // 俺 is 我 in the north; "十八 我来📱": emoji are spaces (as many code units, so offsets hold).
  const norm = withoutEmoji(normalizeText(original).replace(/俺/gu, '我'));
  if (norm.trim() === '') return { type: 'empty' };
  if (isThanks(norm)) return { type: 'thanks' };

  const strict = parseWords(norm, original) ?? parsePhrases(norm);
  if ((strict?.type === 'wish' || strict?.type === 'report') && onlyCountAsked(normalizeText(strict.text))) return { type: 'stats', span: statsSpanSaid(norm) }; // "微心愿这礼拜几件"
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
        if (name === 'stats' && statsOfStretch(after)) return statsOfStretch(after)!;
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
    if (/^(?:[的了过得]|着(?!急))/u.test(norm)) return null;
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
  if (name === 'join') return parseJoin(norm, word);
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
      // "取消。4号的地址是…", "取消 6号能不能快点": 取消 ends a draft there, and what follows is about
      // the item; it withdraws only alone or with a reason to ("取消4号 不需要了").
      if (word === '取消' && text !== '' && !WITHDRAW_REASON.test(head.norm)) return null;
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
    case 'restore':
      return { type: 'restore', id };
    case 'kind': {
      const said = /^(?:改为|改成|设为|为|是)?\s*(微心愿|心愿|问题反映|反映问题|反映|报修)(?:吧|了)?[\s。.!！]*$/u.exec(head.norm.trim());
      if (!said) return { type: 'invalid', command: name, problem: 'bad_kind' };
      return { type: 'kind', id, kind: /心愿/u.test(said[1]!) ? 'wish' : 'report' };
    }
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
