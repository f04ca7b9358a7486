import type { Item, Person } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { DAY, HOUR, MINUTE } from '../core/clock.ts';

/**
 * The questions the bot asked a person and still waits for (table prompts), so that a plain answer
 * is understood as meant: "满意，谢谢" after a done notice, "还是老样子" after a revisit, a phone
 * number after "方便留个电话吗？", "5号楼一楼" after "具体在哪里？". A question stops being open when
 * it is answered, or when what it asked about has moved on (the item is no longer done, the phone
 * or the place is known, a day has passed). `deadline`: an official's day that was not ahead was
 * refused; "那就下周三吧" is the day meant.
 */
export type PromptKind =
  | 'confirm'
  /** The submitter just confirmed with a score: "改成四星吧" within the day puts it right. */
  | 'rerate'
  | 'revisit'
  | 'phone'
  | 'place'
  | 'deadline'
  /** Words of its holder or the office were passed to the resident; their answer goes back. */
  | 'relay'
  /** An official's category that is not one of the community's; "那就基础设施吧" is the one meant. */
  | 'category'
  /** A command refused a moment ago, for a corrected number ("打错了 是17号"). */
  | 'refused_claim'
  | 'refused_done'
  | 'refused_status'
  | 'refused_support'
  | 'refused_withdraw';

type PromptItem = Pick<
  Item,
  'id' | 'kind' | 'text' | 'status' | 'place' | 'communityId' | 'submitterId' | 'claimantId' | 'priority' | 'sourceConversationId'
>;
/** `partial`: the first digits of a number sent in pieces (kind phone). */
export type OpenPrompt = { id: number; kind: PromptKind; itemId: number; askedAt: Date; partial: string | null; item: PromptItem };

const LOOK_BACK = 30 * DAY;
const REVISIT_WINDOW = 14 * DAY;
const SHORT_WINDOW = 24 * HOUR;
const REFUSED_WINDOW = 5 * MINUTE;
// An answer to words passed on comes within the day, or is about something else.
const RELAY_WINDOW = 12 * HOUR;

/** Records a question (asked again: it is open again, from now). */
export async function ask(tx: Tx, personId: number, kind: PromptKind, itemId: number, now: Date): Promise<void> {
  await tx.run(
    `INSERT INTO prompts (person_id, kind, item_id, asked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (person_id, kind, item_id) DO UPDATE SET asked_at = excluded.asked_at, answered_at = NULL, partial = NULL`,
    [personId, kind, itemId, now],
  );
}

export async function answered(tx: Tx, promptId: number, now: Date): Promise<void> {
  await tx.run('UPDATE prompts SET answered_at = ? WHERE id = ? AND answered_at IS NULL', [now, promptId]);
}

/** Every open question of one kind about one item is answered (e.g. confirmed with a command). */
export async function answeredAbout(tx: Tx, kind: PromptKind, itemId: number, now: Date): Promise<void> {
  await tx.run('UPDATE prompts SET answered_at = ? WHERE kind = ? AND item_id = ? AND answered_at IS NULL', [now, kind, itemId]);
}

/** The person's open questions, newest first (a handful: one index range, person_id + answered_at). */
export async function openPrompts(tx: Tx, person: Pick<Person, 'id' | 'phone'>, now: Date): Promise<OpenPrompt[]> {
  const rows = await tx.all<{ id: number; kind: string; itemId: number; askedAt: Date; partial: string | null } & { itemKind: string } & Omit<PromptItem, 'id' | 'kind'>>(
    `SELECT p.id, p.kind, p.item_id, p.asked_at, p.partial, i.kind AS item_kind, i.text, i.status, i.place, i.community_id,
            i.submitter_id, i.claimant_id, i.priority, i.source_conversation_id
     FROM prompts p JOIN items i ON i.id = p.item_id
     WHERE p.person_id = ? AND p.answered_at IS NULL AND p.asked_at > ?
     ORDER BY p.asked_at DESC, p.id DESC LIMIT 10`,
    [person.id, new Date(now.getTime() - LOOK_BACK)],
  );
  const prompts = rows.map(({ id, kind, itemId, askedAt, partial, itemKind, ...item }) => ({
    id,
    kind: kind as PromptKind,
    itemId,
    askedAt,
    partial,
    item: { ...item, id: itemId, kind: itemKind },
  }));
  return prompts.filter((p) => stillOpen(p, person, now));
}

function stillOpen(p: OpenPrompt, person: Pick<Person, 'phone'>, now: Date): boolean {
  const age = now.getTime() - p.askedAt.getTime();
  switch (p.kind) {
    case 'confirm':
      return p.item.status === 'done';
    case 'revisit':
      return p.item.status === 'confirmed' && age < REVISIT_WINDOW;
    case 'rerate':
      return p.item.status === 'confirmed' && age < SHORT_WINDOW;
    case 'phone':
      return person.phone === null && age < SHORT_WINDOW;
    case 'place':
      return p.item.place === null && ['open', 'claimed'].includes(p.item.status) && age < SHORT_WINDOW;
    case 'deadline':
      return ['open', 'claimed'].includes(p.item.status) && age < SHORT_WINDOW;
    case 'category':
      return age < REFUSED_WINDOW;
    case 'relay':
      return ['open', 'claimed', 'done'].includes(p.item.status) && age < RELAY_WINDOW;
    default:
      return age < REFUSED_WINDOW;
  }
}
