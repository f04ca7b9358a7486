import type { Item } from '../db/rows.ts';
import { insert, type Tx } from '../db/sql.ts';
import type { Actor } from '../domain/actor.ts';
import { ConflictError, DomainError } from '../domain/errors.ts';
import { getItem } from '../domain/items.ts';

// An official's settings on an item (category, priority, deadline, grid) and the 民情日记 note: each
// an entry in the timeline with who did it, like every lifecycle event. Timeline types of their own
// ('categorized', 'prioritized', 'deadline_set', 'grid_set', 'noted'); the lifecycle is not involved.

export type Setting = 'categorized' | 'prioritized' | 'deadline_set' | 'grid_set';

const CLOSED = ['confirmed', 'withdrawn', 'rejected', 'merged'];

/** Changes one column with the item's version check (a concurrent change wins; the official retries). */
export async function changeSetting(tx: Tx, actor: Actor, id: number, type: Setting, fields: Partial<Item>, note: string, now: Date): Promise<Item> {
  const item = await getItem(tx, id);
  if (actor.roles.get(item.communityId) !== 'official') throw new DomainError('need_official', { id });
  if (CLOSED.includes(item.status)) throw new DomainError('closed', { id, status: item.status as Item['status'] as never });
  const keys = Object.keys(fields) as Array<keyof Item>;
  const set = keys.map((k) => `${k.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`)} = ?, `).join('');
  const changed = await tx.run(`UPDATE items SET ${set}version = version + 1, updated_at = ? WHERE id = ? AND version = ?`, [
    ...keys.map((k) => fields[k] as never),
    now,
    id,
    item.version,
  ]);
  if (changed !== 1) throw new ConflictError(`item #${id}`);
  await insert(tx, 'item_events', { itemId: id, type, actorId: actor.id, note, createdAt: now });
  return { ...item, ...fields, version: item.version + 1, updatedAt: now };
}

/** 民情日记: a note on the item's timeline, for the office only. */
export async function addNote(tx: Tx, actor: Actor, id: number, note: string, now: Date): Promise<void> {
  const item = await getItem(tx, id);
  if (actor.roles.get(item.communityId) !== 'official') throw new DomainError('need_official', { id });
  await insert(tx, 'item_events', { itemId: id, type: 'noted', actorId: actor.id, note, createdAt: now });
}
