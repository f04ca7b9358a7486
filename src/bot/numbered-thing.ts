import type { Tx } from '../db/sql.ts';
import type { Actor } from '../domain/actor.ts';
import { normalizeText } from './normalize-text.ts';

// "7号车棚那个加急", "8号车库道闸交给物业": 7号车棚 reads as a place (bike shed no. 7) unless item 7
// is the one about the 车棚. Said by someone who works on items, the number is then the item's.
const NUMBERED_THING = /(^|[\s,，。;；:：@])(\d{1,6})号((?:楼|院|车|门|口|窗|柜|箱|机|桥|场|区|栋)[\u4e00-\u9fa5]{1,3})/gu;

/**
 * The words with "N号X" written "#N X" where item N (in the person's communities, under way) is about
 * X; unchanged otherwise, and always for residents (their "3号楼" is a building).
 */
export async function withNumberedThings(tx: Tx, actor: Actor, text: string): Promise<string> {
  if (actor.roles.size === 0) return text;
  const found = [...text.matchAll(NUMBERED_THING)];
  if (found.length === 0 || found.length > 3) return text;
  let out = text;
  for (const m of found) {
    const id = Number(m[2]);
    const row = await tx.get<{ text: string; communityId: number; status: string }>('SELECT text, community_id, status FROM items WHERE id = ?', [id]);
    if (!row || !actor.roles.has(row.communityId) || !['open', 'claimed', 'done'].includes(row.status)) continue;
    const thing = m[3]!;
    const about = normalizeText(row.text);
    if (![3, 2].some((n) => thing.length >= n && about.includes(thing.slice(0, n)))) continue;
    out = out.replace(`${m[1]}${m[2]}号${thing}`, `${m[1]}#${m[2]} ${thing}`);
  }
  return out;
}
