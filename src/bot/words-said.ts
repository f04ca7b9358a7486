import type { Tx } from '../db/sql.ts';
import type { BotDeps } from './bot-deps.ts';
import { calledByName } from './called-by-name.ts';
import type { MessageContext } from './context.ts';
import { fromPinyin } from './from-pinyin.ts';
import { withItemDescribed } from './item-described.ts';
import { withNumberedThings } from './numbered-thing.ts';
import { officeCommands } from './office-style.ts';
import { withoutSpacedCharacters } from './spaced-words.ts';
import { trailingMention } from './trailing-mention.ts';

/**
 * The words of a message as the parsers read them, and whether it named the bot (which addresses it
 * in a group): the bot's name at the end or at the start is no part of them, and pinyin, spaced
 * characters and an official's formulas are said plainly.
 */
export async function wordsSaid(tx: Tx, given: MessageContext, deps: BotDeps): Promise<{ ctx: MessageContext; named: boolean; greetingOnly: boolean }> {
  // "…味儿老大了 @连心": the bot named at the end is addressed as at the start.
  const before = trailingMention(given.msg.text, deps.settings.botName);
  // "你好小连 吃了吗 旧冰箱要抬下楼": called by name, then what is asked (a greeting alone stays).
  const lead = calledByName(before ?? given.msg.text, deps.settings.botName);
  // "manyi, xiexie", "cancel": short answers typed in pinyin or English, read as their Chinese.
  const typed = lead?.rest || (before ?? given.msg.text);
  // "7号车棚那个加急" from an official: item 7, when item 7 is the one about the 车棚.
  const plain = withoutSpacedCharacters(fromPinyin(typed) ?? typed);
  // "经研究，2号事项…着物业公司办理": an official's formulas, said plainly.
  const official = [...given.actor.roles.values()].includes('official');
  // "滑梯的事紧急，派给莫建国": an official naming the item by what it is about.
  const said = await withNumberedThings(tx, given.actor, official ? officeCommands(await withItemDescribed(tx, given.actor, plain, given.now)) : plain);
  return { ctx: said === given.msg.text ? given : { ...given, msg: { ...given.msg, text: said } }, named: before !== null || lead !== null, greetingOnly: lead !== null && lead.rest === '' };
}
