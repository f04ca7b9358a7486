import type { Tx } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import { isMemberOf, isOfficialOf, type Actor } from '../domain/actor.ts';
import { DAY } from '../core/clock.ts';
import type { Runnable } from './commands/index.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { DEFAULT_SNOOZE_DAYS } from './snooze-days.ts';
import { talkAbout } from './talk-about.ts';
import { TROUBLE, WANTS } from './request-words.ts';

type Row = { id: number; status: string; communityId: number; submitterId: number; claimantId: number | null; updatedAt: Date };

// Without a number, words are taken for the person's own item only while it is fresh news.
const RECENT = 3 * DAY;
// "收到书记，3号我今晚去看看灯", "不好意思，19号我…": a few words may come before the number.
const ASKS_AFTER = /几点(?:来|到|过来)|什么时候(?:来|到|过来|能来)|啥时候(?:来|到|过来|能来)|哪天来|有人接了?没|有人管了?没|有消息了?没/u;
const REQUEST = new RegExp(`${TROUBLE.source}|${WANTS.source}`, 'u');
const LEAD = /^(?:@\S+\s*)?(?:[^\s,，。;；!！]{0,6}[\s,，。;；!！]+)?(?:那|那个|我的?|咱的?)?$/u;

/**
 * What someone means by plain words about an item they are part of: its holder telling how it
 * goes ("17号 电工说是线路老化，明天带材料来换"), a volunteer taking an open one ("十五号井盖我也去
 * 看看"), its submitter rating, disputing, withdrawing or asking after it ("挺好的 给四颗星吧"),
 * a neighbour seconding it, an official raising it ("9号电梯 加急"). The item is the one number in
 * the words; without a number (`numberless`), the one item of theirs the words can be about, when it
 * changed in the last days. Null when the words are not plainly about one item of theirs: then they
 * may be a new request.
 */
export async function itemTalk(tx: Tx, actor: Actor, text: string, now: Date, numberless: boolean): Promise<Runnable | null> {
  const norm = normalizeText(text);
  const ids = [...new Set(itemIdsIn(norm).map((m) => m.id))];
  if (ids.length > 1) return null;
  let row: Row | undefined;
  let words = text.trim();
  if (ids.length === 1) {
    const at = itemIdsIn(norm)[0]!;
    if (!LEAD.test(norm.slice(0, at.index))) return null;
    row = await tx.get<Row>(`SELECT id, status, community_id, submitter_id, claimant_id, updated_at FROM items WHERE id = ?`, [ids[0]]);
    words = text.slice(at.index + at.length).replace(/^[\s,，。:：的]+/u, '').trim() || text.trim();
  } else if (numberless) {
    row = await ownItem(tx, actor, now);
  }
  if (!row) return null;
  const talk = talkAbout(words);
  // Without a number only plain news of it counts: "小张明天几点来", "给四颗星吧", "没事了 撤了吧";
  // words that ask for something ("能不能帮我换个灯泡") are a new request.
  if (ids.length === 0 && (talk.kind === 'news' || talk.kind === 'claim' || talk.kind === 'support' || talk.kind === 'urgent' || talk.kind === 'reopen')) return null;
  if (ids.length === 0 && talk.kind === 'status' && !ASKS_AFTER.test(norm)) return null;
  if (ids.length === 0 && talk.kind !== 'dispute' && REQUEST.test(norm)) return null;
  const { id } = row;
  const holder = row.claimantId === actor.id;
  const official = isOfficialOf(actor, row.communityId);
  const submitter = row.submitterId === actor.id;
  if (talk.kind === 'status') return { type: 'status', id };
  if (row.status === 'claimed' && (holder || official)) {
    switch (talk.kind) {
      case 'done':
        return { type: 'done', id, note: words };
      case 'release':
        if (holder) return { type: 'release', id, reason: words };
        break;
      case 'snooze':
        return { type: 'snooze', id, days: DEFAULT_SNOOZE_DAYS };
      case 'urgent':
        if (official) return { type: 'priority', id, priority: 'urgent' };
        break;
    }
    if (ids.length === 1 && ['news', 'claim', 'done', 'dispute'].includes(talk.kind)) return { type: 'progress', id, note: words };
  }
  if (official && ids.length === 1) {
    if (talk.kind === 'urgent') return { type: 'priority', id, priority: 'urgent' };
    if (talk.kind === 'reopen') return { type: 'reopen', id, reason: words };
  }
  if (row.status === 'open' && talk.kind === 'claim' && isMemberOf(actor, row.communityId) && !submitter) return { type: 'claim', id };
  if (submitter) {
    if (row.status === 'done' && talk.kind === 'rating') return { type: 'confirm', id, rating: talk.rating, comment: words };
    if (['done', 'confirmed'].includes(row.status) && talk.kind === 'dispute') return { type: 'dispute', id, reason: words };
    if (['open', 'claimed'].includes(row.status) && talk.kind === 'withdraw') return { type: 'withdraw', id, reason: words };
    // "没事了 可以结了": an open one is withdrawn; one being done is passed to its holder or confirmed.
    if (talk.kind === 'done' && !holder && row.status !== 'confirmed') return row.status === 'open' ? { type: 'withdraw', id, reason: words } : { type: 'done', id, note: words };
  }
  if (!submitter && ids.length === 1 && talk.kind === 'support' && ['open', 'claimed'].includes(row.status)) return { type: 'support', id };
  return null;
}

/** The one item that is theirs and fresh: submitted or held, changed in the last days. */
async function ownItem(tx: Tx, actor: Actor, now: Date): Promise<Row | undefined> {
  const statuses = ['open', 'claimed', 'done', 'confirmed'];
  const rows = await tx.all<Row>(
    `SELECT id, status, community_id, submitter_id, claimant_id, updated_at FROM items
     WHERE (submitter_id = ? OR claimant_id = ?) AND status IN ${inList(statuses.length)} AND updated_at > ? ORDER BY id DESC LIMIT 2`,
    [actor.id, actor.id, ...statuses, new Date(now.getTime() - RECENT)],
  );
  return rows.length === 1 ? rows[0] : undefined;
}
