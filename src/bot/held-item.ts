import type { Tx } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import { readItemId } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

const ID_START = /^(?:#|第|编号|\d|[〇零一二两三四五六七八九十]+号)/u;

/**
 * The one item a volunteer holds that their message names ("收到 7号我晚上去楼下贴个告示"), or
 * null. Words about an item they are doing are news of it, not a new wish.
 */
export async function heldItemNamed(tx: Tx, personId: number, text: string): Promise<number | null> {
  const t = normalizeText(text);
  const ids = new Set<number>();
  for (let i = 0; i < t.length && ids.size < 5; i++) {
    if (i > 0 && /[\d#第编号]/u.test(t[i - 1]!)) continue;
    if (!ID_START.test(t.slice(i))) continue;
    const m = readItemId(t.slice(i));
    if (m) ids.add(m.id);
  }
  if (ids.size === 0) return null;
  const held = await tx.all<{ id: number }>(
    `SELECT id FROM items WHERE id IN ${inList(ids.size)} AND claimant_id = ? AND status = 'claimed'`,
    [...ids, personId],
  );
  return held.length === 1 ? held[0]!.id : null;
}
