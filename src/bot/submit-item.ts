import type { Item } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { HOUR } from '../core/clock.ts';
import { maskName } from '../core/mask.ts';
import { guessCategory } from '../domain/classify.ts';
import { createItem } from '../domain/items.ts';
import type { ItemKind, Priority } from '../domain/types.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { deadlineText, reportDeadline } from './deadline.ts';
import { detectEmergency, type Emergency } from './detect-emergency.ts';
import { normalizeText } from './normalize-text.ts';
import type { Outgoing } from './outgoing.ts';
import { ask } from './prompts.ts';
import { publicPlace, publicText } from './public-view.ts';
import { requestText } from './request-text.ts';
import { groups } from './texts/groups.ts';
import { members } from './texts/members.ts';
import { officials } from './texts/officials.ts';
import { emergencyAdvice, residents } from './texts/residents.ts';
import { filedFor } from './filed-for.ts';

const TEXT_ONLY = /不能(?:接|打)电话|接不了电话|(?:请|用)(?:发)?文字|发文字(?:联系|给)|我是聋|聋哑|听力不好/u;

export type Submission = {
  kind: ItemKind;
  text: string;
  communityId: number;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  photos: string[];
  /** A phone number the person left while telling it (their consent is that they wrote it). */
  phone?: string | null;
  /** Set by the caller when known (the dialogue, a recurrence); otherwise read from the text. */
  emergency?: Emergency | null;
  category?: string | null;
  /** The confirmed item whose problem came back ("又坏了"). */
  relatedToId?: number | null;
  /** False for all but the last of several items told in one message: one question, after all receipts. */
  askAfter?: boolean;
};

// A home is visited: a wish always (one household's need), a report when it is about a home.
const HOME = /家里|我家|家中|屋里|室内|入户|上门|房间|卧室|厨房|卫生间|厕所|阳台|漏到|楼上.{0,6}漏/u;
const ROOM = /(?:单元|层|楼)\s*\d{3,4}/u;

export function needsVisit(kind: ItemKind, text: string, place: string | null): boolean {
  return kind === 'wish' || HOME.test(text) || (place !== null && ROOM.test(place));
}

/**
 * Puts a wish or report in the ledger and tells everyone who should know: the receipt (first, with
 * whom to call in an emergency), the community's other groups, and for an urgent item its officials
 * and its grid at once (replies never wait for quiet hours). Then the one question still worth
 * asking: where (an urgent report without a place), or a phone number when a visit needs one.
 */
export async function submitItem(tx: Tx, ctx: MessageContext, s: Submission, out: Outgoing, deps: BotDeps): Promise<Item> {
  const { settings } = deps;
  const report = s.kind === 'report';
  const emergency = s.emergency === undefined ? detectEmergency(s.text) : s.emergency;
  const priority: Priority = emergency ? 'urgent' : 'normal';
  const category = report ? (s.category ?? guessCategory(normalizeText(s.text), settings.categories)) : null;
  const deadlineAt = report ? reportDeadline(category!, priority === 'urgent', ctx.now, deps) : null;
  // "王奶奶打电话来说…": told for someone else. Their phone is theirs, not the sender's; the sender
  // speaks for them and is the one to reach.
  const forWhom = filedFor(s.text);
  if (s.phone && !forWhom) await tx.run('UPDATE people SET phone = ?, updated_at = ? WHERE id = ?', [s.phone, ctx.now, ctx.person.id]);
  const phone = s.phone ?? ctx.person.phone;
  const { item } = await createItem(
    tx,
    {
      kind: s.kind,
      text: requestText(s.text),
      communityId: s.communityId,
      submitterId: ctx.person.id,
      category,
      place: s.place || null,
      latitude: s.latitude,
      longitude: s.longitude,
      priority,
      deadlineAt,
      photos: s.photos,
      sourcePlatform: ctx.msg.platform,
      sourceConversationId: ctx.msg.conversationId,
      // An item takes its submitter's grid (SPEC "People and roles"), if it is of this community.
      gridId: ctx.person.gridId !== null && (await gridOf(tx, ctx.person.gridId)) === s.communityId ? ctx.person.gridId : null,
      answerDueAt: new Date(ctx.now.getTime() + settings.answerHours * HOUR),
      relatedToId: s.relatedToId ?? null,
      onBehalfOf: forWhom,
      onBehalfPhone: forWhom ? (s.phone ?? null) : null,
    },
    ctx.now,
  );
  const inGroup = ctx.msg.conversationType === 'group';
  const lines: string[] = forWhom ? [residents.filedFor(forWhom)] : [];
  if (emergency) {
    const advice = emergencyAdvice(emergency, settings.hotlines);
    if (advice) lines.push(advice);
    lines.push(residents.receiptUrgent(item.id, item.kind, category));
  } else {
    if (s.relatedToId) lines.push(residents.recurrence(s.relatedToId));
    lines.push(
      report
        ? residents.receiptReport(item.id, category!, deadlineText(deadlineAt!, deps), settings.answerHours)
        : residents.receiptWish(item.id, settings.answerHours),
    );
  }
  // One question at most, after the receipt: where, or (asked privately) a phone number.
  // (A wish's place is a home: never asked for in a group, and a visit needs the phone first.)
  const askPlace = s.askAfter !== false && emergency !== null && report && !item.place;
  // "我是聋人 不能打电话 请发文字联系我": no number is asked of someone who cannot take a call.
  const askPhone = s.askAfter !== false && !askPlace && phone === null && !forWhom && !TEXT_ONLY.test(item.text) && (emergency !== null || needsVisit(item.kind as ItemKind, item.text, item.place));
  if (askPlace) {
    lines.push(residents.askUrgentPlace);
    await ask(tx, ctx.person.id, 'place', item.id, ctx.now);
  }
  if (askPhone) {
    if (!inGroup) lines.push(residents.askPhone);
    await ask(tx, ctx.person.id, 'phone', item.id, ctx.now);
  }
  const receipt = lines.join('\n');
  // In a group the receipt is the announcement; it names the person it answers. A phone number is
  // asked for in their direct chat, never where the group would read the answer.
  out.reply(inGroup ? `${groups.to(maskName(ctx.person.name), receipt)}\n${groups.claimHint(item.id)}` : receipt);
  if (askPhone && inGroup) out.toPerson(ctx.person, residents.askPhoneAfterGroup(item.id));
  const names = forWhom ? [ctx.person.name, forWhom] : [ctx.person.name];
  const shown = { id: item.id, kind: item.kind, text: publicText(item, names), category, urgent: emergency !== null };
  const grid = item.gridId !== null ? await tx.get<{ name: string }>('SELECT name FROM grids WHERE id = ?', [item.gridId]) : undefined;
  const announcement = groups.announceNew(shown, forWhom ? groups.filedBy(maskName(forWhom)) : maskName(ctx.person.name), publicPlace(item), grid?.name ?? null);
  // The grid's own volunteers hear of it first, before the community's groups (an urgent item's
  // grid gets its alert below instead).
  if (item.gridId !== null && !emergency) out.toGrid(item.communityId, item.gridId, announcement, ctx.person.id);
  out.toGroups(item.communityId, announcement, inGroup);
  if (emergency) {
    const told = emergency.hotlines.map((h) => h.name).join('、') || null;
    const submitter = forWhom ? members.filedBy(forWhom, ctx.person.name) : ctx.person.name;
    const alert = { id: item.id, text: item.text, category, place: item.place, submitter, phone, told };
    out.toOfficials(item.communityId, officials.urgentAlert(alert));
    if (item.gridId !== null) out.toGrid(item.communityId, item.gridId, members.urgentToGrid(shown, publicPlace(item)));
  }
  if (s.relatedToId) out.toOfficials(item.communityId, officials.recurrence(item.id, s.relatedToId, item.text));
  return item;
}

async function gridOf(tx: Tx, gridId: number): Promise<number | null> {
  return (await tx.get<{ communityId: number }>('SELECT community_id FROM grids WHERE id = ?', [gridId]))?.communityId ?? null;
}
