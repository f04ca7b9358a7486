import type { Item, ItemEvent, Person } from '../db/rows.ts';
import { inList, type Tx } from '../db/sql.ts';
import { roleIn, type Actor } from '../domain/actor.ts';
import { DomainError } from '../domain/errors.ts';
import { canSeeContacts, getItem } from '../domain/items.ts';
import type { EventType } from '../domain/item-events.ts';
import type { ItemKind, ItemStatus } from '../domain/types.ts';
import type { TimeFormat } from './format-time.ts';
import { maskContact, maskName } from '../core/mask.ts';
import { EVENT_NAMES, KIND_NAMES, STATUS_NAMES, itemLine, short, texts } from './texts.ts';
import { currentState } from '../figures/current-state.ts';
import { periodFigures } from '../figures/period-figures.ts';
import { periodContaining } from '../figures/period.ts';

const LIST_LIMIT = 10;

type ListedItem = Pick<Item, 'id' | 'kind' | 'text' | 'status'>;

/** 查询 N: status and timeline; names and contacts in full only for those involved, and never in a group. */
export async function describeItem(tx: Tx, actor: Actor, id: number, inGroup: boolean, fmt: TimeFormat): Promise<string> {
  const item = await getItem(tx, id);
  const full = !inGroup && canSeeContacts(actor, item);
  const supporters = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM item_supporters WHERE item_id = ?', [id]))!.n;
  const events = await tx.all<Pick<ItemEvent, 'type' | 'actorId' | 'note' | 'createdAt'>>(
    'SELECT type, actor_id, note, created_at FROM item_events WHERE item_id = ? ORDER BY id DESC LIMIT 10',
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
  const submitterName = submitter ? (full ? submitter.name : maskName(submitter.name)) : '居民';
  const place = item.place && (full || item.kind === 'report') ? (full ? item.place : maskContact(item.place)) : null;
  const lines = [
    `#${item.id} ${KIND_NAMES[item.kind as ItemKind]}${item.category ? ` · ${item.category}` : ''} · ${STATUS_NAMES[item.status as ItemStatus]}`,
    `内容：${full ? item.text : maskContact(item.text)}`,
    `提出：${submitterName}（${fmt.dayTime(item.createdAt)}）`,
    full && submitter?.phone ? `电话：${submitter.phone}` : null,
    place ? `地点：${place}` : null,
    claimant ? `办理：${claimant.name}` : item.assignedUnit ? `办理：${item.assignedUnit}` : null,
    item.deadlineAt && ['open', 'claimed'].includes(item.status) ? `期限：${fmt.day(item.deadlineAt)}` : null,
    item.mergedIntoId ? `已合并到：#${item.mergedIntoId}` : null,
    supporters > 0 ? `附议：${supporters} 户` : null,
    item.rating ? `评价：${item.rating} 分${item.ratingComment ? `（${item.ratingComment}）` : ''}` : null,
    '进度：',
    ...events.reverse().map((e) => {
      const who = e.actorId !== null ? actorNames.get(e.actorId) : null;
      const note = e.note && e.type !== 'snoozed' ? `：${short(full ? e.note : maskContact(e.note), 40)}` : '';
      return `${fmt.dayTime(e.createdAt)} ${EVENT_NAMES[e.type as EventType] ?? e.type}${who ? `（${who}）` : ''}${note}`;
    }),
  ];
  return lines.filter((l) => l !== null).join('\n');
}

/** 我的: what I raised and what I hold. */
export async function describeMine(tx: Tx, actor: Actor): Promise<string | null> {
  const active: ItemStatus[] = ['open', 'claimed', 'done'];
  const raised = await tx.all<ListedItem>(
    'SELECT id, kind, text, status FROM items WHERE submitter_id = ? ORDER BY id DESC LIMIT ?',
    [actor.id, LIST_LIMIT],
  );
  const held = await tx.all<ListedItem>(
    `SELECT id, kind, text, status FROM items WHERE claimant_id = ? AND status IN ${inList(active.length)} ORDER BY id LIMIT ?`,
    [actor.id, ...active, LIST_LIMIT],
  );
  if (raised.length === 0 && held.length === 0) return null;
  const line = (i: ListedItem) => `${itemLine(i)} · ${STATUS_NAMES[i.status as ItemStatus]}`;
  const lines: string[] = [];
  if (raised.length > 0) lines.push('我提的：', ...raised.map(line));
  if (held.length > 0) lines.push('我在办的：', ...held.map(line));
  return lines.join('\n');
}

/** 待认领: open items of the communities in view, at most ten lines. */
export async function describeOpen(tx: Tx, communityIds: number[]): Promise<string | null> {
  if (communityIds.length === 0) return null;
  // The first ten and (window count, taken before the LIMIT) how many there are in all.
  const items = await tx.all<Pick<Item, 'id' | 'kind' | 'text'> & { total: number }>(
    `SELECT id, kind, text, count(*) OVER () AS total FROM items
     WHERE community_id IN ${inList(communityIds.length)} AND status = 'open' ORDER BY id LIMIT ?`,
    [...communityIds, LIST_LIMIT],
  );
  const total = items[0]?.total ?? 0;
  if (total === 0) return null;
  const lines = items.map((i) => `#${i.id} ${KIND_NAMES[i.kind as ItemKind]}「${short(maskContact(i.text))}」`);
  if (total > items.length) lines.push(`……还有 ${total - items.length} 条`);
  lines.push(`认领请发：认领 ${items[0]!.id}`);
  return [`待认领（${total} 条）：`, ...lines].join('\n');
}

/**
 * 统计: each of the official's communities now (state) and this week so far (Monday to now), with
 * the figures of src/figures (docs/figures.md), as the bulletin, the digest and the console count them.
 */
export async function describeStats(tx: Tx, actor: Actor, communityIds: number[], now: Date, deps: { timeZone: string; answerHours: number }): Promise<string> {
  const mine = communityIds.filter((c) => roleIn(actor, c) === 'official');
  if (mine.length === 0) throw new DomainError('need_official');
  const week = periodContaining('week', now, deps.timeZone);
  const blocks: string[] = [];
  for (const communityId of mine) {
    const scope = { communityIds: [communityId] };
    const [community, state, f] = await Promise.all([
      tx.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]),
      currentState(tx, scope, now),
      periodFigures(tx, scope, week, now, { answerHours: deps.answerHours }),
    ]);
    blocks.push(texts.stats({ community: community?.name ?? '社区', state, week: f }));
  }
  return blocks.join('\n\n');
}
