import type { Item, ItemEvent, Person } from '../db/rows.ts';
import { inList, type Tx } from '../db/sql.ts';
import { roleIn, type Actor } from '../domain/actor.ts';
import { DomainError } from '../domain/errors.ts';
import { canSeeContacts, getItem } from '../domain/items.ts';
import type { ItemStatus } from '../domain/types.ts';
import type { BotDeps } from './bot-deps.ts';
import { deadlineText } from './deadline.ts';
import { maskName } from '../core/mask.ts';
import { DAY } from '../core/clock.ts';
import { publicPlace, publicText } from './public-view.ts';
import { views } from './texts/views.ts';
import { groups } from './texts/groups.ts';
import { members } from './texts/members.ts';
import { officials } from './texts/officials.ts';
import { currentState } from '../figures/current-state.ts';
import { periodFigures } from '../figures/period-figures.ts';
import { periodContaining } from '../figures/period.ts';
import { pioneers } from '../figures/pioneers.ts';
import { categoryCounts } from '../figures/category-counts.ts';
import { statsPeriod, type StatsSpan } from './stats-span.ts';

const LIST_LIMIT = 10;

type ListedItem = Pick<Item, 'id' | 'kind' | 'text' | 'status'>;

const OFFICE_ONLY = new Set(['noted', 'reminded', 'escalated', 'grid_set', 'late_notice', 'categorized', 'snoozed', 'auto_released']);

/**
 * 查询 N: status and timeline; names, phone and address in full only for those involved, and never
 * in a group. Every rating the item was given stays in its history (reopenings keep them).
 */
export async function describeItem(tx: Tx, actor: Actor, id: number, inGroup: boolean, deps: BotDeps): Promise<string> {
  const { fmt } = deps;
  const item = await getItem(tx, id);
  const full = !inGroup && canSeeContacts(actor, item);
  const supporters = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM item_supporters WHERE item_id = ?', [id]))!.n;
  // The office's own bookkeeping (民情日记, reminders, escalations) is for officials; a resident
  // who asks "物业到底来没来" reads the last few steps, not the whole record.
  const office = roleIn(actor, item.communityId) === 'official';
  const events = (
    await tx.all<Pick<ItemEvent, 'type' | 'actorId' | 'note' | 'createdAt'>>(
      'SELECT type, actor_id, note, created_at FROM item_events WHERE item_id = ? ORDER BY id DESC LIMIT 30',
      [id],
    )
  )
    .filter((e) => office || !OFFICE_ONLY.has(e.type))
    .slice(0, actor.roles.size === 0 ? 4 : 10);
  const ratings = await tx.all<{ rating: number }>(
    'SELECT rating FROM item_events WHERE item_id = ? AND rating IS NOT NULL ORDER BY id',
    [id],
  );
  // The submitter, the claimant and the last ten events' actors: at most twelve people, one query.
  const ids = new Set<number>([item.submitterId]);
  if (item.claimantId) ids.add(item.claimantId);
  for (const e of events) if (e.actorId !== null) ids.add(e.actorId);
  const people = new Map(
    (
      await tx.all<Pick<Person, 'id' | 'name' | 'phone'>>(`SELECT id, name, phone FROM people WHERE id IN ${inList(ids.size)}`, [
        ...ids,
      ])
    ).map((p) => [p.id, p]),
  );
  const submitter = people.get(item.submitterId);
  const claimant = item.claimantId ? people.get(item.claimantId) : undefined;
  const actorNames = new Map<number, string>();
  for (const e of events) {
    const p = e.actorId !== null ? people.get(e.actorId) : undefined;
    if (p) actorNames.set(p.id, p.id === item.submitterId && !full ? maskName(p.name) : p.name);
  }
  const ownName = submitter ? (full ? submitter.name : maskName(submitter.name)) : '居民';
  // Registered for a resident ("王奶奶打电话来说…"): the resident is who asked.
  const submitterName = item.onBehalfOf ? (full ? members.filedBy(item.onBehalfOf, ownName) : groups.filedBy(maskName(item.onBehalfOf))) : ownName;
  const names = [submitter?.name, item.onBehalfOf].filter((n): n is string => typeof n === 'string');
  return views.itemCard({
    id: item.id,
    kind: item.kind,
    category: item.category,
    status: item.status,
    urgent: item.priority === 'urgent',
    text: full ? item.text : publicText(item, names),
    submitter: submitterName,
    createdAt: fmt.dayTime(item.createdAt),
    phone: full ? (item.onBehalfOf ? item.onBehalfPhone : (submitter?.phone ?? null)) : null,
    place: full ? item.place : publicPlace(item),
    holder: claimant?.name ?? item.assignedUnit,
    deadline: item.deadlineAt && ['open', 'claimed'].includes(item.status) ? deadlineText(item.deadlineAt, deps) : null,
    relatedToId: item.relatedToId,
    mergedIntoId: item.mergedIntoId,
    supporters,
    // The item's own rating last (it may have come from an older row than the events keep).
    ratings: item.rating !== null ? [...ratings.map((r) => r.rating).slice(0, -1), item.rating] : [],
    ratingComment: item.ratingComment,
    timeline: events.reverse().map((e) =>
      views.timelineLine({
        at: fmt.dayTime(e.createdAt),
        type: e.type,
        who: e.actorId !== null ? (actorNames.get(e.actorId) ?? null) : null,
        note: e.note && e.type !== 'snoozed' ? (views.settingNote(e.type, e.note) ?? (full ? e.note : publicText({ kind: item.kind, text: e.note }))) : null,
      }),
    ),
  });
}

/** 我的: what I raised and what I hold. */
export async function describeMine(tx: Tx, actor: Actor, now: Date): Promise<string | null> {
  const active: ItemStatus[] = ['open', 'claimed', 'done'];
  const raised = await tx.all<ListedItem>(
    'SELECT id, kind, text, status FROM items WHERE submitter_id = ? ORDER BY id DESC LIMIT ?',
    [actor.id, LIST_LIMIT],
  );
  const held = await tx.all<ListedItem>(
    `SELECT id, kind, text, status FROM items WHERE claimant_id = ? AND status IN ${inList(active.length)} ORDER BY id LIMIT ?`,
    [actor.id, ...active, LIST_LIMIT],
  );
  // What they finished lately: a volunteer whose work is all confirmed is not told they hold nothing.
  const finished = await tx.all<ListedItem>(
    `SELECT id, kind, text, status FROM items WHERE claimant_id = ? AND status = 'confirmed' AND updated_at > ? ORDER BY id DESC LIMIT 5`,
    [actor.id, new Date(now.getTime() - 30 * DAY)],
  );
  if (raised.length === 0 && held.length === 0 && finished.length === 0) return null;
  return views.mine(raised, held, finished);
}

/** 待认领: open items of the communities in view, urgent ones first, at most ten lines. */
export async function describeOpen(tx: Tx, communityIds: number[]): Promise<string | null> {
  if (communityIds.length === 0) return null;
  // The first ten and (window count, taken before the LIMIT) how many there are in all.
  // The submitter's name joined in: "我是…的李淑芬" is masked in the list as on the 提出人 line.
  const items = await tx.all<Pick<Item, 'id' | 'kind' | 'text' | 'priority'> & { total: number; submitter: string | null }>(
    `SELECT i.id, i.kind, i.text, i.priority, p.name AS submitter, count(*) OVER () AS total FROM items i LEFT JOIN people p ON p.id = i.submitter_id
     WHERE i.community_id IN ${inList(communityIds.length)} AND i.status = 'open'
     ORDER BY CASE WHEN i.priority = 'urgent' THEN 0 ELSE 1 END, i.id LIMIT ?`,
    [...communityIds, LIST_LIMIT],
  );
  const total = items[0]?.total ?? 0;
  if (total === 0) return null;
  return views.open(
    items.map((i) => ({ id: i.id, kind: i.kind, text: publicText(i, i.submitter ? [i.submitter] : []), urgent: i.priority === 'urgent' })),
    total,
  );
}

/**
 * 在办: what the official's communities have under way (being done, or done and awaiting the
 * resident), urgent and soonest due first, with who holds each and by when; null for anyone who
 * is no official there (they are shown their own).
 */
export async function describeWorking(tx: Tx, actor: Actor, communityIds: number[], now: Date, deps: BotDeps, holder?: string): Promise<string | null> {
  const mine = communityIds.filter((c) => roleIn(actor, c) === 'official');
  if (mine.length === 0) return null;
  const rows = await tx.all<Pick<Item, 'id' | 'kind' | 'text' | 'priority' | 'status' | 'deadlineAt' | 'assignedUnit'> & { holder: string | null; submitter: string | null; total: number }>(
    `SELECT i.id, i.kind, i.text, i.priority, i.status, i.deadline_at, i.assigned_unit, p.name AS holder, s.name AS submitter, count(*) OVER () AS total
     FROM items i LEFT JOIN people p ON p.id = i.claimant_id LEFT JOIN people s ON s.id = i.submitter_id
     WHERE i.community_id IN ${inList(mine.length)} AND i.status IN ('claimed', 'done')${holder ? ' AND (p.name LIKE ? OR i.assigned_unit LIKE ?)' : ''}
     ORDER BY CASE WHEN i.priority = 'urgent' THEN 0 ELSE 1 END, CASE WHEN i.deadline_at IS NULL THEN 1 ELSE 0 END, i.deadline_at, i.id LIMIT ?`,
    // "小王", "老罗": a volunteer called by surname; "物业": the unit, whatever its full name.
    [...mine, ...(holder ? [/^[小老阿][\u4e00-\u9fa5]$/u.test(holder) ? `${holder.slice(1)}%` : holder, `${holder}%`] : []), LIST_LIMIT],
  );
  const total = rows[0]?.total ?? 0;
  if (total === 0) return holder ? views.nothingHeldBy(holder) : views.nothingWorking;
  return views.working(
    rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      // As 待认领 shows it: the list may be read in a group (查询 N gives the whole text).
      text: publicText(r, r.submitter ? [r.submitter] : []),
      urgent: r.priority === 'urgent',
      holder: r.holder ?? r.assignedUnit,
      awaiting: r.status === 'done',
      deadline: r.deadlineAt && r.status === 'claimed' ? deadlineText(r.deadlineAt, deps) : null,
      overdue: r.deadlineAt !== null && r.status === 'claimed' && r.deadlineAt.getTime() < now.getTime(),
    })),
    total,
  );
}

/**
 * 统计: each of the official's communities now (state) and this week so far (Monday to now), with
 * the figures of src/figures (docs/figures.md), as the bulletin, the digest and the console count them.
 */
export async function describeStats(tx: Tx, actor: Actor, communityIds: number[], now: Date, deps: { timeZone: string; answerHours: number }, topic?: 'pioneers', span: StatsSpan = 'week'): Promise<string> {
  const mine = communityIds.filter((c) => roleIn(actor, c) === 'official');
  if (mine.length === 0) throw new DomainError('need_official');
  const week = periodContaining('week', now, deps.timeZone);
  const blocks: string[] = [];
  for (const communityId of mine) {
    const scope = { communityIds: [communityId] };
    if (topic === 'pioneers') {
      const [community, board] = await Promise.all([tx.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]), pioneers(tx, scope, week)]);
      blocks.push(officials.pioneers(community?.name ?? '社区', board.filter((p) => p.claimed + p.done > 0).slice(0, 10)));
      continue;
    }
    const { period, label } = statsPeriod(span, now, deps.timeZone);
    const [community, state, f, kinds] = await Promise.all([
      tx.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]),
      currentState(tx, scope, now),
      periodFigures(tx, scope, period, now, { answerHours: deps.answerHours }),
      categoryCounts(tx, scope, { from: period.from, to: now < period.to ? now : period.to }),
    ]);
    blocks.push(officials.stats({ community: community?.name ?? '社区', state, label, period: f, categories: kinds }));
  }
  return blocks.join('\n\n');
}
