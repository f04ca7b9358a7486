import type { Dialogue } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import type { InboundMessage } from '../core/messages.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import type { Step } from './dialogue-store.ts';
import { guessIntent } from './guess-intent.ts';
import { addressedToBot, type OpenQuestion } from './is-addressed-to-bot.ts';
import { parseCommands } from './parse-commands.ts';
import { itemTalk } from './item-talk.ts';
import { parseCorrection } from './correction.ts';
import { lastStep } from './correct-last.ts';
import { openPrompts, type OpenPrompt } from './prompts.ts';
import { extractPlace } from './extract-place.ts';
import { extractPhone } from './extract-phone.ts';
import { isSkip } from './skip-and-cancel.ts';
import { stripMentions } from './strip-mentions.ts';
import { CALLS_SOMEONE, isAcknowledgement, isReassurance } from './small-talk.ts';
import { understandReply } from './understand-reply.ts';
import { BURST_MS } from './dialogue-words.ts';
import { normalizeText } from './normalize-text.ts';
import { isThanks } from './parse-command.ts';

// A verdict on a fix: satisfied or not, a score, fixed or not.
export const VERDICT = /满意|评价|打分|满分|好评|差评|[1-5一二三四五]\s*(?:分|星|颗星)|[⭐★]|修好了|弄好了|办好了|真好了|彻底好了|没修好|没弄好|又坏|还是(?:不|老样子|坏)|(?:这|哪能|怎么能|咋能)算(?:是)?(?:弄好|修好|办好|好|完)了|一闪一闪|(?:^|[\s,，。])不行(?=$|[\s,，。!！啊呀])|亮(?:咯|啦|堂)|好亮|不(?:漏|堵|晃|响)了|(?:贼|很|挺|可)结实|点(?:个)?赞|这回(?:行|好)了?|好使了|能用了|暖和(?:多)?了|(?:又|还)(?:在)?(?:闪|漏|堵|冒|漫)|没(?:得)?(?:通|修|弄|整)(?:完|好|利索)|漫出来/u;

/**
 * In a group: a command, an @mention, an emergency, or the answer to the bot's own question from
 * the person it asked; chatter between residents gets nothing. WeCom's and DingTalk's group robots
 * receive only messages that @ them (the channels take the mention out), so those are addressed;
 * in the simulator people type "@连心" themselves.
 */
export async function isForTheBot(tx: Tx, ctx: MessageContext, dialogue: Dialogue | null, deps: BotDeps): Promise<boolean> {
  const { msg } = ctx;
  const input = {
    text: msg.text,
    chat: 'group' as const,
    mentionedBot: mentionedByPlatform(msg),
    hasAttachment: msg.photos.length > 0 || msg.location !== null,
    botNames: [deps.settings.botName],
  };
  const question: OpenQuestion | null = dialogue ? { kind: 'dialogue', step: dialogue.step as Step } : null;
  if (addressedToBot({ ...input, question }) !== null) return true;
  // "那啥" / "俺家暖气不咋热乎" / "屋里才十六度": the rest of a report typed in bursts by the person the
  // bot just asked what kind it is, not chatter to the neighbours.
  if (dialogue && (dialogue.step === 'kind' || dialogue.step === 'text') && ctx.now.getTime() - dialogue.updatedAt.getTime() < BURST_MS && isMorePieces(msg.text)) return true;
  // "6 基础设施 交物业 限3天", "11和12我周末一起弄了": commands, though none reads alone.
  if (!input.hasAttachment && parseCommands(msg.text) !== null) return true;
  // "17号 电工说是线路老化，明天带材料来换" from its holder: news of that item, said to everyone.
  if (msg.location === null && (await itemTalk(tx, ctx.actor, msg.text, ctx.now, ctx.actor.roles.size > 0 ? 'held' : false)) !== null) return true;
  // "现在还有啥单子没人接的 发我看看" from a volunteer: the open list, asked of the bot in words.
  if (ctx.actor.roles.size > 0 && guessIntent(msg.text)?.type === 'list') return true;
  // "刚才说错了 是5号不是3号" from someone who just acted on an item here.
  const fix = input.hasAttachment ? null : parseCorrection(msg.text);
  if (fix && (await lastStep(tx, ctx.person.id, fix.wrong, ctx.now))) return true;
  if (dialogue) return false;
  // "电话就不留了吧…", "谢谢社区谢谢物业来得真快满意的": the answer to a question the bot asked this
  // person (privately, or after its notice) said in the group.
  const prompts = await openPrompts(tx, ctx.person, ctx.now);
  if (!input.hasAttachment && prompts.some((p) => answersPrompt(p, msg.text))) return true;
  // "具体在哪里？" after an urgent report raised in this group: a place (not just any words) answers it.
  const asked = (await openPrompts(tx, ctx.person, ctx.now)).some((p) => p.kind === 'place' && p.item.sourceConversationId === msg.conversationId);
  return asked && (msg.location !== null || extractPlace(msg.text) !== null);
}

/** Whether words plainly answer an open prompt (a phone number or declining it; a verdict on a fix). */
function answersPrompt(p: OpenPrompt, text: string): boolean {
  if (p.kind === 'phone') return extractPhone(text) !== null || isSkip(text) || (p.partial !== null && /^[\d\s-]+$/u.test(text.trim()));
  // In a group "好的" or "谢谢" is said to anyone: only a verdict in words of its own counts.
  if (p.kind === 'confirm' || p.kind === 'revisit') {
    const plain = stripMentions(text).trim();
    // "吴书记 红绿灯那个事真麻烦你了…谢谢你" thanks a person; a verdict names the fix or a score.
    // "黄师傅真是杠杠滴 俺给打满分": a score said beside a name is still the verdict.
    const scored = /满分|[1-5一二三四五]\s*(?:分|星|颗星)|[⭐★]/u.test(plain);
    return VERDICT.test(plain) && (scored || !CALLS_SOMEONE.test(plain)) && !isAcknowledgement(plain) && understandReply(plain, { kind: p.kind, itemId: p.itemId, itemText: p.item.text }) !== null;
  }
  return false;
}

/** Words that can continue a report: not an acknowledgement, laughter, thanks or a word to someone. */
function isMorePieces(text: string): boolean {
  const t = normalizeText(stripMentions(text)).trim();
  return [...t].length >= 4 && !isAcknowledgement(t) && !isThanks(t) && !isReassurance(t) && !/^(?:哈|呵|嘿|嘻)+|[？?]$|^@|(?:哥|姐|叔|姨|大爷|大妈|奶奶|爷爷|师傅|老师)[，,\s]/u.test(t);
}

function mentionedByPlatform(msg: InboundMessage): boolean {
  return msg.platform !== 'sim';
}
