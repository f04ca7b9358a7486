import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

/**
 * A number said by mistake and the one meant ("刚才说错了 是5号不是3号"); `wrong` null when not
 * named, `right` null when only the slip is owned up to ("刚才发错了").
 */
export type Correction = { right: number | null; wrong: number | null };

// Words that own up to a slip of a moment ago.
const MISTAKE = /(?:说|搞|弄|打|写|发|认|看|记|点|填|输|认领|完成|确认|领)错了?|口误|笔误|不对不对|错了错了/u;
const N = '#?\\s*(?:\\d{1,9}|[〇零一二两三四五六七八九十百]+)\\s*号?';
// "不是3号 是5号", "是5号不是3号", "3号说错了 应该是5号".
const NOT_BUT = new RegExp(`不是\\s*(${N})[\\s,，、。]*(?:而|应该|应当)?是\\s*(${N})`, 'u');
const BUT_NOT = new RegExp(`(?:应该|应当)?是\\s*(${N})[^，。,]{0,8}?[\\s,，、。]*(?:而)?不是\\s*(${N})`, 'u');
const SHOULD_BE = new RegExp(`(?:应该|应当|其实|本来)是?\\s*(${N})|是\\s*(${N})\\s*(?:才对|才是|没错|$)`, 'u');

/**
 * A correction of a number just used, or null. Without a word that owns up to a slip, only the
 * plain pair ("是5号不是3号") counts: a lone "是5号" is an answer to something else.
 */
export function parseCorrection(text: string): Correction | null {
  const norm = normalizeText(text);
  const number = (s: string | undefined) => (s === undefined ? null : (itemIdsIn(normalizeText(s))[0]?.id ?? null));
  let m = NOT_BUT.exec(norm);
  if (m) return pair(number(m[2]), number(m[1]));
  m = BUT_NOT.exec(norm);
  if (m) return pair(number(m[1]), number(m[2]));
  if (!MISTAKE.test(norm)) return null;
  const ids = [...new Set(itemIdsIn(norm).map((f) => f.id))];
  m = SHOULD_BE.exec(norm);
  const right = m ? number(m[1] ?? m[2]) : ids.length === 1 ? ids[0]! : null;
  // "刚才发错了", "我说错了": the slip alone, in a few words (a long message tells of something else).
  if (right === null) return ids.length === 0 && [...norm.trim()].length <= 14 ? { right: null, wrong: null } : null;
  const others = ids.filter((id) => id !== right);
  return { right, wrong: others.length === 1 ? others[0]! : null };
}

function pair(right: number | null, wrong: number | null): Correction | null {
  return right !== null && wrong !== null && right !== wrong ? { right, wrong } : null;
}
