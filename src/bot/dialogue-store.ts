import type { Emergency } from './detect-emergency.ts';
import type { Dialogue } from '../db/rows.ts';
import { insert, update, type Tx } from '../db/sql.ts';
import { DAY } from '../core/clock.ts';
import type { ItemKind, Priority } from '../domain/types.ts';
import type { MessageContext } from './context.ts';

// A dialogue's draft, stored after every step so that nothing a person wrote is lost between
// messages: one per person per conversation (unique key), dropped after a day without an answer.

export type Step = 'text' | 'kind' | 'community' | 'address' | 'place' | 'photo';

export type Draft = {
  step: Step;
  kind: ItemKind | null;
  text: string;
  communityId: number | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  photos: string[];
  phone: string | null;
  priority: Priority;
  /** No photo, said before the photo question came ("反映问题嘞 冇得照片"): it is not asked. */
  photoDeclined?: boolean;
};

/** A draft not answered for this long is dropped, and the person is told when they next write. */
export const DRAFT_TTL = DAY;

export function conversationKey(ctx: MessageContext): string {
  return `${ctx.msg.platform}:${ctx.msg.conversationId}`;
}

/**
 * The person's draft in this conversation; one left for more than a day comes back as `expired`, for
 * the caller to drop when it answers (so that the note about it is not lost on chatter it ignores).
 */
export async function findDialogue(tx: Tx, ctx: MessageContext): Promise<{ dialogue: Dialogue | null; expired: Dialogue | null }> {
  // Someone first heard from in this very message has no draft yet: nothing to read (one round trip
  // less for every newcomer, on PostgreSQL a tenth of a new wish's).
  if (ctx.newcomer) return { dialogue: null, expired: null };
  const row = await tx.get<Dialogue>('SELECT * FROM dialogues WHERE person_id = ? AND conversation_key = ?', [ctx.person.id, conversationKey(ctx)]);
  if (!row) return { dialogue: null, expired: null };
  return ctx.now.getTime() - row.updatedAt.getTime() <= DRAFT_TTL ? { dialogue: row, expired: null } : { dialogue: null, expired: row };
}

export async function saveDraft(tx: Tx, ctx: MessageContext, d: Draft, rowId: number | null): Promise<void> {
  const data = {
    step: d.step,
    kind: d.kind,
    text: d.text,
    communityId: d.communityId,
    place: d.place,
    latitude: d.latitude,
    longitude: d.longitude,
    photos: JSON.stringify(d.photos),
    phone: d.phone,
    priority: d.priority,
    photoDeclined: d.photoDeclined ?? false,
    updatedAt: ctx.now,
  };
  if (rowId === null) {
    await insert(tx, 'dialogues', { ...data, personId: ctx.person.id, conversationKey: conversationKey(ctx), createdAt: ctx.now });
  } else {
    await update(tx, 'dialogues', data, 'id = ?', [rowId]);
  }
}

export async function deleteDialogue(tx: Tx, id: number): Promise<void> {
  await tx.run('DELETE FROM dialogues WHERE id = ?', [id]);
}

export function draftOf(row: Dialogue): Draft {
  return {
    step: row.step as Step,
    kind: row.kind as ItemKind | null,
    text: row.text,
    communityId: row.communityId,
    place: row.place,
    latitude: row.latitude,
    longitude: row.longitude,
    photos: JSON.parse(row.photos) as string[],
    phone: row.phone,
    priority: row.priority as Priority,
    photoDeclined: row.photoDeclined,
  };
}

/** What a finished draft files. */
export function submissionOf(draft: Draft) {
  return {
    kind: draft.kind ?? 'wish',
    text: draft.text,
    communityId: draft.communityId!,
    place: draft.place,
    latitude: draft.latitude,
    longitude: draft.longitude,
    photos: draft.photos,
    phone: draft.phone,
  };
}

/** An emergency said in a draft: urgent, and a report (a plain "很急" keeps a wish a wish; gas, fire or a fall does not). */
export function makeUrgent(draft: Draft, emergency: Emergency): void {
  draft.priority = 'urgent';
  if (draft.kind === null || emergency.hotlines.length > 0) draft.kind = 'report';
}
