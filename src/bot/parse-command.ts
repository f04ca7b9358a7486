import type { CommunityRole, Priority } from '../domain/types.ts';
import { parseNumber, CHINESE_NUMBER } from './chinese-number.ts';
import { confirmArgs } from './confirm-args.ts';
import { onlyFillers, TRAILING_FILLER } from './fillers.ts';
import { readItemId } from './item-id.ts';
import { workingDays } from './working-days.ts';
import { normalizeText } from './normalize-text.ts';
import { parseFreeOrder, STATUS_TAIL } from './parse-free-order.ts';

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
  | { type: 'category'; id: number; category: string }
  | { type: 'priority'; id: number; priority: Priority }
  | { type: 'deadline'; id: number; workingDays: number }
  | { type: 'reopen'; id: number; reason: string }
  | { type: 'invite'; role: CommunityRole; uses: number }
  | { type: 'login' }
  | { type: 'thanks' }
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
  | 'bad_merge'
  /** 设置 12 with nothing after it. */
  | 'missing_category'
  /** 优先 12 with a word that is neither 紧急 nor 普通. */
  | 'bad_priority'
  /** 期限 12 with nothing after it. */
  | 'missing_deadline'
  /** 期限 12 with something that is not 1–60 working days. */
  | 'bad_deadline'
  /** 邀请码 with words that are neither a role nor a number of uses. */
  | 'bad_invite'
  /** 邀请码 党员 0 / 1000: uses outside 1–MAX_INVITE_USES. */
  | 'bad_invite_uses'
  /** 认领 12 13: one item at a time. */
  | 'many_ids';

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
  category: ['设置', 'category'],
  priority: ['优先', 'priority'],
  deadline: ['期限', 'deadline'],
  reopen: ['重新打开', 'reopen'],
  invite: ['邀请码', 'invite'],
  login: ['登录', '后台', 'console', 'login'],
  thanks: ['谢谢', '感谢', 'thanks'],
  answer: ['是', '否', 'yes', 'no'],
};

/**
 * Synonyms and common typos (pinyin input picks the wrong character: 认令, 确任, 登陆, 报道). They
 * count only when the whole command parses: "接孩子" or "取消" alone stay ordinary text, where a
 * word of SPEC's table would get a hint about what is missing.
 */
const EXTRA_WORDS: Partial<Record<CommandName, readonly string[]>> = {
  help: ['怎么用', '怎么使用', '如何使用', '使用说明', '说明', '菜单', '功能', '指令', '命令', '不会用', '你能做什么', '能做什么', '都能做什么'],
  wish: ['许愿', '许个愿', '许个心愿', '许一个心愿', '有个心愿', '有一个心愿', '小心愿'],
  report: ['反应', '报修', '投诉', '举报', '反馈'],
  claim: ['认令', '任领', '认岭', '认领了', '领取', '领', '接', '我接'],
  progress: ['进度', '更新进展', '跟进'],
  done: ['完城', '玩成', '已完成', '已办结', '办完', '办好', '做完', '搞定', '修好', '处理好', '处理完'],
  release: ['退单', '不做了'],
  confirm: ['确任', '却认', '确人', '评分', '打分'],
  withdraw: ['撤销', '撤会', '取消'],
  support: ['付议', '附意', '加一'],
  status: ['查寻', '查讯', '查一下', '查下', '查查', '查看', '查', '看看', '看一下', '问一下'],
  mine: ['我的事项', '我的单子', '我的工单', '我的任务', '我认领的', '我提的', '我的心愿', '我的反映', '我的问题'],
  list: ['待领取', '未认领', '没人认领的', '可认领', '可以认领的'],
  join: ['报道', '注册'],
  assign: ['交办', '派给', '分派', '指派给'],
  reject: ['拨回', '退回'],
  merge: ['和并'],
  stats: ['统计数据', '数据'],
  category: ['分类', '类别', '改分类', '设置分类'],
  priority: ['优先级', '加急', '设为紧急'],
  deadline: ['时限', '办理期限', '截止', '限期'],
  reopen: ['重开', '重新办理', '重新打开一下'],
  invite: ['生成邀请码', '发邀请码', '要邀请码', '创建邀请码', '新邀请码', '邀请'],
  login: ['登陆', '登入', '管理后台', '进后台', '登录后台', '控制台'],
};

export const DEFAULT_SNOOZE_DAYS = 3;
export const MAX_SNOOZE_DAYS = 30;
/**
 * 邀请码 without a role is for 党员, the common case; a member code serves a whole party branch, so
 * it defaults to 30 uses; an official code grants supervision, so it defaults to one use.
 */
export const DEFAULT_INVITE_USES: Record<CommunityRole, number> = { member: 30, official: 1 };
export const MAX_INVITE_USES = 200;
export const MAX_DEADLINE_DAYS = 60;

type Word = { name: CommandName; word: string; soft: boolean };

// Longest word first so that 待认领 wins over 认领 and 微心愿 over 心愿.
const WORDS: Word[] = [
  ...Object.entries(COMMAND_WORDS).flatMap(([name, words]) => words.map((word) => ({ name: name as CommandName, word, soft: false }))),
  ...Object.entries(EXTRA_WORDS).flatMap(([name, words]) => words!.map((word) => ({ name: name as CommandName, word, soft: true }))),
].sort((a, b) => b.word.length - a.word.length);

const SENTENCE_STARTERS = new Set<CommandName>(['category', 'priority', 'deadline', 'reopen']);
const NO_ARGS = new Set<CommandName>(['help', 'mine', 'list', 'stats', 'login', 'thanks']);
const WITH_CONTENT = new Set<CommandName>(['wish', 'report']);
const SEPARATORS = /^[\s:,.;!，。：；、！]*/u;
const TRAILING_PUNCT = /[\s.!?,。！？，~～]+$/u;
// "我来认领12号", "请确认 12", "麻烦帮我查一下12号": politeness before the command word.
const POLITE_PREFIX = /^(?:请|麻烦(?:你|您)?|帮(?:我|忙)|我(?:要|想要?|来|这边|已经?|可以|现在)?|那(?:就|我)?|好的?|嗯|ok|现在|马上)+[\s,，、。]*/iu;
// After the word and before the id: "认领一下12号", "完成了12号", "确认下 12".
const BEFORE_ID = /^(?:一下|下|了|掉|个)(?=\s|#|第|\d|号|[〇零一二两三四五六七八九十])/u;
const THANKS_CORE =
  '(?:(?:非常|十分|万分|太|真是?|真的|多)?(?:谢谢|感谢|多谢|谢了|谢啦|感恩|辛苦)(?:你|您|你们|您们|了|啦|哈|啊|呀|大家|小助手|连心|机器人|书记|老师|各位|党员同志|志愿者)*|thanks?(?: you)?|thx|3q|麻烦(?:你|您)?了)';
const THANKS = new RegExp(
  `^(?:(?:好的?|嗯+|收到|ok)[\\s,，。!！]*)?(?:${THANKS_CORE}(?:[\\s,，。.!！~～❤💕🌹]|[\\u{1F300}-\\u{1FAFF}\\u2600-\\u27BF\\uFE0F])*)+$`,
  'iu',
);

/**
 * Turns what a person typed into a command. Tolerates a leading @mention, full-width characters,
 * `#12` / `＃１２` / `十二` / `12号`, politeness around the command, common typos and free word order
 * ("12号我来", "#12 搞定了"). Anything that is not a command is `text`, for the dialogue to handle.
 */
export function parseCommand(input: string): Command {
  const original = stripMentions(input);
  // 俺 is 我 in the north; one character for one, so offsets hold.
  const norm = normalizeText(original).replace(/俺/gu, '我');
  if (norm.trim() === '') return { type: 'empty' };
  if (isThanks(norm)) return { type: 'thanks' };

  const strict = parseWords(norm, original) ?? parsePhrases(norm);
  if (strict && strict.type !== 'invalid') return strict;
  const free = parseFreeOrder(norm, original);
  if (free) return free;
  return strict ?? { type: 'text', text: original.trim() };
}

// "谢谢刘书记", "谢谢你们帮我修好了灯": thanks to someone, with no new request or complaint in it.
const THANKS_TO = new RegExp(`^(?:好的?[\\s,，。!！]*)?${THANKS_CORE}[^\\d?？]{1,14}$`, 'iu');
const NOT_JUST_THANKS = /反映|问题|坏|漏|不|没|想|要|能不能|请问|怎么|还有|另外|但是|可是|心愿|帮忙看|@|#/u;

/** "谢谢", "谢谢你", "感谢", "辛苦了", "好的谢谢", "谢谢刘书记" on their own: a short warm answer. */
export function isThanks(text: string): boolean {
  const t = normalizeText(text).trim();
  return THANKS.test(t) || (THANKS_TO.test(t) && !NOT_JUST_THANKS.test(t));
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
      if ((word === '问题' || word === '反应') && /^[\u4e00-\u9fa5]/u.test(next) && !norm.startsWith('一下', afterWord)) continue;
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
  if (/^(?:请问|我想问一下)?(?:这个)?(?:怎么|如何|咋)(?:报到|认领|接单|用|使用|操作|反映|许愿|提交|确认|评价|登录|查询)(?:这个|啊|呀|呢|吗)?$/u.test(t)) return { type: 'help' };
  if (/^(?:给我|发我|发一?个|要一?个|我要|请发|帮我生成)?(?:一?个)?(?:后台|登录|控制台|管理后台)(?:的)?(?:链接|地址|网址|入口)$/u.test(t)) return { type: 'login' };
  const invite = /^(?:我要|要|请|帮我|给我)?(?:生成|创建|发|来|开|弄|做)?([\s\S]*?)邀请码([\s\S]*)$/u.exec(t);
  if (invite && (invite[1] !== '' || invite[2] !== '')) {
    const parsed = parseInvite(`${invite[1]} ${invite[2]}`, true);
    if (parsed?.type === 'invite') return parsed;
  }
  return null;
}

type IdAndRest = { id: number; norm: string; raw: string; separated: boolean };

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
    const lead = /^(?:一下|一个问题|个问题|一件事|个事)?[\s:,.;!，。：；、！]*/u.exec(norm)![0].length;
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
      const m = new RegExp(`^(\\d{1,4}|${CHINESE_NUMBER})\\s*(?:天|日|days?|d)?$`, 'iu').exec(t);
      const days = m ? (parseNumber(m[1]!) ?? NaN) : NaN;
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

const PRIORITY_WORD = /^(?:优先级?|设为|设置为|改为|改成|设成|为|成|:|：)+/u;
const URGENT_WORDS = /^(?:紧急|加急|特急|很急|急|高|最高|优先|urgent|high|是)$/iu;
const NORMAL_WORDS = /^(?:普通|一般|正常|常规|不急|不紧急|低|取消(?:紧急|优先|加急)?|解除(?:紧急)?|恢复(?:普通|正常)?|normal|low|否)$/iu;

/** 优先 12 紧急 | 普通; "优先 12" alone makes it urgent (that is what 优先 means). */
function parsePriority(id: number, norm: string, urgentWord: boolean): Command {
  const t = norm.replace(TRAILING_FILLER, '').replace(PRIORITY_WORD, '').trim();
  if (t === '') return { type: 'priority', id, priority: 'urgent' };
  if (URGENT_WORDS.test(t)) return { type: 'priority', id, priority: 'urgent' };
  if (NORMAL_WORDS.test(t) && !urgentWord) return { type: 'priority', id, priority: 'normal' };
  return { type: 'invalid', command: 'priority', problem: 'bad_priority' };
}

/** 期限 12 3天 / 3个工作日 / 三天 / 一周: working days, 1–MAX_DEADLINE_DAYS. */
function parseDeadline(id: number, norm: string): Command {
  const t = norm.replace(TRAILING_FILLER, '').replace(/^(?:期限|时限|设为|设置为|改为|改成|为|:|：)+/u, '').trim();
  if (t === '') return { type: 'invalid', command: 'deadline', problem: 'missing_deadline' };
  const days = workingDays(t);
  if (days === null || days < 1 || days > MAX_DEADLINE_DAYS) return { type: 'invalid', command: 'deadline', problem: 'bad_deadline' };
  return { type: 'deadline', id, workingDays: days };
}

/**
 * 设置 12 分类 环境卫生; 设置 also reaches the other settings, as officials write them:
 * "设置 12 紧急", "设置 12 优先 普通", "设置 12 期限 3天".
 */
function parseSetting(id: number, head: IdAndRest, word: string): Command {
  const t = head.norm.replace(TRAILING_FILLER, '').trim();
  if (word === '设置' || word === 'category') {
    if (/^(?:优先级?|紧急|普通|加急|不急)/u.test(t)) return parsePriority(id, t, false);
    if (/^(?:期限|时限)/u.test(t) || (t !== '' && workingDays(t) !== null)) return parseDeadline(id, t);
  }
  const lead = /^(?:分类|类别|类型|设为|设置为|改为|改成|归为|归入|为|成|:|：|\s)*/u.exec(head.norm)![0].length;
  const category = head.raw.slice(lead).replace(TRAILING_PUNCT, '').trim();
  if (category === '') return { type: 'invalid', command: 'category', problem: 'missing_category' };
  return { type: 'category', id, category };
}

const ROLE_WORDS: ReadonlyArray<readonly [RegExp, CommunityRole]> = [
  [/^(?:党员|志愿者|党员志愿者|member|members)/iu, 'member'],
  [/^(?:干部|社区干部|网格长|网格员|official|officials)/iu, 'official'],
];

/** 邀请码 [党员|干部] [次数], in any order; "邀请码 AB12CD34" is someone joining with a code. */
function parseInvite(norm: string, soft: boolean): Command | null {
  const t = norm.replace(TRAILING_FILLER, '').trim();
  // "邀请码怎么用", "邀请码在哪里领": a question, for residents and officials alike; help covers both.
  if (/^(?:是)?(?:怎么|如何|在哪|哪里|什么|啥|干什么|有什么用)/u.test(t)) return soft ? null : { type: 'help' };
  const code = /^(?:是|:|：)?\s*([A-Za-z0-9-]{4,32})$/u.exec(t);
  if (code && /[A-Za-z]/u.test(code[1]!)) return { type: 'join', code: code[1]!.toUpperCase() };
  let role: CommunityRole | null = null;
  let uses: number | null = null;
  let s = t;
  while (s !== '') {
    const sep = /^[\s,，、:：的]+|^(?:给|发|生成|一个|个|张|用|可用|身份|角色|要|来|的)/u.exec(s);
    if (sep) {
      s = s.slice(sep[0].length);
      continue;
    }
    const r = ROLE_WORDS.find(([re]) => re.test(s));
    if (r && role === null) {
      role = r[1];
      s = s.slice(r[0].exec(s)![0].length);
      continue;
    }
    const n = new RegExp(`^(?:限|最多)?(\\d{1,6}|${CHINESE_NUMBER})\\s*(?:个|次|人|份|张|名|位|uses?)?`, 'iu').exec(s);
    if (n && uses === null) {
      uses = parseNumber(n[1]!);
      s = s.slice(n[0].length);
      continue;
    }
    return soft ? null : { type: 'invalid', command: 'invite', problem: 'bad_invite' };
  }
  const finalRole = role ?? 'member';
  const finalUses = uses ?? DEFAULT_INVITE_USES[finalRole];
  if (finalUses < 1 || finalUses > MAX_INVITE_USES) return { type: 'invalid', command: 'invite', problem: 'bad_invite_uses' };
  // "邀请" alone is a word of many sentences; only 邀请码 alone makes a code.
  if (soft && role === null && uses === null && !/邀请码/u.test(t)) return null;
  return { type: 'invite', role: finalRole, uses: finalUses };
}

function parseJoin(norm: string): Command {
  const t = norm.replace(/^(?:邀请码|码)?\s*(?:是|为|:|：)?\s*/u, '').replace(TRAILING_PUNCT, '').trim();
  if (t === '') return { type: 'invalid', command: 'join', problem: 'missing_code' };
  const code = /^([A-Za-z0-9-]{4,32})$/u.exec(t);
  return { type: 'join', code: (code ? code[1]! : t).toUpperCase() };
}

function parseAssign(id: number, raw: string): Command {
  const t = normalizeText(raw).replace(/^(?:给|交给|派给|到)\s*/u, '').trim();
  const offset = raw.trim().length - t.length;
  if (t === '') return { type: 'invalid', command: 'assign', problem: 'missing_target' };
  if (t.startsWith('@')) {
    const name = t.slice(1).trim();
    if (name === '') return { type: 'invalid', command: 'assign', problem: 'missing_target' };
    return { type: 'assign', id, target: { kind: 'person', name: raw.trim().slice(offset + 1).trim() } };
  }
  return { type: 'assign', id, target: { kind: 'unit', name: raw.trim().slice(offset).trim() } };
}

function parseAnswer(yes: boolean, norm: string): Command | null {
  // Only "是" / "否" on their own, or with an item number, answer a question; "是不是…" is text.
  const t = norm.trim().replace(TRAILING_PUNCT, '');
  if (t === '') return { type: 'answer', yes, id: null };
  const head = readId(t, t);
  return head && head.norm.trim() === '' ? { type: 'answer', yes, id: head.id } : null;
}
