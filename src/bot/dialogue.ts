import type { Dialogue } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import type { ItemKind } from '../domain/types.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { detectEmergency } from './detect-emergency.ts';
import { deleteDialogue, draftOf, makeUrgent, saveDraft, submissionOf, type Draft, type Step } from './dialogue-store.ts';
import { extractPhone } from './extract-phone.ts';
import { extractPlace } from './extract-place.ts';
import { isPlaceLike, placeAnswer } from './place-answer.ts';
import { normalizeText } from './normalize-text.ts';
import type { Outgoing } from './outgoing.ts';
import { isThanks } from './parse-command.ts';
import { stripMentions } from './strip-mentions.ts';
import { say } from './say.ts';
import { kindAnswer, kindWithWhy, leavesKindToUs, TROUBLE_HERE, wordsAfterKind } from './kind-answer.ts';
import { HOW_TO_SEND_PHOTO, isCancel, isNotARequest, isSkip } from './skip-and-cancel.ts';
import { isAcknowledgement } from './small-talk.ts';
import { chooseCommunity, knownCommunity } from './community-of.ts';
import { submitMatters } from './submit-matters.ts';
import { kindGuessed, question } from './dialogue-question.ts';
import { ANNOUNCES_ONLY, ASKS, AT_HOME, BURST_MS, declinesPhoto, homeAsBefore, isNewMatter, lastPlace, OPENING_ONLY, PLACE_FIX, SAME_PLACE } from './dialogue-words.ts';
import { emergencyAdvice, residents } from './texts/residents.ts';
import { everyone, KIND_NAMES } from './texts/common.ts';
import { kindChange } from './kind-change.ts';
import { newDraft } from './new-draft.ts';
import { clearKind, isInquiry } from './clear-kind.ts';

/**
 * The short dialogue for a message that is not a command (SPEC "Talking to the bot"): wish or
 * report? → which community (if unknown) → the address or place (unless the text names one) → a
 * photo (reports) → receipt. An emergency skips everything but the community: the receipt, with
 * whom to call, comes first. In a group every question names the person it is for.
 */
const STEPS: Record<ItemKind, Step[]> = {
  wish: ['text', 'kind', 'community', 'address'],
  report: ['text', 'kind', 'community', 'place', 'photo'],
};
const URGENT_STEPS: Step[] = ['text', 'community'];
/** Starts a dialogue; `kind` is known when it began with 反映 or 心愿. */
export async function startDialogue(tx: Tx, ctx: MessageContext, start: { kind: ItemKind | null; text: string }, out: Outgoing, deps: BotDeps) {
  const communityId = await knownCommunity(tx, ctx);
  const draft = newDraft(ctx, start, communityId);
  const emergency = detectEmergency(start.text);
  if (emergency) {
    makeUrgent(draft, emergency);
    const advice = emergencyAdvice(emergency, deps.settings.hotlines);
    if (communityId === null && advice) out.reply(advice); // the community still to ask: what to do cannot wait
  }
  // "3栋楼道灯坏了好几天了": the kind plain from the words is not asked; the person is told it.
  const guessed = draft.kind === null && !emergency ? clearKind(normalizeText(draft.text)) : null;
  draft.kind ??= guessed;
  await advance(tx, ctx, draft, null, out, deps, guessed ? kindGuessed(draft, ctx.msg.conversationType === 'group') : '');
}

/**
 * A new 心愿/反映 while a draft is open: early on it answers the kind question; later the open
 * draft is filed as it stands (nothing is dropped) and the new one starts.
 */
export async function restartDialogue(tx: Tx, ctx: MessageContext, row: Dialogue, start: { kind: ItemKind; text: string }, out: Outgoing, deps: BotDeps): Promise<void> {
  const draft = draftOf(row);
  if (draft.communityId === null || draft.step === 'text' || draft.step === 'kind') {
    draft.kind = start.kind;
    // "反映问题吧" to "这是哪一类？" reads as the command 反映 with "问题吧": an answer, not more text (so does "…冇得照片").
    const said = normalizeText(stripMentions(ctx.msg.text)).trim();
    const answersKind = draft.step === 'kind' && ((draft.photoDeclined = declinesPhoto(said)) || kindWithWhy(said));
    if (!answersKind) draft.text = draft.text ? `${draft.text}\n${start.text}` : start.text;
    const emergency = detectEmergency(start.text);
    if (emergency) makeUrgent(draft, emergency);
    return advance(tx, ctx, draft, row.id, out, deps);
  }
  await deleteDialogue(tx, row.id);
  await submitMatters(tx, ctx, submissionOf(draft), out, deps);
  await startDialogue(tx, ctx, start, out, deps);
}

/** Handles the next message of a dialogue in progress. */
export async function continueDialogue(tx: Tx, ctx: MessageContext, row: Dialogue, out: Outgoing, deps: BotDeps): Promise<void> {
  const draft = draftOf(row);
  const text = stripMentions(ctx.msg.text).trim(); // "@连心 2" answers as "2" does
  const answer = normalizeText(text).trim();
  // "算了" early is no skip ("2 没照片" answers); "没有照片" to the kind question keeps the draft.
  const early = draft.step === 'text' || draft.step === 'kind' || draft.step === 'community';
  const skips = isSkip(answer) && kindAnswer(answer) === null && !(draft.step === 'kind' && /照片|相片|拍|照/u.test(answer));
  if (isCancel(answer) || (early && ((skips && ctx.msg.photos.length === 0 && !ctx.msg.location) || isNotARequest(answer)))) {
    await deleteDialogue(tx, row.id);
    // "我不是要办事 就是说声谢谢": thanks, answered as thanks.
    say(ctx, out, !isCancel(answer) && /谢谢|感谢|多谢/u.test(answer) ? everyone.thanks : residents.dialogueCancelled);
    return;
  }
  const emergency = draft.priority === 'normal' ? detectEmergency(text) : null;
  if (emergency && draft.step !== 'community') {
    // An emergency is a report of its own; a draft not yet a request is dropped, one being completed filed.
    await deleteDialogue(tx, row.id);
    if (!early) await submitMatters(tx, ctx, submissionOf(draft), out, deps);
    return startDialogue(tx, ctx, { kind: 'report', text }, out, deps);
  }
  draft.photos.push(...ctx.msg.photos);
  if (ctx.msg.location) {
    draft.place = ctx.msg.location.label;
    draft.latitude = ctx.msg.location.latitude;
    draft.longitude = ctx.msg.location.longitude;
  }
  const phone = extractPhone(text);
  if (phone) draft.phone = phone.number;
  // "快来人，着火了" in the middle of a dialogue: it is filed now, with whom to call.
  if (emergency) {
    draft.text = `${draft.text}\n${text}`;
    makeUrgent(draft, emergency);
    return advance(tx, ctx, draft, row.id, out, deps);
  }
  // "选错了，应该是问题反映" while asked where: the kind put right, then that kind's next question.
  const rekind = draft.kind !== null && draft.step !== 'text' && draft.step !== 'kind' ? kindChange(answer) : null;
  if (rekind) {
    if (rekind !== draft.kind) say(ctx, out, residents.draftKindChanged(KIND_NAMES[rekind]));
    draft.kind = rekind;
    return advance(tx, ctx, draft, row.id, out, deps);
  }
  // "好的" files a draft waiting for an optional photo (one sent later joins the item); to any other question it is asked again.
  if (isAcknowledgement(answer) && ctx.msg.photos.length === 0 && !ctx.msg.location && draft.step !== 'photo') {
    await saveDraft(tx, ctx, draft, row.id);
    say(ctx, out, await question(tx, draft.step, draft, ctx.msg.conversationType === 'group'));
    return;
  }
  switch (draft.step) {
    case 'text':
      draft.text = text;
      // "还有个事", then "想买点清真的牛肉": the kind may be plain from the words that came.
      if (draft.kind === null && (draft.kind = clearKind(normalizeText(text)))) return advance(tx, ctx, draft, row.id, out, deps, kindGuessed(draft, ctx.msg.conversationType === 'group'));
      break;
    case 'kind': {
      const said = normalizeText(draft.text);
      const kind =
        kindAnswer(answer) ?? kindChange(answer) ?? (leavesKindToUs(answer) ? (TROUBLE_HERE.test(said) && !AT_HOME.test(said) ? 'report' : 'wish') : null);
      if (kind) {
        draft.kind = kind;
        // "2 还是3栋2单元那个灯": the place with the answer ("地址跟上次一样": the last); more words, the request's.
        draft.place ??= extractPlace(text) ?? (SAME_PLACE.test(answer) ? await lastPlace(tx, ctx.person.id) : null);
        if (wordsAfterKind(text)) draft.text = `${draft.text}\n${wordsAfterKind(text)}`;
        draft.photoDeclined ||= declinesPhoto(answer);
        break;
      }
      // More words are kept with the draft; asking words after words that asked nothing ("这个怎么用啊",
      // "我想要个老年手机") or after a mere opening ("那啥") are the request. A new matter well after the
      // question, sharing nothing with the draft, is not glued onto it.
      const replaced = text !== '' && !isSkip(text) && (OPENING_ONLY.test(normalizeText(draft.text).trim()) || ANNOUNCES_ONLY.test(normalizeText(draft.text).trim()) || (ASKS.test(answer) && !ASKS.test(normalizeText(draft.text))));
      if (!replaced && isNewMatter(draft.text, answer, ctx.now.getTime() - row.updatedAt.getTime())) {
        await deleteDialogue(tx, row.id);
        say(ctx, out, residents.draftSetAside(draft.text));
        return startDialogue(tx, ctx, { kind: null, text }, out, deps);
      }
      if (text !== '' && !isSkip(text)) draft.text = replaced ? text : `${draft.text}\n${text}`;
      // "下楼难" / "想去医院复查": with the next piece the kind may be plain; it is not asked again.
      draft.kind = clearKind(normalizeText(draft.text));
      if (draft.kind) return advance(tx, ctx, draft, row.id, out, deps, kindGuessed(draft, ctx.msg.conversationType === 'group'));
      await saveDraft(tx, ctx, draft, row.id);
      // A message typed in bursts ("俺家暖气不咋热乎" / "屋里才十六度…") is not asked again after every piece.
      const moreWords = !isSkip(answer) && !/照片|相片|拍|意思|不懂|不知道|不明白|[?？]/u.test(answer) && (ASKS.test(answer) || [...answer].length >= 6);
      if (!replaced && moreWords && ctx.now.getTime() - row.updatedAt.getTime() < BURST_MS) return;
      // Words that replaced the draft's ("那啥", then the request): the question again, about them.
      say(ctx, out, replaced ? await question(tx, 'kind', draft, ctx.msg.conversationType === 'group') : residents.askKindAgain);
      return;
    }
    case 'community': {
      const chosen = await chooseCommunity(tx, answer);
      if (chosen === null) {
        await saveDraft(tx, ctx, draft, row.id);
        const count = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM communities'))!.n;
        say(ctx, out, residents.askCommunityAgain(count));
        return;
      }
      draft.communityId = chosen;
      // "红星机械厂那个宿舍，孙师傅住11栋一单元一楼": where, said with which community.
      draft.place ??= extractPlace(text);
      await tx.run('UPDATE people SET community_id = ?, updated_at = ? WHERE id = ?', [chosen, ctx.now, ctx.person.id]);
      break;
    }
    case 'address':
    case 'place':
      // "东门口人行道井盖松动…" minutes after "住哪里？": a new matter; this one is filed as it stands.
      // ("花园那边跳坝坝舞的音响开得好大声哦 天天搞到晚上十点…": a request of its own, not where.)
      if (!ctx.msg.location && isNewMatter(draft.text, answer, ctx.now.getTime() - row.updatedAt.getTime(), clearKind(answer) !== null)) {
        await deleteDialogue(tx, row.id);
        await submitMatters(tx, ctx, submissionOf(draft), out, deps);
        return startDialogue(tx, ctx, { kind: null, text }, out, deps);
      }
      if (!ctx.msg.location) {
        const said = phone ? text.replace(phone.text, '').trim() : text;
        const before = SAME_PLACE.test(normalizeText(said)) && extractPlace(said) === null ? await lastPlace(tx, ctx.person.id) : null; // "跟上回一样"
        // "买 菜 要 清 真 的" to "住哪里？": more about the request, kept with it; the question stays.
        if (!before && said !== '' && !isSkip(said) && !isPlaceLike(said)) return advance(tx, ctx, { ...draft, text: `${draft.text}\n${said}` }, row.id, out, deps, residents.notedStillWhere);
        draft.place = before ?? (isSkip(said) || said === '' ? '' : placeAnswer(said, extractPlace(said, { addressOnly: draft.step === 'address' })));
        if (isSkip(said) && /照片|相片/u.test(said)) draft.photoDeclined = true; // "没照片" to "在哪里？": no photo either
      }
      break;
    case 'photo': {
      // "拍了 在手机里呢 咋发给你啊": how, not more words of the report; the question stays.
      if (ctx.msg.photos.length === 0 && HOW_TO_SEND_PHOTO.test(answer)) {
        await saveDraft(tx, ctx, draft, row.id);
        say(ctx, out, residents.howToSendPhoto);
        return;
      }
      // "哎呀我讲错了 不是东门 是北门": the place corrected, not added as more words.
      const fixed = PLACE_FIX.exec(answer);
      if (fixed) {
        draft.place = extractPlace(fixed[1]!) ?? fixed[1]!;
        break;
      }
      // "都说了不会拍照 就在北门那个垃圾房": no photo, but where it is.
      if (isSkip(answer) && !draft.place) draft.place = extractPlace(text);
      // Skipping in any form ("没有照片", "不用了") is never content; a phone number is not either.
      if (ctx.msg.photos.length === 0 && answer !== '' && !isSkip(answer) && !isThanks(answer) && !isAcknowledgement(answer) && !(phone && phone.text.trim() === text)) {
        draft.text = `${draft.text}\n补充：${text}`;
      }
      break;
    }
  }
  await advance(tx, ctx, draft, row.id, out, deps);
}

/** Moves to the first step still missing an answer, or submits. */
async function advance(tx: Tx, ctx: MessageContext, draft: Draft, rowId: number | null, out: Outgoing, deps: BotDeps, lead = '') {
  // A place already in the text is the place (a question for the office has none): only what is missing is asked.
  if (draft.kind && draft.place === null) draft.place = extractPlace(draft.text, { addressOnly: draft.kind === 'wish' }) ?? (isInquiry(normalizeText(draft.text)) ? '' : null);
  await homeAsBefore(tx, ctx, draft, out); // a wish at the home of their last one: not asked again
  const inGroup = ctx.msg.conversationType === 'group';
  // A home address is never asked for where the group reads the answer (the phone is asked privately).
  const steps = (draft.priority === 'urgent' ? URGENT_STEPS : draft.kind ? STEPS[draft.kind] : STEPS.wish).filter((s) => !(inGroup && s === 'address'));
  const from = Math.max(0, steps.indexOf(draft.step));
  for (const step of steps.slice(from)) {
    const missing =
      step === 'text'
        ? draft.text === ''
        : step === 'kind'
          ? draft.kind === null
          : step === 'community'
            ? draft.communityId === null
            : step === 'photo'
              ? draft.photos.length === 0 && draft.step !== 'photo' && !draft.photoDeclined && !isInquiry(normalizeText(draft.text)) && !/(?:没有?|没得|无|不用|拍不了)(?:拍)?(?:照片|相片|图片|相(?![机框册]))/u.test(normalizeText(draft.text))
              : draft.place === null;
    if (!missing) continue;
    draft.step = step;
    await saveDraft(tx, ctx, draft, rowId);
    const asked = await question(tx, step, draft, ctx.msg.conversationType === 'group');
    say(ctx, out, lead ? `${lead}\n${asked}` : asked);
    return;
  }
  if (rowId !== null) await deleteDialogue(tx, rowId);
  await submitMatters(tx, ctx, submissionOf(draft), out, deps);
}
