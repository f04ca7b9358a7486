import type { Command } from './command-types.ts';
import type { ItemIdMatch } from './item-id.ts';
import { parseCommand } from './parse-command.ts';

// One command inside a story: spelled out at its end ("…！确认 4 5"), or a clause of it on the one
// number ("…，认领4号"). Pure.

type Found = ItemIdMatch & { index: number };
type WithId = Extract<Command, { id: number }>;

// Commands that can be said of an item inside other words, or of several at once ("认领12和13"):
// not 合并 (two numbers of its own) nor a bare answer (是 12).
export const SAID_OF_MANY = new Set<Command['type']>([
  'claim', 'support', 'status', 'withdraw', 'progress', 'done', 'release', 'confirm', 'dispute',
  'reject', 'reopen', 'assign', 'snooze', 'category', 'priority', 'deadline',
]);

// A command written out in full after other words: "怎么退回了？搞错了，我们是非常满意！确认 4 5",
// "…我再办结一次：完成 15 已清运", "那我再报一次完成 4".
const SPELLED_OUT = /(?:确认|认领|完成|办结|撤回|附议|查询|放弃|转告|驳回|指派|进展)\s*#?\s*(?:\d{1,6}|[一二三四五六七八九十]{1,3})(?![\d一二三四五六七八九十])/gu;

/** The last command spelled out in full in a message that reads as no command. */
export function commandSaidLast(raw: string): WithId[] | null {
  const found = [...raw.matchAll(SPELLED_OUT)];
  const last = found.at(-1);
  if (!last || last.index === 0) return null;
  // A question before it ("4号怎么又退回来了？") asks nothing once the command is said.
  const whole = parseCommand(raw);
  if (whole.type !== 'text' && whole.type !== 'invalid' && whole.type !== 'status') return null;
  const cmd = parseCommand(raw.slice(last.index).split(/[。！!？?；;]/u)[0]!);
  return 'id' in cmd && typeof cmd.id === 'number' && SAID_OF_MANY.has(cmd.type) ? [cmd as WithId] : null;
}

/**
 * "周阿姨星期四去医院我陪她去吧，正好我那天也要去拿药，认领4号": a story, and in it one clause that
 * is a command on the one number. Only when the whole message reads as no command.
 */
export function commandClause(raw: string, id: Found): WithId[] | null {
  const whole = parseCommand(raw);
  if (whole.type !== 'text' && whole.type !== 'invalid') return null;
  const start = Math.max(...[...raw.slice(0, id.index).matchAll(/[,，。;；!！]/gu)].map((m) => m.index + 1), 0);
  const endAt = raw.slice(id.index).search(/[,，。;；!！]/u);
  let clause = raw.slice(start, endAt < 0 ? raw.length : id.index + endAt).trim();
  if (clause === raw.trim()) {
    // "我就住隔壁单元我马上过去认领二十号": the command word just before the number, without a stop.
    const word = /(?:认领|完成|撤回|附议|查询|放弃)\s*$/u.exec(raw.slice(0, id.index));
    if (!word) return null;
    clause = raw.slice(word.index, endAt < 0 ? raw.length : id.index + endAt).trim();
  }
  const cmd = parseCommand(clause);
  return 'id' in cmd && cmd.id === id.id && SAID_OF_MANY.has(cmd.type) ? [cmd as WithId] : null;
}
