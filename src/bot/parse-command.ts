import { normalizeText } from './normalize-text.ts';

export type AssignTarget = { kind: 'person'; name: string } | { kind: 'unit'; name: string };

export type Command =
  | { type: 'help' }
  | { type: 'wish'; text: string }
  | { type: 'report'; text: string }
  | { type: 'claim'; id: number }
  | { type: 'progress'; id: number; note: string }
  | { type: 'done'; id: number; note: string }
  | { type: 'release'; id: number; reason: string }
  | { type: 'confirm'; id: number; rating: number | null; comment: string }
  | { type: 'dispute'; id: number; reason: string }
  | { type: 'withdraw'; id: number; reason: string }
  | { type: 'support'; id: number }
  | { type: 'status'; id: number }
  | { type: 'mine' }
  | { type: 'list' }
  | { type: 'join'; code: string }
  | { type: 'assign'; id: number; target: AssignTarget }
  | { type: 'reject'; id: number; reason: string }
  | { type: 'merge'; id: number; into: number }
  | { type: 'snooze'; id: number; days: number }
  | { type: 'stats' }
  | { type: 'console' }
  | { type: 'answer'; yes: boolean; id: number | null }
  | { type: 'invalid'; command: CommandName; problem: ParseProblem }
  | { type: 'text'; text: string }
  | { type: 'empty' };

export type CommandName = Exclude<Command['type'], 'invalid' | 'text' | 'empty'>;
export type ParseProblem =
  | 'missing_id'
  | 'missing_text'
  | 'missing_reason'
  | 'missing_target'
  | 'missing_code'
  | 'bad_rating'
  | 'bad_days'
  | 'bad_merge';

/** Every word that starts a command, Chinese first, then the English aliases of SPEC's table. */
export const COMMAND_WORDS: Record<CommandName, readonly string[]> = {
  help: ['帮助', 'help', '?'],
  wish: ['心愿', '微心愿', 'wish'],
  report: ['反映', '报事', '问题', 'report'],
  claim: ['认领', '接单', 'claim'],
  progress: ['进展', 'progress'],
  done: ['完成', '办结', 'done'],
  release: ['放弃', 'release'],
  confirm: ['确认', '评价', 'confirm'],
  dispute: ['不满意', '重办', 'dispute'],
  withdraw: ['撤回', 'withdraw'],
  support: ['附议', '+1', 'same'],
  status: ['查询', 'status'],
  mine: ['我的', 'mine'],
  list: ['待认领', '列表', 'list'],
  join: ['报到', 'join'],
  assign: ['指派', 'assign'],
  reject: ['驳回', 'reject'],
  merge: ['合并', 'merge'],
  snooze: ['暂停提醒', 'snooze'],
  stats: ['统计', 'stats'],
  console: ['登录', '后台', 'console'],
  answer: ['是', '否', 'yes', 'no'],
};

const MAX_ID = 2_147_483_647;
export const DEFAULT_SNOOZE_DAYS = 3;
export const MAX_SNOOZE_DAYS = 30;

// Longest word first so that 待认领 wins over 认领 and 微心愿 over 心愿.
const WORDS = Object.entries(COMMAND_WORDS)
  .flatMap(([name, words]) => words.map((word) => ({ name: name as CommandName, word })))
  .sort((a, b) => b.word.length - a.word.length);

const NO_ARGS = new Set<CommandName>(['help', 'mine', 'list', 'stats', 'console']);
const WITH_CONTENT = new Set<CommandName>(['wish', 'report']);
const SEPARATORS = /^[\s:,.;!，。：；、！]*/u;
const TRAILING_PUNCT = /[\s.!?,。！？，~～]+$/u;

/**
 * Turns what a person typed into a command. Tolerates a leading @mention, full-width characters,
 * `#12` / `＃１２`, extra spaces and punctuation. Anything that is not a command is `text`, for the
 * dialogue to handle.
 */
export function parseCommand(input: string): Command {
  const original = stripMentions(input);
  const norm = normalizeText(original);
  if (norm.trim() === '') return { type: 'empty' };
  const lower = norm.toLowerCase();
  const start = norm.length - norm.trimStart().length;

  for (const { name, word } of WORDS) {
    if (!lower.startsWith(word, start)) continue;
    const afterWord = start + word.length;
    const next = norm.charAt(afterWord);
    // An English word must end at a boundary: "helpme" is not "help".
    if (/^[a-z]/i.test(word) && /[a-z]/i.test(next)) continue;
    if (NO_ARGS.has(name)) {
      // "我的水管坏了" is a message, not the command 我的.
      if (norm.slice(afterWord).replace(TRAILING_PUNCT, '').trim() === '') return { type: name } as Command;
      continue;
    }
    const restStart = afterWord + (norm.slice(afterWord).match(SEPARATORS)?.[0].length ?? 0);
    const parsed = parseArgs(name, word, norm.slice(restStart), original.slice(restStart));
    if (parsed) return parsed;
  }
  return { type: 'text', text: original.trim() };
}

/** Removes leading @mentions (the bot's name as the platform shows it, or anyone's). */
export function stripMentions(input: string): string {
  let text = input.trimStart();
  for (;;) {
    const m = /^[@＠][^\s@＠]*[\s\u2005\u3000]+/u.exec(text);
    if (!m) break;
    text = text.slice(m[0].length).trimStart();
  }
  // A message that is only a mention ("@连心") is empty.
  if (/^[@＠][^\s]*$/u.test(text.trim())) return '';
  return text;
}

type IdAndRest = { id: number; norm: string; raw: string };

/** Reads `12`, `#12`, `＃１２` or `12号` at the start; the rest keeps its offsets. */
function readId(norm: string, raw: string): IdAndRest | null {
  const m = /^#?\s*(\d{1,12})(?:号)?/u.exec(norm);
  if (!m) return null;
  const value = Number(m[1]);
  const consumed = m[0].length + (norm.slice(m[0].length).match(SEPARATORS)?.[0].length ?? 0);
  return { id: value > MAX_ID ? MAX_ID : value, norm: norm.slice(consumed), raw: raw.slice(consumed) };
}

function parseArgs(name: CommandName, word: string, norm: string, raw: string): Command | null {
  const rest = raw.trim();
  if (WITH_CONTENT.has(name)) {
    // "问题" and "反映" also start ordinary sentences; without content they are not a command.
    if (rest === '') return { type: 'invalid', command: name, problem: 'missing_text' };
    return { type: name, text: rest } as Command;
  }
  if (name === 'answer') return parseAnswer(word === '是' || word === 'yes', norm);
  if (name === 'join') {
    const code = /^([A-Za-z0-9-]{4,32})\s*$/u.exec(norm.trim());
    if (norm.trim() === '') return { type: 'invalid', command: 'join', problem: 'missing_code' };
    return code ? { type: 'join', code: code[1]!.toUpperCase() } : { type: 'join', code: norm.trim().toUpperCase() };
  }

  const head = readId(norm, raw);
  if (!head) return { type: 'invalid', command: name, problem: 'missing_id' };
  const text = head.raw.trim();
  const { id } = head;
  switch (name) {
    case 'claim':
      return { type: 'claim', id };
    case 'status':
      return { type: 'status', id };
    case 'support':
      return { type: 'support', id };
    case 'withdraw':
      return { type: 'withdraw', id, reason: text };
    case 'progress':
      return text ? { type: 'progress', id, note: text } : { type: 'invalid', command: name, problem: 'missing_text' };
    case 'done':
      return { type: 'done', id, note: text };
    case 'release':
      return { type: 'release', id, reason: text };
    case 'dispute':
      return { type: 'dispute', id, reason: text };
    case 'reject':
      return text ? { type: 'reject', id, reason: text } : { type: 'invalid', command: name, problem: 'missing_reason' };
    case 'confirm':
      return parseConfirm(id, head.norm, head.raw);
    case 'assign':
      return parseAssign(id, head.raw);
    case 'merge': {
      const m = /^(?:到|至|进|入|into|to|->|=>|→)?\s*#?\s*(\d{1,12})(?:号)?\s*$/iu.exec(head.norm.trim());
      if (!m) return { type: 'invalid', command: name, problem: 'bad_merge' };
      return { type: 'merge', id, into: Math.min(Number(m[1]), MAX_ID) };
    }
    case 'snooze': {
      const t = head.norm.trim();
      if (t === '') return { type: 'snooze', id, days: DEFAULT_SNOOZE_DAYS };
      const m = /^(\d{1,4})\s*(?:天|日|days?|d)?$/iu.exec(t);
      const days = m ? Number(m[1]) : NaN;
      if (!(days >= 1 && days <= MAX_SNOOZE_DAYS)) return { type: 'invalid', command: name, problem: 'bad_days' };
      return { type: 'snooze', id, days };
    }
    default:
      return null;
  }
}

function parseConfirm(id: number, norm: string, raw: string): Command {
  const t = norm.trimStart();
  const offset = norm.length - t.length;
  const stars = /^([★⭐☆]+)/u.exec(t);
  if (stars) {
    const count = [...stars[1]!].filter((c) => c !== '☆').length;
    if (count < 1 || count > 5) return { type: 'invalid', command: 'confirm', problem: 'bad_rating' };
    return { type: 'confirm', id, rating: count, comment: raw.slice(offset + stars[0].length).trim() };
  }
  const num = /^(-?\d+(?:\.\d+)?)\s*(?:分|星|stars?)?(?=$|[\s,，。.!！:：])/iu.exec(t);
  if (num) {
    const rating = Number(num[1]);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      return { type: 'invalid', command: 'confirm', problem: 'bad_rating' };
    }
    const after = raw.slice(offset + num[0].length).replace(SEPARATORS, '');
    return { type: 'confirm', id, rating, comment: after.trim() };
  }
  return { type: 'confirm', id, rating: null, comment: raw.trim() };
}

function parseAssign(id: number, raw: string): Command {
  const t = normalizeText(raw).trim();
  if (t === '') return { type: 'invalid', command: 'assign', problem: 'missing_target' };
  if (t.startsWith('@')) {
    const name = t.slice(1).trim();
    if (name === '') return { type: 'invalid', command: 'assign', problem: 'missing_target' };
    return { type: 'assign', id, target: { kind: 'person', name: raw.trim().slice(1).trim() } };
  }
  return { type: 'assign', id, target: { kind: 'unit', name: raw.trim() } };
}

function parseAnswer(yes: boolean, norm: string): Command | null {
  // Only "是" / "否" on their own, or with an item number, answer a question; "是不是…" is text.
  const t = norm.trim().replace(TRAILING_PUNCT, '');
  if (t === '') return { type: 'answer', yes, id: null };
  const head = readId(t, t);
  return head && head.norm.trim() === '' ? { type: 'answer', yes, id: head.id } : null;
}
