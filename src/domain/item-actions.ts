import type { Item, Person } from '../db/rows.ts';
import { insert, type Tx } from '../db/sql.ts';
import { isOfficialOf, type Actor } from './actor.ts';
import { ConflictError, DomainError } from './errors.ts';
import { applyEvent, getItem, type ItemChange } from './items.ts';
import { authorize, requireOfficial } from './permissions.ts';
import { transition } from './lifecycle.ts';
import type { ItemStatus } from './types.ts';
import { DAY } from '../core/clock.ts';
import { endsTheNeed, needGoesOn } from './recurring.ts';

/** The note of one round of a recurring need, in its timeline. */
export const ROUND_DONE = '本次已办好';

// The chat commands on one item. Each runs inside the caller's transaction.

/** `plan`: what the claimant says they will do ("明天上午过去"), kept in the timeline. */
export async function claimItem(tx: Tx, actor: Actor, id: number, now: Date, plan = ''): Promise<ItemChange> {
  const item = await getItem(tx, id);
  authorize(actor, 'claim', item);
  if (item.status === 'claimed') {
    if (item.claimantId === actor.id) throw new DomainError('already_yours', { id });
    const holder = item.claimantId
      ? await tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId])
      : undefined;
    throw new DomainError('already_claimed', { id, name: holder?.name ?? item.assignedUnit ?? undefined, unit: !holder && item.assignedUnit !== null });
  }
  return applyEvent(tx, actor, item, 'claim', now, {
    fields: { claimantId: actor.id, assignedUnit: null },
    skipAuthorize: true,
    ...(plan ? { note: plan } : {}),
  });
}

export type AssignTo = { kind: 'person'; person: Pick<Person, 'id' | 'name'> } | { kind: 'unit'; name: string };

export async function assignItem(tx: Tx, actor: Actor, id: number, to: AssignTo, now: Date): Promise<ItemChange> {
  const item = await getItem(tx, id);
  const fields: Partial<Item> =
    to.kind === 'person' ? { claimantId: to.person.id, assignedUnit: null } : { claimantId: null, assignedUnit: to.name };
  const who = to.kind === 'person' ? to.person.name : to.name;
  return applyEvent(tx, actor, item, 'assign', now, { fields, note: who });
}

/** Finds the person an official means by "@名字" among the community's members and officials. */
export async function findCommunityPerson(tx: Tx, communityId: number, name: string): Promise<Person> {
  const matches = await tx.all<Person>(
    `SELECT p.* FROM people p
     WHERE p.name = ? AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.community_id = ?)
     ORDER BY p.id LIMIT 2`,
    [name, communityId],
  );
  if (matches.length === 0) throw new DomainError('person_not_found', { name });
  if (matches.length > 1) throw new DomainError('person_ambiguous', { name });
  return matches[0]!;
}

export async function progressItem(tx: Tx, actor: Actor, id: number, note: string, now: Date) {
  return applyEvent(tx, actor, await getItem(tx, id), 'progress', now, { note });
}

/**
 * An official may close an item nobody claimed (燃气公司 came and fixed it): the ledger then shows
 * the official taking it on and finishing it, so 认领 and 办结 figures stay whole.
 */
export async function completeItem(tx: Tx, actor: Actor, id: number, note: string, now: Date) {
  let item = await getItem(tx, id);
  // A need that comes back: this round is recorded, and the item stays with its holder. Its
  // deadline was for the first round; a need without end is never overdue.
  if ((item.recurring || needGoesOn(note)) && item.status === 'claimed' && !endsTheNeed(note)) {
    return applyEvent(tx, actor, item, 'progress', now, { note: `${ROUND_DONE}${note ? `：${note}` : ''}`, fields: { deadlineAt: null, recurring: true } });
  }
  if (item.status === 'open' && isOfficialOf(actor, item.communityId)) {
    item = (await applyEvent(tx, actor, item, 'claim', now, { fields: { claimantId: actor.id, assignedUnit: null }, skipAuthorize: true })).item;
  }
  return applyEvent(tx, actor, item, 'complete', now, { note });
}

export async function releaseItem(tx: Tx, actor: Actor, id: number, reason: string, now: Date) {
  return applyEvent(tx, actor, await getItem(tx, id), 'release', now, { note: reason });
}

/** A rating of 1–2 reopens the item to its claimant (SPEC lifecycle); 3–5 or none confirms. */
export async function confirmItem(
  tx: Tx,
  actor: Actor,
  id: number,
  rating: number | null,
  comment: string,
  now: Date,
): Promise<ItemChange> {
  const item = await getItem(tx, id);
  const low = rating !== null && rating <= 2;
  return applyEvent(tx, actor, item, low ? 'rateLow' : 'confirm', now, {
    note: comment,
    rating,
    fields: { rating, ratingComment: comment || null },
  });
}

/**
 * The submitter puts the rating of a confirmed item right ("改成四星吧"): it stays closed; the
 * timeline keeps both ratings with their words, and the figures count the last one (docs/figures.md).
 */
export async function rerateItem(tx: Tx, actor: Actor, id: number, rating: number, comment: string, now: Date): Promise<ItemChange> {
  const item = await getItem(tx, id);
  if (item.submitterId !== actor.id) throw new DomainError('only_submitter', { id });
  if (item.status !== 'confirmed') throw new DomainError('not_closed', { id, status: item.status as ItemStatus });
  const updated = await tx.run('UPDATE items SET rating = ?, rating_comment = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?', [
    rating,
    comment || null,
    now,
    id,
    item.version,
  ]);
  if (updated !== 1) throw new ConflictError(`item #${id}`);
  await insert(tx, 'item_events', { itemId: id, type: 'rerated', actorId: actor.id, fromStatus: item.status, toStatus: item.status, note: comment, rating, createdAt: now });
  return { type: 'rerated', item: { ...item, rating, ratingComment: comment || null, version: item.version + 1, updatedAt: now }, before: item, actor, note: comment, rating };
}

export async function disputeItem(tx: Tx, actor: Actor, id: number, reason: string, now: Date) {
  return applyEvent(tx, actor, await getItem(tx, id), 'dispute', now, { note: reason });
}

export async function withdrawItem(tx: Tx, actor: Actor, id: number, reason: string, now: Date) {
  return applyEvent(tx, actor, await getItem(tx, id), 'withdraw', now, { note: reason });
}

/**
 * A withdrawal put right ("谁让你撤了？6号恢复", "不是撤回4号！4号还要的"): back to where it was, by
 * its submitter within a day of withdrawing, or by an official of its community at any time. The
 * withdrawal stays on the timeline, followed by 恢复.
 */
export async function restoreItem(tx: Tx, actor: Actor, id: number, now: Date): Promise<ItemChange> {
  const item = await getItem(tx, id);
  if (item.status !== 'withdrawn') throw new DomainError('not_withdrawn', { id, status: item.status as ItemStatus });
  const withdrawn = await tx.get<{ fromStatus: string | null; createdAt: Date }>(
    "SELECT from_status, created_at FROM item_events WHERE item_id = ? AND type = 'withdrawn' ORDER BY id DESC LIMIT 1",
    [id],
  );
  const recent = withdrawn !== undefined && now.getTime() - withdrawn.createdAt.getTime() < RESTORE_WITHIN_MS;
  if (!isOfficialOf(actor, item.communityId)) {
    if (item.submitterId !== actor.id) requireOfficial(actor, item);
    else if (!recent) throw new DomainError('closed', { id, status: 'withdrawn' });
  }
  const to = withdrawn?.fromStatus === 'claimed' && item.claimantId !== null ? 'claimed' : 'open';
  const updated = await tx.run('UPDATE items SET status = ?, closed_at = NULL, version = version + 1, updated_at = ? WHERE id = ? AND version = ?', [to, now, id, item.version]);
  if (updated !== 1) throw new ConflictError(`item #${id}`);
  await insert(tx, 'item_events', { itemId: id, type: 'restored', actorId: actor.id, fromStatus: 'withdrawn', toStatus: to, note: null, createdAt: now });
  return { type: 'restored', item: { ...item, status: to, closedAt: null, version: item.version + 1, updatedAt: now }, before: item, actor, note: '' };
}

/** How long a submitter may take back their own withdrawal. */
const RESTORE_WITHIN_MS = DAY;

export async function rejectItem(tx: Tx, actor: Actor, id: number, reason: string, now: Date) {
  return applyEvent(tx, actor, await getItem(tx, id), 'reject', now, { note: reason });
}

/**
 * An official (or a failed revisit, or the submitter after confirmation) reopens: a closed item goes
 * back to whoever held it. Its rating stays: the item's history keeps every rating (SPEC "Figures").
 */
export async function reopenItem(tx: Tx, actor: Actor | null, id: number, note: string, now: Date, opts: { bySubmitter?: boolean } = {}) {
  const item = await getItem(tx, id);
  if (opts.bySubmitter && actor && item.submitterId !== actor.id) throw new DomainError('only_submitter', { id });
  return applyEvent(tx, actor, item, 'reopen', now, { note, skipAuthorize: opts.bySubmitter === true });
}

/**
 * The holder takes back a completion said by mistake ("刚才说错了 还没修好 先别算完成"): while the
 * submitter has not confirmed it, the item goes back to them, as a dispute would send it.
 */
export async function takeBackDone(tx: Tx, actor: Actor, id: number, note: string, now: Date) {
  const item = await getItem(tx, id);
  if (item.claimantId !== actor.id) throw new DomainError('only_claimant', { id });
  if (item.status !== 'done') throw new DomainError('not_done', { id });
  return applyEvent(tx, actor, item, 'reopen', now, { note, skipAuthorize: true });
}

/** 合并 N 到 M: N becomes a duplicate; its submitter (and supporters) follow M. */
export async function mergeItem(tx: Tx, actor: Actor, id: number, intoId: number, now: Date): Promise<ItemChange> {
  if (id === intoId) throw new DomainError('merge_self', { id });
  const item = await getItem(tx, id);
  const into = await getItem(tx, intoId);
  authorize(actor, 'merge', item);
  if (into.communityId !== item.communityId) throw new DomainError('merge_other_community', { id });
  if (!isOfficialOf(actor, into.communityId)) throw new DomainError('need_official', { id: intoId });
  if (['withdrawn', 'rejected', 'merged', 'confirmed'].includes(into.status)) {
    throw new DomainError('merge_target_closed', { id: intoId });
  }
  const change = await applyEvent(tx, actor, item, 'merge', now, {
    note: `#${intoId}`,
    fields: { mergedIntoId: intoId },
  });
  const followers = await tx.all<{ personId: number }>('SELECT person_id FROM item_supporters WHERE item_id = ? ORDER BY person_id', [id]);
  const joining = [...new Set([item.submitterId, ...followers.map((f) => f.personId)])].filter((p) => p !== into.submitterId);
  // Those already behind M stay as they are. In chunks: a report's followers grow with the data.
  for (let i = 0; i < joining.length; i += SUPPORTER_CHUNK) {
    const chunk = joining.slice(i, i + SUPPORTER_CHUNK);
    await tx.run(
      `INSERT INTO item_supporters (item_id, person_id, created_at) VALUES ${Array(chunk.length).fill('(?, ?, ?)').join(', ')}
       ON CONFLICT (item_id, person_id) DO NOTHING`,
      chunk.flatMap((personId) => [intoId, personId, now]),
    );
  }
  return { ...change, into };
}

/** Supporters written per statement (three values each: under both databases' limits on bound values). */
const SUPPORTER_CHUNK = 200;

/** 附议: another affected resident joins a report. */
export async function supportItem(tx: Tx, actor: Actor, id: number, now: Date): Promise<ItemChange> {
  const item = await getItem(tx, id);
  if (item.kind !== 'report') throw new DomainError('support_wish', { id });
  authorize(actor, 'support', item);
  const allowed = transition(item.status as ItemStatus, 'support');
  if (!allowed.ok) throw new DomainError(allowed.refusal, { id, status: item.status as ItemStatus });
  if (!(await addSupporter(tx, id, actor.id, now))) throw new DomainError('already_supported', { id });
  await insert(tx, 'item_events', { itemId: id, type: 'supported', actorId: actor.id, createdAt: now });
  const supporters = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM item_supporters WHERE item_id = ?', [id]))!.n;
  return { type: 'supported', item, before: item, actor, note: '', supporters: supporters + 1 };
}

async function addSupporter(tx: Tx, itemId: number, personId: number, now: Date): Promise<boolean> {
  const added = await tx.run(
    'INSERT INTO item_supporters (item_id, person_id, created_at) VALUES (?, ?, ?) ON CONFLICT (item_id, person_id) DO NOTHING',
    [itemId, personId, now],
  );
  return added === 1;
}

export async function snoozeItem(tx: Tx, actor: Actor, id: number, days: number, now: Date) {
  const item = await getItem(tx, id);
  return applyEvent(tx, actor, item, 'snooze', now, {
    note: `${days}`,
    fields: { snoozedUntil: new Date(now.getTime() + days * DAY) },
  });
}

/** Photos sent after the receipt: added to the item, one timeline entry. */
export async function addPhotos(tx: Tx, actor: Actor, id: number, refs: readonly string[], now: Date): Promise<void> {
  for (const ref of refs) await insert(tx, 'item_photos', { itemId: id, ref, createdAt: now });
  await insert(tx, 'item_events', { itemId: id, type: 'photo_added', actorId: actor.id, note: `${refs.length}`, createdAt: now });
}
