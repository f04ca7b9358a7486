import type { Item } from '../db/rows.ts';
import { insert, snake, type Tx, type Value } from '../db/sql.ts';
import { roleIn, type Actor } from './actor.ts';
import { ConflictError, DomainError } from './errors.ts';
import { EVENT_OF, type EventType } from './item-events.ts';
import { transition, type LifecycleEvent } from './lifecycle.ts';
import { authorize } from './permissions.ts';
import type { ItemKind, ItemStatus, Priority } from './types.ts';
import { isRecurring } from './recurring.ts';

/** What happened to an item: enough for the bot to tell everyone who should know. */
export type ItemChange = {
  type: EventType;
  item: Item;
  before: Item | null;
  actor: Actor | null;
  note: string;
  rating?: number | null;
  /** The item a duplicate was merged into. */
  into?: Item;
  /** Merged the other way round from what was said ("合并 12 到 11" while #12 is in hand). */
  turned?: boolean;
  /** Number of residents behind a report after a +1. */
  supporters?: number;
};

export type NewItem = {
  kind: ItemKind;
  text: string;
  communityId: number;
  submitterId: number;
  category: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  priority: Priority;
  deadlineAt: Date | null;
  photos: string[];
  sourcePlatform: string;
  sourceConversationId: string | null;
  /** The submitter's grid (SPEC: an item takes its submitter's grid). */
  gridId?: number | null;
  /** When the receipt promised a first human answer by (ANSWER_HOURS after creation). */
  answerDueAt?: Date | null;
  /** The confirmed item this one is a recurrence of ("又坏了"). */
  relatedToId?: number | null;
  /** A need that comes back (每周送菜): see recurring.ts. */
  recurring?: boolean;
  /** Whom the submitter speaks for ("3号楼王奶奶", who phoned the office), and that person's phone. */
  onBehalfOf?: string | null;
  onBehalfPhone?: string | null;
};

export async function createItem(tx: Tx, input: NewItem, now: Date): Promise<ItemChange> {
  const { photos, ...given } = input;
  const fields = { ...given, gridId: given.gridId ?? null, answerDueAt: given.answerDueAt ?? null, relatedToId: given.relatedToId ?? null, recurring: given.recurring ?? isRecurring(given.text), onBehalfOf: given.onBehalfOf ?? null, onBehalfPhone: given.onBehalfPhone ?? null };
  const values = { ...fields, status: 'open', createdAt: now, updatedAt: now };
  const id = await insert(tx, 'items', values);
  await insert(tx, 'item_events', {
    itemId: id,
    type: 'created',
    actorId: input.submitterId,
    toStatus: 'open',
    note: fields.relatedToId !== null ? `#${fields.relatedToId}` : null,
    createdAt: now,
  });
  for (const ref of photos) await insert(tx, 'item_photos', { itemId: id, ref, createdAt: now });
  // The row as written, without reading it back.
  const item: Item = { ...EMPTY_ITEM, ...values, id };
  return { type: 'created', item, before: null, actor: null, note: '' };
}

/** The columns a new item does not set, at their defaults (prisma/models.prisma). */
const EMPTY_ITEM: Omit<Item, 'id' | 'kind' | 'status' | 'communityId' | 'text' | 'submitterId' | 'sourcePlatform' | 'createdAt' | 'updatedAt'> = {
  category: null,
  place: null,
  latitude: null,
  longitude: null,
  priority: 'normal',
  deadlineAt: null,
  claimantId: null,
  assignedUnit: null,
  mergedIntoId: null,
  rating: null,
  ratingComment: null,
  sourceConversationId: null,
  version: 0,
  answeredAt: null,
  answerSeconds: null,
  claimedAt: null,
  claimSeconds: null,
  activityAt: null,
  doneAt: null,
  resolveSeconds: null,
  closedAt: null,
  snoozedUntil: null,
  remindedAt: null,
  escalatedAt: null,
  gridId: null,
  answerDueAt: null,
  lateNoticeAt: null,
  relatedToId: null,
  recurring: false,
  onBehalfOf: null,
  onBehalfPhone: null,
};

export async function getItem(tx: Tx, id: number): Promise<Item> {
  const item = await tx.get<Item>('SELECT * FROM items WHERE id = ?', [id]);
  if (!item) throw new DomainError('not_found', { id });
  return item;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * Applies one lifecycle event: checks who may, checks the table, writes the item with an
 * optimistic version check (so that two claims in the same second cannot both win) and appends
 * the timeline entry. `fields` are the event's own columns (claimant, rating, …).
 */
export async function applyEvent(
  tx: Tx,
  actor: Actor | null,
  item: Item,
  event: LifecycleEvent,
  now: Date,
  opts: { note?: string; rating?: number | null; fields?: Partial<Item>; skipAuthorize?: boolean; type?: EventType } = {},
): Promise<ItemChange> {
  if (actor && !opts.skipAuthorize) authorize(actor, event, item);
  const result = transition(item.status as ItemStatus, event);
  if (!result.ok) throw new DomainError(result.refusal, { id: item.id, status: item.status as ItemStatus });
  const human = actor !== null;
  const fields: Partial<Item> = { ...timestampsFor(event, item, now, human), ...opts.fields };
  const keys = Object.keys(fields) as Array<keyof Item>;
  const set = keys.map((k) => `${snake(k)} = ?, `).join('');
  const updated = await tx.run(
    `UPDATE items SET ${set}status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
    [...keys.map((k) => fields[k] as Value), result.to, now, item.id, item.version],
  );
  if (updated !== 1) throw new ConflictError(`item #${item.id}`);
  const after = { ...item, ...fields, status: result.to, version: item.version + 1, updatedAt: now } as Item;
  const type = opts.type ?? EVENT_OF[event];
  await insert(tx, 'item_events', {
    itemId: item.id,
    type,
    actorId: actor?.id ?? null,
    fromStatus: item.status,
    toStatus: result.to,
    note: opts.note || null,
    rating: opts.rating ?? null,
    createdAt: now,
  });
  return { type, item: after, before: item, actor, note: opts.note ?? '', rating: opts.rating ?? null };
}

/** The time columns an event moves (SPEC: figures need time to claim, to resolve, to answer). */
function timestampsFor(event: LifecycleEvent, item: Item, now: Date, human: boolean): Partial<Item> {
  const answered =
    human && item.answeredAt === null ? { answeredAt: now, answerSeconds: seconds(item.createdAt, now) } : {};
  switch (event) {
    case 'claim':
    case 'assign':
      return {
        ...answered,
        ...(item.claimedAt === null ? { claimedAt: now, claimSeconds: seconds(item.createdAt, now) } : {}),
        activityAt: now,
        remindedAt: null,
        snoozedUntil: null,
      };
    case 'progress':
      return { ...answered, activityAt: now, remindedAt: null };
    case 'complete':
      return { ...answered, doneAt: now, resolveSeconds: seconds(item.createdAt, now), activityAt: now };
    case 'release':
      return { claimantId: null, assignedUnit: null, activityAt: null, remindedAt: null, snoozedUntil: null };
    case 'confirm':
    case 'autoConfirm':
      return { closedAt: now };
    case 'rateLow':
    case 'dispute':
    case 'reopen':
      return { doneAt: null, resolveSeconds: null, closedAt: null, activityAt: now, remindedAt: null };
    case 'withdraw':
    case 'merge':
      return { closedAt: now };
    case 'reject':
      return { ...answered, closedAt: now };
    case 'support':
    case 'snooze':
      return {};
  }
}

export function canSeeContacts(actor: Actor, item: Item): boolean {
  return (
    item.submitterId === actor.id || item.claimantId === actor.id || roleIn(actor, item.communityId) === 'official'
  );
}
