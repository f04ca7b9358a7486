import type { Tx } from '../db/sql.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { sharesWords } from './shares-words.ts';

// "我家老头子理发的事有人管没有啊": asking after one's own request, no number given.
const ASKS_AFTER = /(?:啥|什么)时候(?:来|能|修|弄|办)|(?:拉走|清|搬走|修好|弄好|办好|来)了没有?|(?:咋|怎么)(?:还)?没(?:整|修|弄|办|来|好)|不是说(?:今儿|今天|明天)?(?:来|修)|^(?:我|俺)?(?:问的是|是问|想问)|有人管(?:了)?没有?|有没有人管|咋样了|怎么样了|修好没有?|弄好没有?|办好没有?|办得怎么样|办得咋样|有消息没有?|到底管不管|咋没动静|怎么没动静|没动静了|还没人(?:修|管|来)|咋整了|有人来没有?/u;

/** The one request of theirs still under way, when a resident asks after it without its number. */
export async function ownItemAskedAfter(tx: Tx, personId: number, text: string): Promise<number | null> {
  const t = normalizeText(text);
  if (!ASKS_AFTER.test(t) || itemIdsIn(t).length > 0) return null;
  const rows = await tx.all<{ id: number; text: string; status: string }>(
    `SELECT id, text, status FROM items WHERE submitter_id = ? AND status IN ('open', 'claimed', 'done') ORDER BY id DESC LIMIT 20`,
    [personId],
  );
  if (rows.length === 1) return rows[0]!.id;
  // "俺问的是前两天报的那个楼道灯": of several, the one whose words it repeats; of those, one not yet
  // done ("那到底啥时候来修啊" is about what is still to do).
  const named = rows.filter((r) => sharesWords(normalizeText(r.text), t));
  const pick = named.length > 0 ? named : rows;
  if (pick.length === 1) return pick[0]!.id;
  const underWay = pick.filter((r) => r.status !== 'done');
  return underWay.length === 1 ? underWay[0]!.id : null;
}
