import type { Tx } from '../db/sql.ts';
import { addPhotos } from '../domain/item-actions.ts';
import { MINUTE } from '../core/clock.ts';
import type { MessageContext } from './context.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import type { Outgoing } from './outgoing.ts';
import { say } from './say.ts';
import { residents } from './texts/residents.ts';

const PHOTO_AFTER_RECEIPT = 30 * MINUTE;
// "照片补上，就是这一堆": words that say the photo belongs to something already raised.
const FOR_AN_ITEM = /照片|相片|图片|补上|补一张|补个图|这一堆|就是这个|就是这儿|就是这里/u;

/**
 * Photos for an item the person raised or holds: the one the words number ("这张照片是9号楼道杂物
 * 的"), else, when the words say it is a photo for it (or there are none), the request they raised
 * last — within half an hour, or a day when the words say so. False when the photos are for nothing
 * known: they may start a new request.
 */
export async function photosForItem(tx: Tx, ctx: MessageContext, words: string, out: Outgoing): Promise<boolean> {
  if (ctx.msg.photos.length === 0) return false;
  const norm = normalizeText(words);
  const said = words.trim() !== '';
  if (said && !FOR_AN_ITEM.test(norm)) return false;
  const ids = [...new Set(itemIdsIn(norm).map((m) => m.id))];
  const row =
    ids.length === 1
      ? await tx.get<{ id: number }>(`SELECT id FROM items WHERE id = ? AND (submitter_id = ? OR claimant_id = ?) AND status IN ('open', 'claimed', 'done')`, [ids[0], ctx.person.id, ctx.person.id])
      : ids.length === 0
        ? await tx.get<{ id: number }>(
            `SELECT id FROM items WHERE submitter_id = ? AND created_at > ? AND status IN ('open', 'claimed') ORDER BY id DESC LIMIT 1`,
            [ctx.person.id, new Date(ctx.now.getTime() - (said ? 48 * PHOTO_AFTER_RECEIPT : PHOTO_AFTER_RECEIPT))],
          )
        : undefined;
  if (!row) return false;
  await addPhotos(tx, ctx.actor, row.id, ctx.msg.photos, ctx.now);
  say(ctx, out, residents.photoAdded(row.id));
  return true;
}
