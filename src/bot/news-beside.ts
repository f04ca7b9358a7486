import type { Command } from './command-types.ts';
import { parseCommand } from './parse-command.ts';
import { stripMentions } from './strip-mentions.ts';

type WithId = Extract<Command, { id: number }>;

// "9号期限改到12月8号 物业说主板坏了等配件 跟居民说一声", "17号分类改成治安安全 我已经打了95598
// 供电所说半小时到": an official's settings of one item, with news for its resident beside them.
// The settings are read as they were; the news goes to the resident as 转告 (it had reached nobody).
const SETTINGS = new Set<Command['type']>(['category', 'deadline', 'priority', 'assign', 'snooze']);
// "跟老刘说物业礼拜一上午来换井圈": the words that ask for it to be passed on are not passed on.
const PASS_ON_LEAD = /^(?:麻烦|请)?(?:你|您)?(?:告诉(?:居民|住户|业主|提出人|他|她|人家)?|(?:跟|和|给)(?:(?:居民|住户|业主|提出人|他|她|人家|老?[\u4e00-\u9fa5]{1,3}?)?(?:说|讲)(?:一声|一下|声)?)?)[\s,，:：]*/u;
// ("…跟沈老伯说声抱歉 耽误了": an apology is for the resident too.)
const NEWS = /抱歉|不好意思|对不起|耽误了|久等了|我已经|已经(?:打了|联系|通知|报了|找了|跟)|(?:说|讲)[^，。,\s]{0,10}(?:到|来|修|换|坏|好)|等配件|在等|(?:明天|后天|(?:下)?(?:礼拜|周|星期)[一二三四五六日天])(?:上午|下午|晚上)?(?:就)?(?:来|到|修|换|装)/u;

/** The commands read, and 转告 of the news said beside them; `cmds` as it was when there is none. */
export function newsBeside(text: string, cmds: WithId[] | null): WithId[] | null {
  // Most messages carry no news: they are not parsed a second time (every message passes here).
  if (!NEWS.test(text)) return cmds;
  const read = cmds ?? [parseCommand(text)];
  if (read.length === 0 || !read.every((c) => SETTINGS.has(c.type) && 'id' in c)) return cmds;
  const id = (read[0] as WithId).id;
  if (!read.every((c) => (c as WithId).id === id)) return cmds;
  const clauses = stripMentions(text).split(/[，,。；;\s]+/u).filter((c) => c !== '');
  const news = clauses.filter((c) => NEWS.test(c) && ['text', 'progress', 'tell'].includes(parseCommand(`${id}号 ${c}`).type));
  if (news.length === 0) return cmds;
  return [...(read as WithId[]), { type: 'tell', id, note: news.map((c) => c.replace(/^#?\d{1,6}号?/u, '').replace(PASS_ON_LEAD, '') || c).join('，') }];
}
