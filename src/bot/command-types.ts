import type { CommunityRole, ItemKind, Priority } from '../domain/types.ts';
import type { StatsSpan } from './stats-span.ts';

// What parseCommand makes of a message: a command with its arguments, a problem with one, or text.

/** A day named in words: 周五 of this week or next, a month and day, or the month's end. */
/** `nearest`: a weekday said without 这/本/下 — the next one to come (周五 said on a Saturday is next week's). */
export type DayRef = { weekday: number; weeksAhead: 0 | 1; nearest?: true } | { month: number; day: number } | { monthEnd: true } | { today: true } | { daysAhead: number };

export type AssignTarget = { kind: 'person'; name: string } | { kind: 'unit'; name: string };

export type Command =
  /** `topic`: a how-to question about one thing (rating, becoming a volunteer), or who the bot is. */
  | { type: 'help'; topic?: 'rate' | 'join' | 'who' | 'photo' }
  | { type: 'wish'; text: string }
  | { type: 'report'; text: string }
  | { type: 'claim'; id: number }
  | { type: 'progress'; id: number; note: string }
  | { type: 'done'; id: number; note: string }
  | { type: 'release'; id: number; reason: string }
  | { type: 'confirm'; id: number; rating: number | null; comment: string }
  | { type: 'dispute'; id: number; reason: string }
  | { type: 'withdraw'; id: number; reason: string }
  /** "6号恢复", "4号还要的": a withdrawal put right. */
  | { type: 'restore'; id: number }
  /** "3号是长期的 别给结了": a need that comes back (keep-on.ts). */
  | { type: 'keep_on'; id: number; note: string }
  /** "这周办结的列个清单", "有哪些居民不满意的": what was finished, or sent back or rated low, in a stretch. */
  | { type: 'closed'; which: 'done' | 'unhappy'; span?: StatsSpan }
  /** A clause of an official's orders about item N that could not be read: said back, not dropped. */
  | { type: 'unread'; id: number; text: string }
  /** 转告 12 话: the submitter's words for whoever works on it. */
  | { type: 'tell'; id: number; note: string }
  | { type: 'support'; id: number }
  | { type: 'status'; id: number }
  | { type: 'mine' }
  | { type: 'list' }
  /** 在办: items being worked on, who holds each and by when (officials; others: their own). */
  | { type: 'working'; holder?: string }
  | { type: 'join'; code: string }
  | { type: 'assign'; id: number; target: AssignTarget }
  | { type: 'reject'; id: number; reason: string }
  | { type: 'merge'; id: number; into: number }
  | { type: 'snooze'; id: number; days: number }
  /** `topic`: 先锋榜, who did most this week (an official's "这周谁干得多 排个名"). */
  | { type: 'stats'; topic?: 'pioneers'; span?: StatsSpan }
  | { type: 'category'; id: number; category: string }
  /** "3号改为问题反映", "选错了 应该是心愿": wish or report put right (submitter or official). */
  | { type: 'kind'; id: number; kind: ItemKind }
  /** "3号地点应为东门口人行道": the place put right. */
  | { type: 'place'; id: number; place: string }
  /** "17号内容有误 应为：只换灯泡": the item's words put right. */
  | { type: 'content'; id: number; text: string }
  | { type: 'priority'; id: number; priority: Priority }
  | { type: 'deadline'; id: number; workingDays: number }
  /** "这周五之前", "12月5日前", "月底前": a day, counted into working days when the command runs. */
  | { type: 'deadline'; id: number; by: DayRef }
  | { type: 'reopen'; id: number; reason: string }
  | { type: 'invite'; role: CommunityRole; uses: number }
  | { type: 'login' }
  | { type: 'thanks' }
  | { type: 'answer'; yes: boolean; id: number | null }
  | { type: 'invalid'; command: CommandName; problem: ParseProblem }
  | { type: 'text'; text: string }
  | { type: 'empty' };

export type CommandName = Exclude<Command['type'], 'invalid' | 'text' | 'empty' | 'unread' | 'closed'>;
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
  /** 类型 12 with neither 微心愿 nor 问题反映 after it. */
  | 'bad_kind'
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
