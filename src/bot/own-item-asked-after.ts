import type { Tx } from '../db/sql.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

// "我家老头子理发的事有人管没有啊": asking after one's own request, no number given.
const ASKS_AFTER = /有人管(?:了)?没有?|有没有人管|咋样了|怎么样了|修好没有?|弄好没有?|办好没有?|办得怎么样|办得咋样|有消息没有?|到底管不管|咋没动静|怎么没动静|没动静了|还没人(?:修|管|来)|咋整了|有人来没有?/u;

/** The one request of theirs still under way, when a resident asks after it without its number. */
export async function ownItemAskedAfter(tx: Tx, personId: number, text: string): Promise<number | null> {
  const t = normalizeText(text);
  if (!ASKS_AFTER.test(t) || itemIdsIn(t).length > 0) return null;
  const rows = await tx.all<{ id: number }>(
    `SELECT id FROM items WHERE submitter_id = ? AND status IN ('open', 'claimed', 'done') ORDER BY id DESC LIMIT 2`,
    [personId],
  );
  return rows.length === 1 ? rows[0]!.id : null;
}
