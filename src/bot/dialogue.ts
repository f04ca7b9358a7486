import type { Dialogue } from '../db/rows.ts';
import { insert, update, type Tx } from '../db/sql.ts';
import { normalizeText } from './normalize-text.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { submitItem } from './submit-item.ts';
import { texts } from './texts.ts';
import type { ItemKind } from '../domain/types.ts';

/**
 * The short dialogue for a message that is not a command (SPEC "Talking to the bot"): wish or
 * report? → which community (if unknown) → the address or place → a photo (reports) → receipt.
 * The draft is stored after every step, so nothing the person wrote is lost between messages.
 */
type Step = 'text' | 'kind' | 'community' | 'address' | 'place' | 'photo';
const STEPS: Record<ItemKind, Step[]> = {
  wish: ['text', 'kind', 'community', 'address'],
  report: ['text', 'kind', 'community', 'place', 'photo'],
};

const SKIP = /^(跳过|不用|没有|无|不需要|算了|skip|no)$/iu;
const CANCEL = /^(取消|不要了|cancel)$/iu;

export function conversationKey(ctx: MessageContext): string {
  return `${ctx.msg.platform}:${ctx.msg.conversationId}`;
}

export async function findDialogue(tx: Tx, ctx: MessageContext): Promise<Dialogue | null> {
  const row = await tx.get<Dialogue>('SELECT * FROM dialogues WHERE person_id = ? AND conversation_key = ?', [
    ctx.person.id,
    conversationKey(ctx),
  ]);
  return row ?? null;
}

/** Starts a dialogue; `kind` is known when it began with 反映 or 心愿. */
export async function startDialogue(
  tx: Tx,
  ctx: MessageContext,
  start: { kind: ItemKind | null; text: string },
  out: Outgoing,
  deps: BotDeps,
): Promise<void> {
  const communityId = await knownCommunity(tx, ctx);
  const draft: Draft = {
    step: 'text',
    kind: start.kind,
    text: start.text,
    communityId,
    place: ctx.msg.location?.label ?? null,
    latitude: ctx.msg.location?.latitude ?? null,
    longitude: ctx.msg.location?.longitude ?? null,
    photos: [...ctx.msg.photos],
  };
  await advance(tx, ctx, draft, null, out, deps);
}

/**
 * A new 心愿/反映 while a draft is open: early on it answers the kind question; later the open
 * draft is filed as it stands (nothing is dropped) and the new one starts.
 */
export async function restartDialogue(
  tx: Tx,
  ctx: MessageContext,
  row: Dialogue,
  start: { kind: ItemKind; text: string },
  out: Outgoing,
  deps: BotDeps,
): Promise<void> {
  const draft = fromRow(row);
  if (draft.communityId === null || draft.step === 'text' || draft.step === 'kind') {
    draft.kind = start.kind;
    draft.text = draft.text ? `${draft.text}\n${start.text}` : start.text;
    return advance(tx, ctx, draft, row.id, out, deps);
  }
  await deleteDialogue(tx, row.id);
  await submitItem(tx, ctx, asSubmission(draft), out, deps);
  await startDialogue(tx, ctx, start, out, deps);
}

/** Handles the next message of a dialogue in progress. */
export async function continueDialogue(tx: Tx, ctx: MessageContext, row: Dialogue, out: Outgoing, deps: BotDeps): Promise<void> {
  const draft = fromRow(row);
  const answer = normalizeText(ctx.msg.text).trim();
  if (CANCEL.test(answer)) {
    await deleteDialogue(tx, row.id);
    out.reply(texts.dialogueCancelled);
    return;
  }
  draft.photos.push(...ctx.msg.photos);
  if (ctx.msg.location) {
    draft.place = ctx.msg.location.label;
    draft.latitude = ctx.msg.location.latitude;
    draft.longitude = ctx.msg.location.longitude;
  }
  switch (draft.step) {
    case 'text':
      draft.text = ctx.msg.text.trim();
      break;
    case 'kind': {
      const kind = /^(1|一|心愿|微心愿|wish)$/iu.test(answer) ? 'wish' : /^(2|二|反映|问题|报事|report)$/iu.test(answer) ? 'report' : null;
      if (kind) {
        draft.kind = kind;
        break;
      }
      // More words about the same thing: keep them with the draft and ask again.
      if (ctx.msg.text.trim() !== '') draft.text = `${draft.text}\n${ctx.msg.text.trim()}`;
      await save(tx, ctx, draft, row.id);
      out.reply(texts.askKindAgain);
      return;
    }
    case 'community': {
      const communities = await tx.all<{ id: number }>('SELECT id FROM communities ORDER BY id');
      const n = Number(answer);
      const chosen = Number.isInteger(n) && n >= 1 && n <= communities.length ? communities[n - 1] : null;
      if (!chosen) {
        await save(tx, ctx, draft, row.id);
        out.reply(texts.askCommunityAgain(communities.length));
        return;
      }
      draft.communityId = chosen.id;
      await tx.run('UPDATE people SET community_id = ?, updated_at = ? WHERE id = ?', [chosen.id, ctx.now, ctx.person.id]);
      break;
    }
    case 'address':
    case 'place':
      if (!ctx.msg.location) draft.place = SKIP.test(answer) || answer === '' ? '' : ctx.msg.text.trim().slice(0, 200);
      break;
    case 'photo':
      if (ctx.msg.photos.length === 0 && answer !== '' && !SKIP.test(answer)) {
        draft.text = `${draft.text}\n补充：${ctx.msg.text.trim()}`;
      }
      break;
  }
  await advance(tx, ctx, draft, row.id, out, deps);
}

type Draft = {
  step: Step;
  kind: ItemKind | null;
  text: string;
  communityId: number | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  photos: string[];
};

/** Moves to the first step still missing an answer, or submits. */
async function advance(tx: Tx, ctx: MessageContext, draft: Draft, rowId: number | null, out: Outgoing, deps: BotDeps) {
  const steps = draft.kind ? STEPS[draft.kind] : STEPS.wish;
  const from = steps.indexOf(draft.step);
  for (const step of steps.slice(from)) {
    const missing =
      step === 'text'
        ? draft.text === ''
        : step === 'kind'
        ? draft.kind === null
        : step === 'community'
          ? draft.communityId === null
          : step === 'photo'
            ? draft.photos.length === 0 && draft.step !== 'photo'
            : draft.place === null;
    if (!missing) continue;
    draft.step = step;
    await save(tx, ctx, draft, rowId);
    out.reply(await question(tx, step, draft));
    return;
  }
  if (rowId !== null) await deleteDialogue(tx, rowId);
  await submitItem(tx, ctx, asSubmission(draft), out, deps);
}

function asSubmission(draft: Draft) {
  return {
    kind: draft.kind ?? 'wish',
    text: draft.text,
    communityId: draft.communityId!,
    place: draft.place,
    latitude: draft.latitude,
    longitude: draft.longitude,
    photos: draft.photos,
  };
}

async function question(tx: Tx, step: Step, draft: Draft): Promise<string> {
  switch (step) {
    case 'text':
      return draft.photos.length > 0 ? texts.askTextAfterPhoto : texts.askText;
    case 'kind':
      return texts.askKind(draft.text);
    case 'community': {
      const communities = await tx.all<{ name: string }>('SELECT name FROM communities ORDER BY id');
      return texts.askCommunity(communities.map((c) => c.name));
    }
    case 'address':
      return texts.askAddress;
    case 'place':
      return texts.askPlace;
    case 'photo':
      return texts.askPhoto;
  }
}

/** The community an item from this message belongs to, when it can be known without asking. */
export async function knownCommunity(tx: Tx, ctx: MessageContext): Promise<number | null> {
  if (ctx.group) return ctx.group.communityId;
  const memberOf = [...ctx.actor.roles.keys()];
  if (memberOf.length === 1) return memberOf[0]!;
  if (ctx.person.communityId !== null) return ctx.person.communityId;
  const communities = await tx.all<{ id: number }>('SELECT id FROM communities ORDER BY id LIMIT 2');
  return communities.length === 1 ? communities[0]!.id : null;
}

async function save(tx: Tx, ctx: MessageContext, d: Draft, rowId: number | null): Promise<void> {
  const data = {
    step: d.step,
    kind: d.kind,
    text: d.text,
    communityId: d.communityId,
    place: d.place,
    latitude: d.latitude,
    longitude: d.longitude,
    photos: JSON.stringify(d.photos),
    updatedAt: ctx.now,
  };
  if (rowId === null) {
    await insert(tx, 'dialogues', { ...data, personId: ctx.person.id, conversationKey: conversationKey(ctx), createdAt: ctx.now });
  } else {
    await update(tx, 'dialogues', data, 'id = ?', [rowId]);
  }
}

async function deleteDialogue(tx: Tx, id: number): Promise<void> {
  await tx.run('DELETE FROM dialogues WHERE id = ?', [id]);
}

function fromRow(row: Dialogue): Draft {
  return {
    step: row.step as Step,
    kind: row.kind as ItemKind | null,
    text: row.text,
    communityId: row.communityId,
    place: row.place,
    latitude: row.latitude,
    longitude: row.longitude,
    photos: JSON.parse(row.photos) as string[],
  };
}
