import { CHINESE_NUMBER, parseNumber } from './chinese-number.ts';

/**
 * Satisfaction in words, on SPEC's 1–5 scale. The choice: a plain "满意" is a full yes (5), because
 * residents answer "满意吗？" with it and mean it; "比较/基本满意" is 4; "一般/还行/还可以" 3;
 * "不太满意" 2; "不满意" 1. 满意率 counts 4–5, so only the first two rows count as satisfied.
 * Praise without a scale word ("挺好的", "不错") gives no rating: a rating is never invented.
 */
const SATISFACTION: ReadonlyArray<readonly [string, number]> = [
  ['非常不满意', 1], ['特别不满意', 1], ['十分不满意', 1], ['很不满意', 1], ['太不满意', 1], ['极不满意', 1], ['不满意', 1],
  ['不是很满意', 2], ['不是太满意', 2], ['不怎么满意', 2], ['有点不满意', 2], ['有些不满意', 2], ['不太满意', 2], ['不大满意', 2],
  ['非常满意', 5], ['特别满意', 5], ['十分满意', 5], ['相当满意', 5], ['很满意', 5], ['太满意', 5], ['超满意', 5], ['挺满意', 5], ['满意', 5],
  ['比较满意', 4], ['基本满意', 4], ['基本上满意', 4], ['总体满意', 4], ['总体上满意', 4], ['大体满意', 4], ['还算满意', 4], ['还满意', 4], ['较满意', 4],
  // "满意个锤子", "满意个屁": scorn, not satisfaction.
  ['不是满意', 1], ['唔是满意', 1], ['唔满意', 1], ['满意个锤子', 1], ['满意个屁', 1], ['满意个鬼', 1], ['满意个啥', 1], ['满意啥', 1],
  ['一般般', 3], ['一般', 3], ['还行', 3], ['还可以', 3], ['凑合', 3], ['马马虎虎', 3], ['过得去', 3],
  ['好评', 5], ['中评', 3], ['差评', 1],
  // 满义: a typo of 满意 common enough on small keys.
  ['满义', 5], ['满依', 5],
];

// Longest first so that 不满意 wins over 满意 and 一般般 over 一般. "满意度"/"满意吗" are not answers.
const WORDS = [...SATISFACTION].sort((a, b) => b[0].length - a[0].length);
const WORD_SOURCE = WORDS.map(([w]) => w).join('|');
const NUMBER = `\\d+(?:\\.\\d+)?|${CHINESE_NUMBER}|满`;
const TOKEN = new RegExp(
  [
    `(${WORD_SOURCE})(?![度吗么否])`,
    // 五星, 5颗星, 打5分, 给个五星好评; not 5分钟, 三分之一.
    // "给5⭐", "5🌟": a digit before a star glyph is the count.
    `((?:打|给|评)?个?\\s*(${NUMBER})\\s*(?:颗|粒|个)?\\s*(星|分|[★⭐🌟]\\uFE0F?)(?!钟|之|半|钱|毛)(?:好评)?)`,
    // ★★★★★, ⭐⭐⭐ (☆ are the empty ones)
    '([★⭐🌟☆\\uFE0F]*[★⭐🌟][★⭐🌟☆\\uFE0F]*)',
  ].join('|'),
  'gu',
);
const HEARTS = new RegExp(`(?:(?<=(?:打|给|评|伊|他|她)个?\\s*)(?:[1-5一二三四五])\\s*(?:颗|粒|个)?\\s*[心兴]|(?:[1-5一二三四五])\\s*(?:颗|粒)\\s*心|^[四五]\\s*[心兴])(?![思情意里脏疼痛得愿])`, 'gu');
const LEADING_NUMBER = /^(-?\d+(?:\.\d+)?|[一二三四五六七八九十两])(?=$|[\s,，。.!！:：;；、])/u;

export type RatingMatch = {
  /** 1–5, or 'bad' for a rating outside the scale ("8", "六星"). */
  rating: number | 'bad';
  index: number;
  length: number;
};

/**
 * Finds the first rating in (normalised) text: a number at the very start ("5 谢谢"), stars, "五星",
 * "5分", "满分"/"100分" (5: people mean "perfect"), or a satisfaction word (see SATISFACTION).
 */
export function findRating(said: string): RatingMatch | null {
  // "给伊五心", "五颗心", "打四兴" (星 by pinyin): hearts and the homophone are stars. Same length.
  const text = said.replace(HEARTS, (m) => `${m.slice(0, -1)}星`);
  // "比较满意吧 头一回没弄干净 扣一颗": a star taken off the full five.
  const off = /扣(?:掉)?(一|1|两|2|三|3)(?:颗|个|分)(?:星)?/u.exec(text);
  if (off) return { rating: 5 - parseNumber(off[1]!)!, index: off.index, length: off[0].length };
  const lead = LEADING_NUMBER.exec(text);
  if (lead) return { rating: scale(parseNumber(lead[1]!.replace(/^-/, '')), lead[1]!.startsWith('-')), index: 0, length: lead[0].length };

  TOKEN.lastIndex = 0;
  // "挺满意得 打4分吧": a score given in numbers says more than a word of satisfaction before it.
  let word: RatingMatch | null = null;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[1]) {
      // "还行吧 … 先给个满意": the word given as the rating wins over one said before it.
      const given = /(?:给|打|评)个?\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index));
      // "还行 基本满意": a word of 满意 says more than 还行 or 一般 before it.
      const sharper = word !== null && /满意/u.test(m[1]) && !/满意/u.test(text.slice(word.index, word.index + word.length));
      if (!word || given || sharper) word = { rating: WORDS.find(([w]) => w === m![1])![1], index: m.index, length: m[0].length };
      continue;
    }
    if (m[2]) {
      const n = m[3]!;
      const unit = m[4]!;
      // "十分感谢", "十分好": 十分 is an adverb there.
      if (n === '十' && unit === '分' && /^[\u4e00-\u9fa5]/u.test(text.slice(m.index + m[0].length))) continue;
      if (n === '满') return { rating: 5, index: m.index, length: m[0].length };
      const value = /^[\d.]+$/u.test(n) ? Number(n) : parseNumber(n);
      const perfect = unit === '分' && value === 100;
      return { rating: perfect ? 5 : scale(value, false), index: m.index, length: m[0].length };
    }
    if (m[5]) {
      const count = [...m[5]].filter((c) => c !== '☆' && c !== '\uFE0F').length;
      return { rating: count >= 1 && count <= 5 ? count : 'bad', index: m.index, length: m[0].length };
    }
  }
  return word;
}

function scale(value: number | null, negative: boolean): number | 'bad' {
  if (negative || value === null || !Number.isInteger(value) || value < 1 || value > 5) return 'bad';
  return value;
}
