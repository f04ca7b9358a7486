import { withoutEmoji } from './normalize-text.ts';
import type { CommunityRole } from '../domain/types.ts';
import { parseNumber, CHINESE_NUMBER } from './chinese-number.ts';
import type { Command } from './command-types.ts';
import { TRAILING_FILLER, TRAILING_PUNCT } from './fillers.ts';
import { normalizeText } from './normalize-text.ts';
import { dayRef, workingDays } from './working-days.ts';

// The arguments of the officials' commands (优先, 期限, 设置, 邀请码, 指派) and of 报到.

/** What follows the item id, normalised and as typed (same offsets). */
type Rest = { norm: string; raw: string };

/**
 * 邀请码 without a role is for 党员, the common case; a member code serves a whole party branch, so
 * it defaults to 30 uses; an official code grants supervision, so it defaults to one use.
 */
export const DEFAULT_INVITE_USES: Record<CommunityRole, number> = { member: 30, official: 1 };
export const MAX_INVITE_USES = 200;
export const MAX_DEADLINE_DAYS = 60;

const PRIORITY_WORD = /^(?:优先级?|设为|设置为|改为|改成|设成|为|成|:|：)+/u;
const URGENT_WORDS = /^(?:紧急|加急|特急|很急|急|高|最高|优先|urgent|high|是)$/iu;
const NORMAL_WORDS = /^(?:普通|一般|正常|常规|不急|不紧急|低|取消(?:紧急|优先|加急)?|解除(?:紧急)?|恢复(?:普通|正常)?|normal|low|否)$/iu;

/** 优先 12 紧急 | 普通; "优先 12" alone makes it urgent (that is what 优先 means). */
export function parsePriority(id: number, norm: string, urgentWord: boolean): Command {
  const t = norm.replace(TRAILING_FILLER, '').replace(PRIORITY_WORD, '').trim();
  if (t === '') return { type: 'priority', id, priority: 'urgent' };
  if (URGENT_WORDS.test(t)) return { type: 'priority', id, priority: 'urgent' };
  if (NORMAL_WORDS.test(t) && !urgentWord) return { type: 'priority', id, priority: 'normal' };
  return { type: 'invalid', command: 'priority', problem: 'bad_priority' };
}

/** 期限 12 3天 / 3个工作日 / 三天 / 一周: working days, 1–MAX_DEADLINE_DAYS. */
export function parseDeadline(id: number, norm: string): Command {
  const t = norm.replace(TRAILING_FILLER, '').replace(/^(?:期限|时限|设为|设置为|改为|改成|为|:|：)+/u, '').trim();
  if (t === '') return { type: 'invalid', command: 'deadline', problem: 'missing_deadline' };
  // "期限 8 后天": the calendar day, not two working days.
  const day = /^(?:今天|今日|明天|明日|后天)/u.test(t) ? dayRef(t) : null;
  if (day) return { type: 'deadline', id, by: day };
  const days = workingDays(t);
  if (days === null) {
    const by = dayRef(t);
    if (by) return { type: 'deadline', id, by };
  }
  if (days === null || days < 1 || days > MAX_DEADLINE_DAYS) return { type: 'invalid', command: 'deadline', problem: 'bad_deadline' };
  return { type: 'deadline', id, workingDays: days };
}

/**
 * 设置 12 分类 环境卫生; 设置 also reaches the other settings, as officials write them:
 * "设置 12 紧急", "设置 12 优先 普通", "设置 12 期限 3天".
 */
export function parseSetting(id: number, head: Rest, word: string): Command {
  const t = head.norm.replace(TRAILING_FILLER, '').trim();
  if (word === '设置' || word === 'category') {
    if (/^(?:优先级?|紧急|普通|加急|不急)/u.test(t)) return parsePriority(id, t, false);
    // "设置7号为紧急"
    if (/^(?:为|成|是)(?:紧急|普通|加急|一般|正常)/u.test(t)) return parsePriority(id, t.slice(1), false);
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
export function parseInvite(norm: string, soft: boolean): Command | null {
  const t = norm.replace(TRAILING_FILLER, '').trim();
  // "邀请码怎么用", "邀请码在哪里领": a question, for residents and officials alike; help covers both.
  if (/^(?:是)?(?:怎么|如何|在哪|哪里|什么|啥|干什么|有什么用)/u.test(t)) return soft ? null : { type: 'help' };
  const code = /^(?:是|:|：)?\s*([A-Za-z0-9-]{4,32})$/u.exec(t);
  if (code && /[A-Za-z]/u.test(code[1]!)) return { type: 'join', code: code[1]!.toUpperCase() };
  let role: CommunityRole | null = null;
  let uses: number | null = null;
  let s = t;
  while (s !== '') {
    const sep = /^[\s,，、:：的]+|^(?:给|发|生成|一个|个|张|用|可用|身份|角色|要|来|的)|^(?:就行|就够了?|就可以了?|即可|够了)$/u.exec(s);
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
    const n = new RegExp(`^(?:限|最多)?(\\d{1,6}|${CHINESE_NUMBER})\\s*(?:个|次|回|遍|人|份|张|名|位|uses?)?`, 'iu').exec(s);
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

export function parseJoin(norm: string, word = '报到'): Command | null {
  // "加入 4P5DQGP2" joins with the code; "我想加入志愿者" is a sentence (help says how).
  if (word === '加入') {
    const code = /(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,12}(?![A-Za-z0-9])/u.exec(norm);
    return code ? { type: 'join', code: code[0].toUpperCase() } : null;
  }
  // "报到啦 69M6F8BK", "报到了😊 TKWRNR6E": a particle or an emoji before the code is no part of it.
  const t = withoutEmoji(norm).replace(/^(?:啦|了|喽|咯|哈|呀|啊|一下|下)+[\s!！~～,，。]*/u, '').replace(/^(?:邀请码|码)?\s*(?:是|为|:|：)?\s*/u, '').replace(TRAILING_PUNCT, '').trim();
  if (t === '') return { type: 'invalid', command: 'join', problem: 'missing_code' };
  // "报道 gmq2tr86 刘书记给的": the code, then who gave it.
  const code = /^([A-Za-z0-9-]{4,32})(?:$|\s+[\u4e00-\u9fa5])/u.exec(t);
  // "zpw9 c29n": a code typed in two halves, as it was read out.
  const halves = /^([A-Za-z0-9]{2,16})\s+([A-Za-z0-9]{2,16})(?:$|\s+[\u4e00-\u9fa5])/u.exec(t);
  return { type: 'join', code: (code ? code[1]! : halves ? `${halves[1]}${halves[2]}` : t).toUpperCase() };
}

/** "处理一下", "去办": what to do, after whom; not part of a name. */
export const ASSIGN_DUTY = /(?:\s*(?:去|来)?(?:处理|办理|跟进|跟|负责|解决|看看|看一下|返工|整改|落实)(?:一下|下)?|(?:\s+|去|来)(?:办|修|弄)(?:一下|下)?|(?:办|修|弄)一下)(?:吧|了)?$/u;

/**
 * Who an item is handed to, out of what the official wrote after the verb: "陈志强 让他带电工去" →
 * 陈志强, "网格员杨红去调解一下" → 杨红, "物业公司 限期维修" → 物业公司. The first word, without a
 * role before it or what they are to do after it.
 */
export function assigneeName(text: string): string {
  let name = text.trim().split(/[\s,，。;；]+/u)[0] ?? '';
  const at = /^[@＠]/u.test(name) ? name[0]! : '';
  // "让物业小陈牵头": whom, not the verb before them.
  name = name.replace(/^(?:让|叫|请|由)(?=[\u4e00-\u9fa5]{2})/u, '');
  // "物业张师傅": the person, by surname and title, without where they work.
  name = name.replace(/^(?:物业(?:公司)?|保洁|保安|社区|居委会)的?(?=[\u4e00-\u9fa5](?:师傅|经理|主任|姐|哥)(?:$|[去来负跟处办]))/u, '');
  name = name.slice(at.length).replace(/^(?:网格员|网格长|志愿者|党员|社工|同志|师傅)+/u, '').replace(/^由/u, '').replace(/^(?:我们|咱们)?的?(?:志愿者|党员)/u, '').replace(/(?<=^[\u4e00-\u9fa5]{2,4})(?:同志|老师|师傅)(?=$|[去来负牵跟协处办抽有])/u, '').replace(/(?<=^[\u4e00-\u9fa5]{2,4})(?:抽空|有空|得空|尽快)$/u, '');
  // "包经理这边牵头": where they sit and what they do are no part of the name.
  name = name.replace(/(?<=^[\u4e00-\u9fa5]{2,4}?)(?:这边|那边)[\u4e00-\u9fa5]*$/u, '');
  // "孙网格长牵头", "孙网格长本人", "赵经理正式处理": what they do, or that it is them, is no part of the name.
  name = name.replace(/(?<=^[\u4e00-\u9fa5]{2,5}?)(?:本人|牵头|跟进|正式(?:处理|办理|负责)?)$/u, '');
  name = name.replace(/(?:马上|立刻|立即|赶紧|赶快|尽快|现在|今天|明天|下午|上午)+过?$/u, '').replace(/限(?:期)?[\d一二两三四五六七八九十]+(?:个工作日|个?天|日)[\s\S]*$/u, '');
  // "物业公司撒盐除冰": a known unit, then what it is to do.
  const unit = /^(物业(?:公司)?|城管|供电所|供电局|环卫(?:所|站|处)?|自来水公司|水务公司|燃气公司|派出所|市政|房管所|街道)/u.exec(name);
  if (unit && !at && /^[处清修弄撒去来帮负跟看解办管铲扫拖挪先再马掏通维换返整落]/u.test(name.slice(unit[1]!.length))) name = unit[1]!;
  const duty = /(?:去|来|帮忙|负责)[\u4e00-\u9fa5]*$/u.exec(name);
  if (duty && duty.index >= 2) name = name.slice(0, duty.index);
  // "周网格带保安": whom they take along is no part of the name.
  name = name.replace(/(?<=^[\u4e00-\u9fa5]{2,4}?)(?:带(?:上|着)?|领着|叫上|喊上)[\u4e00-\u9fa5]{1,4}$/u, '');
  // "交给物业吧": the particle is no part of the name.
  // "张浩先去…": 先/再/也 after a name is no part of it.
  return at + name.replace(ASSIGN_DUTY, '').replace(/(?<=.{2})[吧啊哈呀呢嘛啦咯喔嘞]+$/u, '').replace(/(?<=^[\u4e00-\u9fa5]{2,3})(?:先|再|也|就)$/u, '');
}

export function parseAssign(id: number, raw: string): Command {
  raw = assigneeName(raw.trim().replace(/^(?:给|交给|派给|到)\s*/u, ''));
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
