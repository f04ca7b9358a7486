import type { Tx } from '../db/sql.ts';
import { guessCategory, guessPriority } from '../domain/classify.ts';
import { createItem } from '../domain/items.ts';
import type { ItemKind } from '../domain/types.ts';
import { localDate, zonedTime } from '../core/zoned-time.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { maskName } from '../core/mask.ts';
import { publicPlace } from './notify.ts';
import type { Outgoing } from './outgoing.ts';
import { texts } from './texts.ts';

export type Draft = {
  kind: ItemKind;
  text: string;
  communityId: number;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  photos: string[];
};

/** Puts a wish or report in the ledger: receipt to the person, announcement to the community's groups. */
export async function submitItem(tx: Tx, ctx: MessageContext, draft: Draft, out: Outgoing, deps: BotDeps): Promise<number> {
  const { settings } = deps;
  const report = draft.kind === 'report';
  const category = report ? guessCategory(draft.text, settings.categories) : null;
  const priority = report ? guessPriority(draft.text) : 'normal';
  const deadlineAt = report ? reportDeadline(category!, priority === 'urgent', ctx.now, deps) : null;
  const { item } = await createItem(
    tx,
    {
      kind: draft.kind,
      text: draft.text,
      communityId: draft.communityId,
      submitterId: ctx.person.id,
      category,
      place: draft.place || null,
      latitude: draft.latitude,
      longitude: draft.longitude,
      priority,
      deadlineAt,
      photos: draft.photos,
      sourcePlatform: ctx.msg.platform,
      sourceConversationId: ctx.msg.conversationId,
      // An item takes its submitter's grid (SPEC "People and roles"), if it is of this community.
      gridId: ctx.person.gridId !== null && (await gridOf(tx, ctx.person.gridId)) === draft.communityId ? ctx.person.gridId : null,
    },
    ctx.now,
  );
  const receipt = report
    ? texts.receiptReport(item.id, category!, deps.fmt.day(deadlineAt!), settings.answerHours)
    : texts.receiptWish(item.id, settings.answerHours);
  // In a group the receipt is the announcement; other groups of the community get the full post.
  const inGroup = ctx.msg.conversationType === 'group';
  out.reply(inGroup ? `${receipt}\n${texts.claimHint(item.id)}` : receipt);
  const grid = item.gridId !== null ? await tx.get<{ name: string }>('SELECT name FROM grids WHERE id = ?', [item.gridId]) : undefined;
  const announcement = texts.announceNew({ id: item.id, kind: draft.kind, text: item.text, category }, maskName(ctx.person.name), publicPlace(item), grid?.name ?? null);
  if (item.gridId !== null) {
    // The grid's own members and officials hear of it first, before the community's groups.
    const neighbours = await tx.all<{ personId: number }>(
      `SELECT DISTINCT m.person_id FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.community_id = ? AND p.grid_id = ? AND p.id <> ? ORDER BY m.person_id LIMIT 200`,
      [item.communityId, item.gridId, ctx.person.id],
    );
    for (const n of neighbours) out.toPersonId(n.personId, announcement);
  }
  out.toGroups(item.communityId, announcement, inGroup);
  return item.id;
}

/** The end of the working day that is N working days from today (SPEC: deadlines count working days). */
export function reportDeadline(category: string, urgent: boolean, now: Date, deps: BotDeps): Date {
  const { settings } = deps;
  const days = urgent ? settings.urgentDeadlineDays : (settings.deadlineDays[category] ?? settings.deadlineDays['其他'] ?? 5);
  const date = deps.calendar().addWorkdays(localDate(now, settings.timeZone), days);
  return zonedTime(date, '23:59:59', settings.timeZone);
}

async function gridOf(tx: Tx, gridId: number): Promise<number | null> {
  return (await tx.get<{ communityId: number }>('SELECT community_id FROM grids WHERE id = ?', [gridId]))?.communityId ?? null;
}
