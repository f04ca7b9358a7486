import type { Dialogue } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { highestRole } from '../domain/actor.ts';
import { addPhotos } from '../domain/item-actions.ts';
import { isForTheBot, VERDICT } from './for-the-bot.ts';
import { answerPrompt } from './answer-prompt.ts';
import { detectEmergency } from './detect-emergency.ts';
import { itemIdsIn } from './item-id.ts';
import type { BotDeps } from './bot-deps.ts';
import { runCommand } from './commands/index.ts';
import type { MessageContext } from './context.ts';
import { continueDialogue, restartDialogue, startDialogue } from './dialogue.ts';
import { deleteDialogue, findDialogue } from './dialogue-store.ts';
import type { Outgoing } from './outgoing.ts';
import { parseCommand, type Command } from './parse-command.ts';
import { stripMentions } from './strip-mentions.ts';
import { say } from './say.ts';
import { pending, remind } from './draft-reminder.ts';
import { parseCommands } from './parse-commands.ts';
import { ordersBeside } from './orders-beside.ts';
import { runCommands } from './run-commands.ts';
import { answerRest, leaveDraft } from './answer-rest.ts';
import { guessIntents } from './guess-intents.ts';
import { itemTalk } from './item-talk.ts';
import { officialToResident, secondInGroup, tellByName } from './talk-to-others.ts';
import { photosForItem } from './photos-for-item.ts';
import { parseCorrection } from './correction.ts';
import { correctLast } from './correct-last.ts';
import { ownItemAskedAfter, requestAskedAfter } from './own-item-asked-after.ts';
import { openPrompts } from './prompts.ts';
import { draftEscape, isBareAnswer, isCancel, isSkip } from './skip-and-cancel.ts';
import { isOnlyPraiseOrThanks } from './thanks.ts';
import { isAcknowledgement, isGreeting, isNotice, isOnlySymbols, isSmallTalkTopic, isTakingNote, looksMeantForSomeoneElse } from './small-talk.ts';
import { normalizeText } from './normalize-text.ts';
import { kindChange } from './kind-change.ts';
import { kindAnswer } from './kind-answer.ts';
import { clearKind } from './clear-kind.ts';
import { answerSplitAsked, newestOwnRequest, putPhoneRight } from './put-right.ts';
import { REQUEST } from './request-words.ts';
import { pendingRevisit, answerRevisit } from './revisit-answer.ts';
import { everyone, MAX_MESSAGE_CHARS } from './texts/common.ts';
import { officials } from './texts/officials.ts';
import { residents } from './texts/residents.ts';
import { freshMatter } from './fresh-matter.ts';
import { wordsSaid } from './words-said.ts';
import { placeAgain } from './place-again.ts';

type Words = Extract<Command, { type: 'text' | 'empty' | 'thanks' | 'answer' | 'invalid' }>;

/**
 * Decides what one inbound message means and acts: a command, the answer to the bot's own last
 * question (a step of a dialogue, or an open prompt: "满意", a phone number), thanks, or the start
 * of a new item. In a group only what is addressed to the bot is answered (SPEC "Talking to the bot").
 */
export async function respond(tx: Tx, given: MessageContext, out: Outgoing, deps: BotDeps): Promise<void> {
  const { ctx, named, greetingOnly } = await wordsSaid(tx, given, deps);
  const { msg } = ctx;
  if (msg.event === 'enter_chat') {
    // Named when known: a resident who scanned a community's card sees they reached the right place.
    const community = ctx.person.communityId
      ? await tx.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [ctx.person.communityId])
      : undefined;
    out.reply(everyone.welcome(highestRole(ctx.actor), community?.name));
    return;
  }
  const group = msg.conversationType === 'group';
  const { dialogue, expired } = await findDialogue(tx, ctx);
  if (group && !named && !(await isForTheBot(tx, ctx, dialogue, deps))) return;
  // "你好小连 吃了吗" while a question waits: the question again, the greeting kept out of the draft.
  if (greetingOnly && dialogue) return say(ctx, out, pending(ctx, dialogue));
  const cmd = parseCommand(msg.text);
  if (expired) {
    await deleteDialogue(tx, expired.id);
    say(ctx, out, residents.draftExpired(expired.text));
    // "2", "跳过" answered the question of the dropped draft: nothing new starts from it.
    if (cmd.type === 'text' && isBareAnswer(cmd.text)) return;
  }
  if ([...msg.text].length > MAX_MESSAGE_CHARS) {
    say(ctx, out, everyone.tooLong);
    return;
  }
  // "取消 9号给物业", "都不是 我是问小张几点来", "我是问10号的进度" to "这是哪一类？": the draft goes.
  if (dialogue && (await leaveDraft(tx, ctx, dialogue, cmd.type === 'text' ? cmd.text : msg.text, cmd.type !== 'text', out, deps))) return;
  // "1 车还在4栋车棚" to "这是哪一类？": the answer, with more words, not a command about item 1.
  if (dialogue?.step === 'kind' && /^\s*[12１２](?:\uFE0F?\u20E3)?(?:[啊呀吧呗嘛哦啦了的]|[\s,，。、!！]|$)/u.test(stripMentions(msg.text))) return continueDialogue(tx, ctx, dialogue, out, deps);
  // "认领12和13", "12号完成了 13号也完成了": one command per item (and an invite or figures asked beside).
  const many = cmd.type === 'text' || cmd.type === 'invalid' || 'id' in cmd || itemIdsIn(normalizeText(msg.text)).length > 1 ? parseCommands(msg.text) : null;
  if (many) {
    await runCommands(tx, ctx, [...many, ...(highestRole(ctx.actor) === 'official' ? ordersBeside(msg.text) : [])], out, deps);
    remind(ctx, out, dialogue);
    return;
  }
  switch (cmd.type) {
    case 'text':
    case 'empty':
    case 'thanks':
    case 'answer':
    case 'invalid':
      return respondToWords(tx, ctx, cmd, dialogue, out, deps);
    case 'wish':
    case 'report': {
      const before = await requestAskedAfter(tx, ctx.person.id, msg.text, cmd.text); // "我反映楼上剁馅儿那事儿 到底有人管没"
      if (before !== null || !dialogue) return runCommand(tx, ctx, before !== null ? { type: 'status', id: before } : cmd, out, deps);
      return restartDialogue(tx, ctx, dialogue, { kind: cmd.type, text: cmd.text }, out, deps);
    }
    default:
      await runCommand(tx, ctx, cmd, out, deps);
      remind(ctx, out, dialogue);
  }
}

const ORDERS = /设(?:成|为)(?:紧急|加急)|(?<!注明|标上|标明|写上|写明|列出|和办理|及办理|和|及)期限|派给|指派|交给[\u4e00-\u9fa5]{1,4}(?:办|处理|跟)|你去跟|你帮我|布置工作|盯(?:着|一下|到)|抓紧办/u;

/** What is not a command: an answer to the newest open question first, then thanks, then a new item. */
async function respondToWords(tx: Tx, ctx: MessageContext, cmd: Words, dialogue: Dialogue | null, out: Outgoing, deps: BotDeps) {
  const { msg } = ctx;
  const hasAttachment = msg.photos.length > 0 || msg.location !== null;
  // The bot's newest question wins: a prompt asked after the draft's last step, else the draft.
  // A verdict on a fix answers its question even past an older draft ("饭送来了挺好吃的 满意"); an answer
  // to "这是哪一类？" ("公家的嘛 电线又不是我屋里的") is the draft's, whatever was asked since.
  const verdict = VERDICT.test(normalizeText(msg.text));
  const kindSaid = dialogue?.step === 'kind' && kindAnswer(normalizeText(stripMentions(msg.text)).trim()) !== null;
  const prompts = kindSaid ? [] : (await openPrompts(tx, ctx.person, ctx.now)).filter((p) => !dialogue || p.askedAt > dialogue.updatedAt || (verdict && (p.kind === 'confirm' || p.kind === 'revisit')));
  if (kindSaid) return continueDialogue(tx, ctx, dialogue!, out, deps);
  if (prompts.length > 0 && (cmd.type !== 'empty' || msg.location) && (await answerPrompt(tx, ctx, prompts, out, deps))) return;
  if (cmd.type === 'answer') {
    // "是" / "否 12" to a revisit asked before prompts were recorded; otherwise words of a draft.
    if ((await pendingRevisit(tx, ctx, cmd.id)) || !dialogue) return answerRevisit(tx, ctx, cmd, out);
    return continueDialogue(tx, ctx, dialogue, out, deps);
  }
  // "8号 明天我再上门一趟", "十五号井盖我也去看看", "挺好的 给四颗星吧": words about an item of
  // theirs (held, open to them, submitted) act on it, even while a draft waits for an answer.
  // Thanks that also tell of it count ("火灭了 消防的来过了 没啥事了 谢谢大家").
  // "+1 我们5号楼也是这个电梯…" without a number: the neighbour's report it seconds, if one is clear.
  const seconds = cmd.type === 'invalid' && cmd.command === 'support' && cmd.problem === 'missing_id';
  const words = cmd.type === 'text' ? cmd.text : (cmd.type === 'thanks' && [...msg.text].length > 8) || seconds ? stripMentions(msg.text) : null;
  // "照片补上，就是这一堆" with a photo: for the request already raised, not a new one.
  if (cmd.type === 'text' && !dialogue && (await photosForItem(tx, ctx, cmd.text, out))) return;
  // "选错了，应该是问题反映": the kind of the draft, or of their newest request, put right (before
  // "说错了 是2" is read as item #2).
  const rekind = words !== null && !hasAttachment ? kindChange(normalizeText(words)) : null;
  if (rekind && dialogue && dialogue.step !== 'text') return continueDialogue(tx, ctx, dialogue, out, deps);
  const newest = rekind && !dialogue ? await newestOwnRequest(tx, ctx.person.id, ctx.now) : null;
  if (rekind && newest !== null) return runCommand(tx, ctx, { type: 'kind', id: newest, kind: rekind }, out, deps);
  // "电话号码打错了一位 是1388…", "帮我拆成两条": what they gave a moment ago, put right.
  if (words !== null && !hasAttachment && ((await putPhoneRight(tx, ctx, words, out)) || (await answerSplitAsked(tx, ctx, words, dialogue !== null, out)))) {
    remind(ctx, out, dialogue);
    return;
  }
  // "刚才说错了 是5号不是3号": the step of a moment ago, put right.
  const fix = words !== null && !hasAttachment ? parseCorrection(stripMentions(msg.text)) : null;
  if (fix && (fix.right !== null || !dialogue)) {
    // "哎呀发错了 不是给你的": nothing to put right here.
    if (fix.right === null && /不是(?:发)?给你的|发错人/u.test(words!)) return say(ctx, out, everyone.noMatter);
    await correctLast(tx, ctx, fix, out, deps);
    remind(ctx, out, dialogue);
    return;
  }
  // "满意" with nothing waiting for a verdict, "我不是要办事 就是说声谢谢": kind words, nothing for anyone's item.
  if (words !== null && !dialogue && isOnlyPraiseOrThanks(words)) return say(ctx, out, everyone.thanks);
  // Without a number, a list, help or figures asked in other words come first (thanks asking the volunteer something are theirs).
  // A photo may come with a holder's news ("垃圾桶清干净了" and the picture of it); a location may not.
  // "快来人 我爸又不见了": an alarm is a new item with its receipt first, not words about an old one.
  const alarm = words !== null && detectEmergency(words) !== null && itemIdsIn(normalizeText(words)).length === 0;
  const talked = words !== null && msg.location === null && !alarm ? await itemTalk(tx, ctx.actor, words, ctx.now, (!dialogue || dialogue.step === 'kind') && [null, 'thanks'].includes(guessIntents(words)[0]?.type ?? null)) : null;
  // "请问蓝同学周三几点来…": a question for the holder by name, not how the item stands.
  const talk = talked?.type === 'status' && words !== null && (await tellByName(tx, ctx.actor, stripMentions(msg.text))) ? null : talked;
  const second = !talk && words !== null && msg.conversationType === 'group' && !dialogue ? await secondInGroup(tx, ctx.actor, words, { conversationId: msg.conversationId, communityId: ctx.group?.communityId ?? null }, ctx.now) : null;
  // "孙浩同志您好，燃气公司的师傅已经在路上了…" from an official: for that resident.
  const toResident = !talk && !second && words !== null && !dialogue ? await officialToResident(tx, ctx.actor, stripMentions(msg.text), ctx.now) : null;
  // "跟小王说 药是硝苯地平缓释片": for the other side of one of their items, by name.
  const byName = !talk && !second && !toResident && words !== null ? await tellByName(tx, ctx.actor, stripMentions(msg.text)) : null;
  if (talk || second || toResident || byName) {
    await runCommands(tx, ctx, [(talk ?? second ?? toResident ?? byName)!], out, deps);
    // "就跟陈姐刚才报的16号一样 算我一个" while telling it anew: the matter is the one seconded.
    if (talk?.type === 'support' && dialogue && ['text', 'kind'].includes(dialogue.step)) {
      await deleteDialogue(tx, dialogue.id);
      dialogue = null;
    }
    if (talk && (talk.type === 'progress' || talk.type === 'done' || talk.type === 'tell' || talk.type === 'dispute') && msg.photos.length > 0) await addPhotos(tx, ctx.actor, talk.id, msg.photos, ctx.now);
    remind(ctx, out, dialogue);
    return;
  }
  if (cmd.type === 'thanks') {
    // "好的谢谢" to "有照片吗？" means that is all: the draft is filed.
    if (dialogue?.step === 'photo') return continueDialogue(tx, ctx, dialogue, out, deps);
    say(ctx, out, everyone.thanks);
    remind(ctx, out, dialogue);
    return;
  }
  // Emoji alone from someone the bot has never heard from is a hello (an elderly newcomer's first
  // try must not meet silence); from anyone else it acknowledges, as "好的" does.
  const firstWords = ctx.person.createdAt.getTime() === ctx.now.getTime();
  if (cmd.type === 'text' && (isGreeting(cmd.text) || (firstWords && !hasAttachment && isOnlySymbols(cmd.text)))) {
    say(ctx, out, dialogue ? pending(ctx, dialogue) : everyone.welcome(highestRole(ctx.actor)));
    return;
  }
  // "王姐 明天上午九点我去你家拿钥匙": meant for a neighbour; nothing is filed.
  if (cmd.type === 'text' && !dialogue && !hasAttachment && msg.conversationType !== 'group' && looksMeantForSomeoneElse(cmd.text)) {
    say(ctx, out, everyone.meantForSomeoneElse);
    return;
  }
  // "小郭啊那个东门消防通道的事情你去跟一下…设成紧急三天之内": an official's orders about an item not
  // named by number: which one is asked, rather than the orders filed as a resident's report.
  if (cmd.type === 'text' && !dialogue && highestRole(ctx.actor) === 'official' && ORDERS.test(normalizeText(cmd.text))) return say(ctx, out, officials.whichItem);
  // "@连心 大家好，本周六上午九点在活动室开居民议事会" from an official: a notice for everyone, not a matter.
  if (cmd.type === 'text' && !dialogue && !hasAttachment && highestRole(ctx.actor) === 'official' && isNotice(normalizeText(cmd.text)) && guessIntents(cmd.text).length === 0) return say(ctx, out, everyone.noticeNotFiled);
  // "今天天气真好": small talk gets a word back, not a draft (in a group it was never addressed).
  if (cmd.type === 'text' && !dialogue && !hasAttachment && isSmallTalkTopic(normalizeText(cmd.text)) && !REQUEST.test(normalizeText(cmd.text)) && clearKind(normalizeText(cmd.text)) === null) {
    say(ctx, out, /吃(?:了|饭|过)/u.test(cmd.text) ? everyone.smallTalkMeal : everyone.smallTalk);
    return;
  }
  // "现在有啥活没人接的 给我看看": a list, help, stats, mine or the console asked for in other words.
  // Not while a draft asks where or for a photo: the answer may mention anything.
  const guess = cmd.type === 'text' && !hasAttachment && (!dialogue || dialogue.step === 'kind') ? guessIntents(cmd.text) : [];
  // Thanks while a draft waits are an answer to it ("不用登记 我就是说声谢谢"), not small talk.
  const guessed = guess[0]?.type === 'thanks' && dialogue ? [] : guess;
  if (guessed.length > 0) {
    for (const g of guessed) await runCommand(tx, ctx, g, out, deps);
    remind(ctx, out, dialogue);
    return;
  }
  if (dialogue) return continueDialogue(tx, ctx, dialogue, out, deps);
  // "好的" to a receipt or a notice: nothing to answer, and no new item.
  if (cmd.type === 'text' && !hasAttachment && (isAcknowledgement(cmd.text) || isTakingNote(cmd.text))) return;
  // ("…路灯坏了好几天了 没有照片" is a report that says it has no photo, not a skip of nothing.)
  if (cmd.type === 'text' && !hasAttachment && (isCancel(cmd.text) || (isSkip(cmd.text) && clearKind(normalizeText(cmd.text)) === null && !REQUEST.test(normalizeText(cmd.text))))) {
    say(ctx, out, residents.nothingPending);
    return;
  }
  // "不是新事 是1号的进展" with no draft open (the news was already taken): what follows, if it asks something.
  const escape = cmd.type === 'text' && !hasAttachment && !dialogue ? draftEscape(cmd.text) : null;
  if (escape) {
    const fresh = freshMatter(escape.rest);
    if (fresh) return runCommand(tx, ctx, fresh, out, deps);
    if (escape.rest === '' || !(await answerRest(tx, ctx, escape.rest, out, deps))) say(ctx, out, residents.nothingPending);
    return;
  }
  // A bare "查询": what one has raised or holds, rather than a request for a number they may not know.
  if (cmd.type === 'invalid' && cmd.command === 'status' && cmd.problem === 'missing_id') return runCommand(tx, ctx, { type: 'mine' }, out, deps);
  if (cmd.type === 'invalid') return say(ctx, out, everyone.parseProblem(cmd.problem, everyone.examples[cmd.command]));
  if (msg.conversationType === 'group' && !ctx.group) return out.reply(everyone.groupNotBound);
  if (cmd.type === 'empty' && !hasAttachment) return say(ctx, out, everyone.empty);
  if (cmd.type === 'empty' && msg.photos.length > 0 && (await photosForItem(tx, ctx, '', out))) return;
  const text = cmd.type === 'text' ? cmd.text : (msg.location?.label ?? '');
  const asked = cmd.type === 'text' ? await ownItemAskedAfter(tx, ctx.person.id, text) : null;
  if (asked !== null) return runCommand(tx, ctx, { type: 'status', id: asked }, out, deps);
  if (cmd.type === 'text' && !hasAttachment && (await placeAgain(tx, ctx, text, out, deps))) return;
  return startDialogue(tx, ctx, { kind: null, text }, out, deps);
}
