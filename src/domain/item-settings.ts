import type { Item } from '../db/rows.ts';
import { insert, snake, type Tx, type Value } from '../db/sql.ts';
import { isOfficialOf, type Actor } from './actor.ts';
import { ConflictError, DomainError } from './errors.ts';
import type { EventType } from './item-events.ts';
import { getItem, type ItemChange } from './items.ts';
import { guessCategory } from './classify.ts';
import { requireOfficial } from './permissions.ts';
import { CLOSED_STATUSES, type ItemKind, type ItemStatus, type Priority } from './types.ts';

// An official's settings on an item (设置 N 分类, 优先 N, 期限 N): no change of status, but a change
// of the ledger all the same, so each is an event on the timeline and bumps the version.

/** 设置 N 分类 X: one of the configured categories, on a report. */
export async function setCategory(tx: Tx, actor: Actor, id: number, category: string, categories: readonly string[], now: Date) {
  // The category is the office's bookkeeping: it may be put right after the item closed (figures by category).
  const item = await settable(tx, actor, id, true);
  if (item.kind !== 'report') throw new DomainError('wish_no_category', { id });
  // "环境卫生", or a part of it that names one category: "环境", "卫生".
  const typed = category.trim();
  const partial = typed.length >= 2 ? categories.filter((c) => c.includes(typed)) : [];
  const chosen = categories.find((c) => c === typed) ?? (partial.length === 1 ? partial[0] : undefined);
  if (!chosen) throw new DomainError('unknown_category', { id, options: categories.join('、') });
  return apply(tx, actor, item, { category: chosen }, 'categorized', chosen, now);
}

/**
 * Wish or report, put right: by the submitter while nobody has finished it, or by an official.
 * A wish has no category: a report's goes when it becomes a wish, and a wish turned report gets one
 * guessed from its words, as a new report does.
 */
export async function setKind(tx: Tx, actor: Actor, id: number, kind: ItemKind, categories: readonly string[], now: Date) {
  const item = await getItem(tx, id);
  const name = kind === 'wish' ? '微心愿' : '问题反映';
  if (item.submitterId !== actor.id || isOfficialOf(actor, item.communityId)) {
    requireOfficial(actor, item);
    if (CLOSED_STATUSES.includes(item.status as ItemStatus)) throw new DomainError('closed', { id, status: item.status as ItemStatus });
  } else if (item.status !== 'open' && item.status !== 'claimed') {
    throw new DomainError('closed', { id, status: item.status as ItemStatus });
  }
  if (item.kind === kind) throw new DomainError('same_kind', { id, options: name });
  return apply(tx, actor, item, { kind, category: kind === 'wish' ? null : guessCategory(item.text, categories) }, 'kind_changed', name, now);
}

/** "3号地点应为东门口人行道": by the submitter while it is open or in hand, or by an official. */
export async function setPlace(tx: Tx, actor: Actor, id: number, place: string, now: Date) {
  return apply(tx, actor, await editable(tx, actor, id), { place: place.slice(0, 200) }, 'place_set', place.slice(0, 200), now);
}

/** "17号内容有误 应为：只换灯泡": the same rules as the place. */
export async function setText(tx: Tx, actor: Actor, id: number, text: string, now: Date) {
  return apply(tx, actor, await editable(tx, actor, id), { text: text.slice(0, 2000) }, 'text_set', text.slice(0, 200), now);
}

/** Its submitter may put an item's words or place right while it is open or in hand, an official until it closes. */
async function editable(tx: Tx, actor: Actor, id: number): Promise<Item> {
  const item = await getItem(tx, id);
  if (item.submitterId === actor.id && !isOfficialOf(actor, item.communityId)) {
    if (item.status !== 'open' && item.status !== 'claimed') throw new DomainError('closed', { id, status: item.status as ItemStatus });
  } else {
    requireOfficial(actor, item);
    if (CLOSED_STATUSES.includes(item.status as ItemStatus)) throw new DomainError('closed', { id, status: item.status as ItemStatus });
  }
  return item;
}

/** 优先 N 紧急 / 普通. */
export async function setPriority(tx: Tx, actor: Actor, id: number, priority: Priority, now: Date) {
  // "救命是口头禅 不用110": the submitter may take the urgency off their own report (not put it on).
  const own = priority === 'normal' ? await getItem(tx, id) : null;
  const item = own && own.submitterId === actor.id && !CLOSED_STATUSES.includes(own.status as ItemStatus) ? own : await settable(tx, actor, id);
  return apply(tx, actor, item, { priority }, 'prioritized', priority, now);
}

/** 期限 N 3天: the caller has turned the working days into the end of a day. */
export async function setDeadline(tx: Tx, actor: Actor, id: number, deadlineAt: Date, workingDays: number, now: Date, day?: string) {
  const item = await settable(tx, actor, id);
  // `day`: a day named that is no working day ("明天之前" on a Saturday), kept as said.
  return apply(tx, actor, item, { deadlineAt }, 'deadline_set', day ? `${day}前` : workingDays === 0 ? '今天内' : `${workingDays} 个工作日`, now);
}

/** The grid an item belongs to (an item takes its submitter's, unless an official sets another). */
export async function setGrid(tx: Tx, actor: Actor, id: number, gridId: number | null, now: Date) {
  const item = await settable(tx, actor, id);
  let name = '不属于网格';
  if (gridId !== null) {
    const grid = await tx.get<{ name: string }>('SELECT name FROM grids WHERE id = ? AND community_id = ?', [gridId, item.communityId]);
    if (!grid) throw new DomainError('not_found', { id });
    name = grid.name;
  }
  return apply(tx, actor, item, { gridId }, 'grid_set', name, now);
}

/** 民情日记: a note on the item's timeline, for the office; the item itself does not change. */
export async function addNote(tx: Tx, actor: Actor, id: number, note: string, now: Date): Promise<void> {
  const item = await getItem(tx, id);
  requireOfficial(actor, item);
  await insert(tx, 'item_events', { itemId: id, type: 'noted', actorId: actor.id, fromStatus: item.status, toStatus: item.status, note, createdAt: now });
}

async function settable(tx: Tx, actor: Actor, id: number, closedToo = false): Promise<Item> {
  const item = await getItem(tx, id);
  requireOfficial(actor, item);
  if (!closedToo && CLOSED_STATUSES.includes(item.status as ItemStatus)) throw new DomainError('closed', { id, status: item.status as ItemStatus });
  return item;
}

async function apply(tx: Tx, actor: Actor, item: Item, fields: Partial<Item>, type: EventType, note: string, now: Date): Promise<ItemChange> {
  const keys = Object.keys(fields) as Array<keyof Item>;
  const updated = await tx.run(
    `UPDATE items SET ${keys.map((k) => `${snake(k)} = ?, `).join('')}version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
    [...keys.map((k) => fields[k] as Value), now, item.id, item.version],
  );
  if (updated !== 1) throw new ConflictError(`item #${item.id}`);
  await insert(tx, 'item_events', { itemId: item.id, type, actorId: actor.id, fromStatus: item.status, toStatus: item.status, note, createdAt: now });
  const after = { ...item, ...fields, version: item.version + 1, updatedAt: now } as Item;
  return { type, item: after, before: item, actor, note };
}
