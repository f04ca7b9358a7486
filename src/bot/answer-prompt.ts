import { HOUR } from '../core/clock.ts';
import { TROUBLE_HERE } from './kind-answer.ts';
import type { Tx } from '../db/sql.ts';
import { confirmItem, disputeItem, rerateItem } from '../domain/item-actions.ts';
import { fileRecurrence, reopenAfterRevisit, revisitAnswered } from './after-confirmation.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { detectEmergency } from './detect-emergency.ts';
import { extractPlace, withoutPlace } from './extract-place.ts';
import { betterPlace } from './better-place.ts';
import { answerPhone } from './phone-answer.ts';
import { notifyChange } from './notify.ts';
import type { Outgoing } from './outgoing.ts';
import { parseCommand } from './parse-command.ts';
import { normalizeText } from './normalize-text.ts';
import { dayRef, workingDays } from './working-days.ts';
import { runCommand } from './commands/index.ts';
import { answered, ask, type OpenPrompt } from './prompts.ts';
import { isCancel, isSkip } from './skip-and-cancel.ts';
import { officials } from './texts/officials.ts';
import { residents } from './texts/residents.ts';
import { understandReply, type ReplyMeaning } from './understand-reply.ts';
import { verdictsByItem, verdictsInOrder, wordsAbout } from './verdicts-by-item.ts';
import { confirmArgs } from './confirm-args.ts';
import { rerateOf } from './rerate-reply.ts';
import { isAcknowledgement, isTakingNote } from './small-talk.ts';
import { REQUEST, THING } from './request-words.ts';
import { namesAnotherItem } from './item-id.ts';
import { parseCommands } from './parse-commands.ts';
import { sharedWords } from './shares-words.ts';
import { aboutAnother } from './items-named.ts';
import { newMatterAfter } from './new-matter-after.ts';
import { matterAfterVerdict } from './matter-after-verdict.ts';
import { keepOn } from './keep-on.ts';
import { guessIntent } from './guess-intent.ts';

const ASKED_OF_THE_BOT = new Set(['help', 'stats', 'list', 'working', 'mine', 'login', 'join']);
// How an answer to someone's words opens ("要得要得", "好的", "好娃娃 麻烦你了") or settles ("十斤一包嘅就得").
const ANSWER_OPENING = /^(?:好个|噢|哦|喔|那就|那敢情好|敢情好|对着了|要得|好的|好嘞|好呀|好啊|好好|好滴|行|行的|可以|中|嗯|ok|没问题|没得问题|莫得问题|晓得了|晓得|知道了|谢谢|麻烦你|辛苦|好娃娃|好孩子|好闺女|好伢子)/iu;
const ANSWER_WORDS = /(?:就|都)(?:得|行|好|可以|够)(?:了|啦|啊|哒)?(?=$|[\s,，。!！])|随便|无所谓/u;
// What an answer to a holder's question or news is made of: when, where, who, thanks.
const REPLY_WORDS = /上午|下午|晚上|中午|早上|明天|后天|明朝|今天|周[一二三四五六日末]|礼拜|[0-9一二三四五六七八九十两]点|单元|楼|室|在家|不在家|有人|钥匙|带上?|电话|好的|行|中|麻烦|谢谢|辛苦|等(?:你|您|他|她)|来接|门口|楼下/u;

/**
 * A message that answers one of the bot's open questions, newest question first. Returns false
 * when it answers none of them: then it is an ordinary message (a new item, thanks, a hint).
 */
export async function answerPrompt(tx: Tx, ctx: MessageContext, prompts: OpenPrompt[], out: Outgoing, deps: BotDeps): Promise<boolean> {
  const text = ctx.msg.text;
  // A verdict or an answer to the bot's own question first; words passed on only after them.
  const ordered = verdictsInOrder([...prompts.filter((p) => p.kind !== 'relay'), ...prompts.filter((p) => p.kind === 'relay')], text);
  // "垃圾的满意 灯的话三楼那盏还是不亮": a verdict for each done notice the words name.
  const each = verdictsByItem(ordered, text)?.map(({ prompt, words }) => ({ prompt, meaning: understandReply(words, { kind: 'confirm', itemId: prompt.itemId, itemText: prompt.item.text }) }));
  if (each && each.every((v) => v.meaning !== null && v.meaning.kind !== 'later')) {
    for (const { prompt, meaning } of each) {
      await answered(tx, prompt.id, ctx.now);
      await act(tx, ctx, meaning!, out, deps);
    }
    return true;
  }
  for (const p of ordered) {
    switch (p.kind) {
      case 'confirm':
      case 'revisit': {
        // "@连心 9号 装修那个…" while #7's question is open is about #9; "快来人 我爸又不见了" is an alarm.
        if (namesAnotherItem(normalizeText(text), p.itemId) || detectEmergency(text)) continue;
        // "好的好的四点钟我在屋里等你啊…" just after a volunteer's words were passed on: for them.
        if (p.kind === 'revisit' && ANSWER_OPENING.test(normalizeText(text).trim()) && ordered.some((o) => o.kind === 'relay' && o.askedAt > p.askedAt)) continue;
        // "五星 谢谢小王。另外我家晾衣架坏了…": the verdict, then the new matter as a message of its own.
        const split = p.kind === 'confirm' ? newMatterAfter(text) : null;
        const meaning = understandReply(split?.verdict ?? wordsAbout(p, text, ordered), { kind: p.kind, itemId: p.itemId, itemText: p.item.text });
        if (!meaning) continue;
        if (meaning.kind === 'later') {
          out.reply(residents.verdictLater(p.itemId));
          return true;
        }
        await answered(tx, p.id, ctx.now);
        await act(tx, ctx, meaning, out, deps);
        if (split) return matterAfterVerdict(tx, ctx, split.matter, p.itemId, out, deps);
        // "满意" while two done notices wait: "都满意" is both; otherwise the other is named, so
        // that it is not left waiting unseen.
        const others = ordered.filter((o) => o.kind === 'confirm' && o.itemId !== p.itemId);
        if (p.kind === 'confirm' && meaning.kind === 'confirm' && others.length > 0) {
          if (/都|两个|两件|全部|全都/u.test(normalizeText(text))) {
            for (const o of others) {
              await answered(tx, o.id, ctx.now);
              await act(tx, ctx, { ...meaning, itemId: o.itemId }, out, deps);
            }
          } else out.reply(residents.alsoDone(others.map((o) => o.itemId)));
        }
        return true;
      }
      case 'rerate': {
        // (A bare "1" may be an item's number: a score put right says 星, 分 or 改.)
        // ("井盖儿换上了 瞅着挺结实 满意" after confirming a stair light is about the manhole.)
        if (namesAnotherItem(normalizeText(text), p.itemId) || detectEmergency(text) || /^\s*[0-9０-９]\s*$/u.test(text) || aboutAnother(p.item.text, normalizeText(text))) continue;
        // "我没有说满意！座板是裂的，没修好", "我冇满意啊！米都冇到" within the day: the confirmation
        // taken back, as a revisit would (the 满意 in it is no score).
        const meaning = understandReply(wordsAbout(p, text, ordered), { kind: 'revisit', itemId: p.itemId, itemText: p.item.text });
        // ("楼下那个灯坏了" just after confirming a stove is a new matter, not the stove taken back.)
        // ("满意是满意…要是又吵起来我再跟你们讲" is about the noise just fixed, not the light before it:
        // words of no subject count only in a short message.)
        const aboutIt = sharedWords(withoutPlace(normalizeText(p.item.text)), withoutPlace(normalizeText(text))) > 0 || /没(?:修|弄|办|送|拿)?好|老样子|没(?:有)?说满意|没满意|不满意|没到|没来/u.test(normalizeText(text)) || (/还是|又/u.test(normalizeText(text)) && [...normalizeText(text)].length <= 16);
        const takenBack = (meaning?.kind === 'reopen' || meaning?.kind === 'new_report') && aboutIt;
        const said = rerateOf(text) ?? (takenBack ? null : await firstScore(tx, p.itemId, text));
        if (!said) {
          if (!takenBack) continue;
          await answered(tx, p.id, ctx.now);
          await act(tx, ctx, meaning, out, deps);
          return true;
        }
        await notifyChange(tx, await rerateItem(tx, ctx.actor, p.itemId, said.rating, said.comment, ctx.now), out, ctx.msg.conversationType === 'group');
        return true;
      }
      case 'phone':
        if (await answerPhone(tx, ctx, p, out)) return true;
        continue;
      case 'deadline': {
        // "哦今天已经周五了，那就下周三吧", "那就3天吧": the day or days meant, run as 期限.
        const said = normalizeText(text).split(/[\s,，。;；!！]+/u).filter((w) => w !== '').at(-1)?.replace(/^(?:那就|就|那|改成|改到|定在)+/u, '').replace(/(?:吧|好了|了|呗|哈)+$/u, '').replace(/(?:之前|以前|前)$/u, '') ?? '';
        const days = workingDays(said);
        const by = days === null ? dayRef(said) : null;
        if (days === null && by === null) continue;
        await answered(tx, p.id, ctx.now);
        await runCommand(tx, ctx, by ? { type: 'deadline', id: p.itemId, by } : { type: 'deadline', id: p.itemId, workingDays: days! }, out, deps);
        return true;
      }
      case 'relay': {
        // An answer to words passed on: back to whoever handles it. Not "好的", not a new matter.
        const said = normalizeText(text).trim();
        // "这个东西怎么用啊我孙子给我装的": a question to the bot, not an answer for the other side.
        // "本周办结率多少", "在办 王芳网格员": figures or a list for the office, not words for the other side.
        if (said === '' || isAcknowledgement(said) || isTakingNote(said) || detectEmergency(text) || ASKED_OF_THE_BOT.has(guessIntent(text)?.type ?? '')) continue;
        // A new request is no answer: words of one, sharing nothing with the item, or another item named.
        // (The same building is no shared subject: "五栋二单元" in a gas alarm and in a wish to read letters.)
        const shared = sharedWords(withoutPlace(normalizeText(p.item.text)), withoutPlace(said));
        // "15号那个漫步机…": another item named (with 号 or #; a bare 301 is a room).
        if (namesAnotherItem(said, p.itemId)) continue;
        // ("…那我周一上午带材料过去 需要复印件吗": a question back, not a new request.)
        const asksBack = /(?:吗|么|[?？])[\s。]*$/u.test(said) && !TROUBLE_HERE.test(said);
        const answersFirst = ctx.now.getTime() - p.askedAt.getTime() < 2 * HOUR && (ANSWER_OPENING.test(said) || ANSWER_WORDS.test(said)); // "要得要得 十斤就够哒…"
        if ((REQUEST.test(said) || /帮我|有没有人|能不能|麻烦.{0,6}(?:来|修|弄|看)|想请|想找|请个人|report|想反映|反映一下|许个(?:心)?愿/iu.test(said)) && shared === 0 && !asksBack && !answersFirst) continue;
        // "还有个事…", "社区就不能出面…": another matter, or an objection for the officials.
        // "你这个小助手还蛮管用 谢谢了": words to the bot, not for the other side.
        if (/还有(?:个|一个|件|一件)事|^还有[\s,，]|还想许|另外|新的?问题|再反映|想反映|要反映|申请(?:一个|个)?(?:微)?心愿|想许|社区就不能|凭什么|出面|小助手|连心|机器人|不是(?:给|跟|对)[^，。]{0,6}说的/u.test(said)) continue;
        // "楼道里有人堆了好多纸箱子 把消防通道都堵了": trouble the item never spoke of is a new matter.
        if (TROUBLE_HERE.test(said) && !TROUBLE_HERE.test(normalizeText(p.item.text)) && /[楼栋单元门道场院]/u.test(said)) continue;
        const thing = THING.exec(said)?.[0];
        if (thing !== undefined && !normalizeText(p.item.text).includes(thing) && shared === 0 && !answersFirst) continue;
        // "九牧的 没有备用" to "什么牌子的？有备用的阀芯吗": a short answer soon after the question is one.
        const justAsked = ctx.now.getTime() - p.askedAt.getTime() < 2 * HOUR && [...said].length <= 20;
        if (!REPLY_WORDS.test(said) && shared === 0 && !justAsked && !answersFirst) continue;
        if (parseCommand(text).type !== 'text' || parseCommands(text) !== null) continue;
        return relay(tx, ctx, p, text, out, deps);
      }
      case 'category': {
        // "那就基础设施吧": one of the categories the refusal listed.
        const word = normalizeText(text).trim().replace(/^(?:那就|那|就|改成|改为|设为|用|算|归到|归为|归入|归|放到|放)+/u, '').replace(/(?:类|吧|好了|了|呗|哈|那个)+$/u, '');
        const chosen = deps.settings.categories.find((c) => c === word || ([...word].length >= 2 && c.includes(word)));
        if (!chosen) continue;
        await answered(tx, p.id, ctx.now);
        await runCommand(tx, ctx, { type: 'category', id: p.itemId, category: chosen }, out, deps);
        return true;
      }
      case 'place': {
        // In a group only where the report was raised, and only a place proper: groups chatter.
        const inGroup = ctx.msg.conversationType === 'group';
        if (inGroup && p.item.sourceConversationId !== ctx.msg.conversationId) continue;
        const place = placeIn(ctx, inGroup);
        if (place === null) continue;
        await answered(tx, p.id, ctx.now);
        if (place === '') {
          out.reply(residents.placeSkipped);
          return true;
        }
        await tx.run('UPDATE items SET place = ?, updated_at = ? WHERE id = ?', [place, ctx.now, p.itemId]);
        out.toOfficials(p.item.communityId, officials.urgentPlace(p.itemId, place));
        // Next, the one other thing a visit needs: asked only now, one question at a time.
        if (ctx.person.phone === null) {
          // A phone number is asked for privately, never in front of the group.
          if (inGroup) {
            out.reply(residents.placeSaved(p.itemId, place));
            out.toPerson(ctx.person, residents.askPhoneAfterGroup(p.itemId));
          } else {
            out.reply(`${residents.placeSaved(p.itemId, place)}\n${residents.askPhone}`);
          }
          await ask(tx, ctx.person.id, 'phone', p.itemId, ctx.now);
        } else {
          out.reply(residents.placeSaved(p.itemId, place));
        }
        return true;
      }
    }
  }
  return false;
}

/** Words for the other side of an item, passed on; an address in them is kept when the item has none yet. */
async function relay(tx: Tx, ctx: MessageContext, p: OpenPrompt, text: string, out: Outgoing, deps: BotDeps): Promise<true> {
  await answered(tx, p.id, ctx.now);
  const where = p.item.submitterId === ctx.person.id ? betterPlace(p.item.place, extractPlace(text)) : null; // "2单元301，下午我都在家": kept
  if (where) await tx.run('UPDATE items SET place = ?, updated_at = ? WHERE id = ?', [where, ctx.now, p.itemId]);
  await runCommand(tx, ctx, { type: 'tell', id: p.itemId, note: text.trim() }, out, deps);
  return true;
}

/** The place an answer gives: a location, a place in the words, a short plain answer; '' to skip. */
function placeIn(ctx: MessageContext, strict: boolean): string | null {
  if (ctx.msg.location) return ctx.msg.location.label.slice(0, 200);
  const text = ctx.msg.text.trim();
  if (isSkip(text) || isCancel(text)) return '';
  // "插座冒火花了" is another emergency, not where the last one is.
  if (detectEmergency(text)) return null;
  const found = extractPlace(text);
  if (found) return found;
  if (strict) return null;
  // "就在我家楼下": vague, but it is what they know; a command or a long story is not an answer.
  return [...text].length <= 30 && parseCommand(text).type === 'text' ? text : null;
}

async function act(tx: Tx, ctx: MessageContext, m: ReplyMeaning, out: Outgoing, deps: BotDeps): Promise<void> {
  const inGroup = ctx.msg.conversationType === 'group';
  switch (m.kind) {
    case 'confirm':
      return notifyChange(tx, await confirmItem(tx, ctx.actor, m.itemId, m.rating, m.comment, ctx.now), out, inGroup);
    case 'dispute':
      return notifyChange(tx, await disputeItem(tx, ctx.actor, m.itemId, m.reason, ctx.now), out, inGroup);
    case 'still_fixed':
      await revisitAnswered(tx, ctx, m.itemId, 'yes');
      out.reply(residents.revisitThanks(m.itemId));
      return;
    case 'reopen':
      await revisitAnswered(tx, ctx, m.itemId, 'no');
      return reopenAfterRevisit(tx, ctx, m.itemId, m.reason, out);
    case 'new_report':
      await revisitAnswered(tx, ctx, m.linkedTo, 'no');
      return fileRecurrence(tx, ctx, m.linkedTo, m.text, out, deps);
    case 'keep_on':
      return keepOn(tx, ctx, m.itemId, m.note, out);
    case 'later':
  }
}

/** A score for an item confirmed without one ("好" then "小伙子好 给五星"): any score said counts. */
async function firstScore(tx: Tx, itemId: number, text: string): Promise<{ rating: number; comment: string } | null> {
  const args = confirmArgs(normalizeText(text), text.trim());
  if (args === 'bad_rating' || args.rating === null) return null;
  const item = await tx.get<{ rating: number | null }>('SELECT rating FROM items WHERE id = ?', [itemId]);
  return item && item.rating === null ? { rating: args.rating, comment: args.comment } : null;
}
