import type { Tx } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import { isOfficialOf, type Actor } from '../domain/actor.ts';
import { readItemId } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

const ID_START = /^(?:#|第|编号|\d|[〇零一二两三四五六七八九十]+号)/u;
// "我家老头子理发的事有人管没有啊": asking after one's own request, no number given.
const ASKS_AFTER = /有人管(?:了)?没有?|有没有人管|咋样了|怎么样了|修好没有?|弄好没有?|办好没有?|办得怎么样|办得咋样|有消息没有?|到底管不管|咋没动静|怎么没动静|没动静了|还没人(?:修|管|来)|咋整了|有人来没有?/u;

/**
 * The one item in a message's words that its sender is working on: they hold it, or they are an
 * official of its community and someone holds it ("8号 已经上门调解了 两家说好了"). Such words are
 * news of it, not a new wish. Null when none or several.
 */
export async function itemWorkedOn(tx: Tx, actor: Actor, personId: number, text: string): Promise<number | null> {
  const ids = namedIds(normalizeText(text));
  if (ids.length === 0) return null;
  const rows = await tx.all<{ id: number; communityId: number; claimantId: number | null }>(
    `SELECT id, community_id, claimant_id FROM items WHERE id IN ${inList(ids.length)} AND status = 'claimed'`,
    ids,
  );
  const mine = rows.filter((r) => r.claimantId === personId || isOfficialOf(actor, r.communityId));
  return mine.length === 1 ? mine[0]!.id : null;
}

/** The one request of theirs still under way, when a resident asks after it without its number. */
export async function ownItemAskedAfter(tx: Tx, personId: number, text: string): Promise<number | null> {
  const t = normalizeText(text);
  if (!ASKS_AFTER.test(t) || namedIds(t).length > 0) return null;
  const rows = await tx.all<{ id: number }>(
    `SELECT id FROM items WHERE submitter_id = ? AND status IN ('open', 'claimed', 'done') ORDER BY id DESC LIMIT 2`,
    [personId],
  );
  return rows.length === 1 ? rows[0]!.id : null;
}

/** Item numbers written at the start of a word: "7号", "#7", "第七号" (not "17" inside "170"). */
function namedIds(t: string): number[] {
  const ids = new Set<number>();
  for (let i = 0; i < t.length && ids.size < 5; i++) {
    if (i > 0 && /[\d#第编号]/u.test(t[i - 1]!)) continue;
    if (!ID_START.test(t.slice(i))) continue;
    const m = readItemId(t.slice(i));
    if (m) ids.add(m.id);
  }
  return [...ids];
}
