import type { Tx } from '../db/sql.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { sharesWords } from './shares-words.ts';
import { aboutAnother } from './items-named.ts';

// "我家老头子理发的事有人管没有啊", "下水到那个是弄了没有啊", "张老师大概哪天能过来": asking after
// one's own request (here without its number; item-talk.ts with words about it).
export const ASKS_AFTER =
  /哪能了|哪能样|按怎了|点样了|(?:修|弄|办)好未|^[\u4e00-\u9fa5]{2,6}呢[?？]*$|(?:啥|什么)时候|几时|几点(?:来|到|过来)|好久(?:来|到|过来)|哪天(?:能)?(?:过)?来|几天能?(?:弄|修|办)?(?:好|完)|(?:拉走|清|搬走|修好|弄好|办好|来过?)了?没有?|来没来|来过了吗|(?:弄|修|办|搞|处理|通)(?:了|好)?没有?(?:啊|呀|呢)?(?=$|[\s,，。?？])|(?:弄|修|办)好了(?:吗|没)|咗未|(?:进展|进度)(?:如何|怎样|怎么样)|么样了|(?:咋|怎么)(?:还)?没(?:整|修|弄|办|来|好)|不是说(?:今儿|今天|明天)?(?:来|修)|^(?:我|俺)?(?:问的是|是问|想问)|有人(?:管|接|来)(?:了)?没有?|有没有人管|(?:咋|怎么)样了|办得(?:怎么样|咋样)|有(?:消息|信儿?|动静)了?没有?|到底管不管|(?:咋|怎么)没动静|没动静了|还没人(?:修|管|来)|咋整了|(?:咋|怎么)(?:还)?没(?:有)?人(?:管|修|来|问)|咋个样|啥子情况|(?:登记|记)(?:上)?了?没(?:有)?/u;

/** The one request of theirs still under way, when a resident asks after it without its number. */
export async function ownItemAskedAfter(tx: Tx, personId: number, text: string): Promise<number | null> {
  const t = normalizeText(text);
  if (!ASKS_AFTER.test(t) || itemIdsIn(t).length > 0) return null;
  const rows = await tx.all<{ id: number; text: string; status: string }>(
    `SELECT id, text, status FROM items WHERE submitter_id = ? AND status IN ('open', 'claimed', 'done') ORDER BY id DESC LIMIT 20`,
    [personId],
  );
  // "充电桩呢": a thing and 呢 asks after the request that names it, never a guess.
  const bare = /^[\u4e00-\u9fa5]{2,6}呢[?？]*$/u.test(t);
  // "物业啥时候来摘马蜂窝啊" is not about their one open request for a loose manhole cover.
  if (rows.length === 1 && !bare) return aboutAnother(rows[0]!.text, t) && !sharesWords(normalizeText(rows[0]!.text), t) ? null : rows[0]!.id;
  // "俺问的是前两天报的那个楼道灯": of several, the one whose words it repeats; of those, one not yet
  // done ("那到底啥时候来修啊" is about what is still to do).
  const named = rows.filter((r) => sharesWords(normalizeText(r.text), t));
  const pick = named.length > 0 ? named : bare ? [] : rows;
  if (pick.length === 1) return pick[0]!.id;
  const underWay = pick.filter((r) => r.status !== 'done');
  return underWay.length === 1 ? underWay[0]!.id : null;
}

// "我反映楼上剁馅儿那事儿…", "俺报的那个事": a request made before, named by the words that made it.
const PAST_REQUEST = /(?:我|俺|额|阿拉|伲)?(?:反映|报|提)的?(?:那个|那件|那)?[^，。,]{0,10}(?:那)?(?:事儿?|个事|件事)/u;

/** Words that start like a new 反映 but ask after one made before: its number, or null. */
export async function requestAskedAfter(tx: Tx, personId: number, raw: string, text: string): Promise<number | null> {
  return PAST_REQUEST.test(normalizeText(raw)) ? ownItemAskedAfter(tx, personId, text) : null;
}
