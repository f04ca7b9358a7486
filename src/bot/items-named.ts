import { inList, type Tx } from '../db/sql.ts';
import type { Actor } from '../domain/actor.ts';
import { DAY } from '../core/clock.ts';
import { normalizeText } from './normalize-text.ts';
import { THING } from './request-words.ts';
import { extractPlace, withoutPlace } from './extract-place.ts';
import { DEFAULT_SNOOZE_DAYS, MAX_SNOOZE_DAYS, snoozeDays } from './snooze-days.ts';
import { sharedWords } from './shares-words.ts';

// Which of several items words name: by the words they repeat, by the surname of the one who
// raised it or of the one who holds it, by the place or thing they are about. Used by item-talk.

export type ItemRow = { id: number; status: string; communityId: number; submitterId: number; claimantId: number | null; text: string };
type Row = ItemRow;

/** The one item of theirs whose holder the words call by name ("黄老师", "小杨", "杨红"), lately. */
export async function holderCalled(tx: Tx, actor: Actor, norm: string, now: Date): Promise<number | null> {
  const rows = await tx.all<{ id: number; name: string }>(
    `SELECT i.id, p.name FROM items i JOIN people p ON p.id = i.claimant_id
      WHERE i.submitter_id = ? AND i.status IN ('claimed', 'done', 'confirmed') AND i.updated_at > ? ORDER BY i.id DESC LIMIT 10`,
    [actor.id, new Date(now.getTime() - 14 * DAY)],
  );
  const hits = rows.filter(({ name }) => {
    const s = name.slice(0, 1);
    return /[\u4e00-\u9fa5]/u.test(s) && (norm.includes(name) || new RegExp(`(?:老|小)?${s}${HONORIFIC}|老${s}|小${s}`, 'u').test(norm));
  });
  return new Set(hits.map((h) => h.id)).size === 1 ? hits[0]!.id : null;
}

// "孙姐", "马哥", "孙阿姨", "老陈家": a resident called by surname, as volunteers speak of whom they help.
const HONORIFIC = '(?:姐|哥|叔|姨|阿姨|婶|嫂|大爷|大妈|大娘|奶奶|爷爷|师傅|老师|家|阿婆|伯)';

/**
 * Those of `rows` the words name: by their words (see `named`), else by the surname of the one who
 * raised it ("跟孙姐一起把老太太抬回床上了" about 孙晓梅's item).
 */
export async function namedOrCalled(tx: Tx, rows: Row[], norm: string): Promise<Row[]> {
  const byWords = named(rows, norm);
  if (byWords.length === 1 || rows.length === 0) return byWords;
  const called = await calledBy(tx, byWords.length > 1 ? byWords : rows, norm);
  return called.length === 1 ? called : byWords;
}

/** Those of `rows` raised by someone the words call by surname ("孙姐", "老陈家", "周师傅"). */
export async function calledBy(tx: Tx, rows: Row[], norm: string): Promise<Row[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.submitterId))];
  const people = await tx.all<{ id: number; name: string }>(`SELECT id, name FROM people WHERE id IN ${inList(ids.length)}`, ids);
  const surname = new Map(people.map((p) => [p.id, p.name.slice(0, 1)]));
  return rows.filter((r) => {
    const s = surname.get(r.submitterId);
    return s !== undefined && /[\u4e00-\u9fa5]/u.test(s) && new RegExp(`(?:老|小)?${s}${HONORIFIC}|老${s}`, 'u').test(norm);
  });
}

/** Those of `rows` whose words the message repeats. */
const ERRAND = /[米面油药菜奶蛋]/gu;

export function named(rows: Row[], norm: string): Row[] {
  // Of several, those the words name most ("北门垃圾桶清干净了": the 北门 one, not the 南门 one).
  // "米送到了 十斤的 放厨房了" of "俺家米吃完了" and "厨房灯泡坏了": the errand's thing (米) names it,
  // before a room both may mention (厨房), when only one item has that thing.
  const things = norm.match(ERRAND) ?? [];
  const errand = things.length > 0 ? rows.filter((r) => things.some((t) => normalizeText(r.text).includes(t))) : [];
  if (errand.length === 1) return errand;
  const scored = rows.map((r) => ({ r, n: sharedWords(normalizeText(r.text), norm) })).filter((s) => s.n > 0);
  if (scored.length === 0) return [];
  const best = Math.max(0, ...scored.map((s) => s.n));
  const top = scored.filter((s) => s.n === best).map((s) => s.r);
  // Still several: the place the words name (北门, not 南门) decides.
  if (top.length > 1) return top.filter((r) => !aboutAnother(r.text, norm));
  // One, sharing only its place's words ("三号楼东头" and "六号楼跟七号楼当间"): "…那个井盖 我先拿个锥桶
  // 挡上了" is not about a 路灯.
  return top.filter((r) => sharedWords(withoutPlace(normalizeText(r.text)), withoutPlace(norm)) > 0);
}

/** "8栋电梯又不动了" to someone whose item is a pile of rubbish: words about another place or thing. */
export function aboutAnother(itemText: string, norm: string): boolean {
  const item = normalizeText(itemText);
  const place = extractPlace(norm);
  const thing = THING.exec(norm)?.[0];
  return (place !== null && !item.includes(normalizeText(place))) || (thing !== undefined && !item.includes(thing));
}

/** "等一周左右", "暂停两周": the days said, else the default. */
export function daysIn(words: string): number {
  // "出门这半个月…暂停提醒十天": the days said after 提醒 first.
  const n = normalizeText(words);
  const said =
    /(?:提醒|催)[^，。,]{0,4}?((?:\d{1,2}|[一二两三四五六七八九十半]{1,3})\s*(?:个)?(?:天|日|周|星期|礼拜|月))/u.exec(n)?.[1] ??
    /(\d{1,2}|[一二两三四五六七八九十半]{1,3})\s*(?:个)?(?:天|日|周|星期|礼拜|月)/u.exec(n)?.[0];
  const days = said ? snoozeDays(said.replace(/\s+/gu, '')) : null;
  return days !== null && days >= 1 && days <= MAX_SNOOZE_DAYS ? days : DEFAULT_SNOOZE_DAYS;
}
