import { findRating } from './find-rating.ts';
import { normalizeText } from './normalize-text.ts';

// A particle left over from "确认了，谢谢" or "还行吧" is no comment.
const EDGE_START = /^(?:[\s,，.。:：;；、~～-]|[了吧啦哈的嘛呀啊哦喔噢咯嗦哟个](?=[\s,，。.!！~～]|$))+/u;
const EDGE_END = /[\s,，;；、~～-]+$/u;

/**
 * The rating and comment of a confirmation, in any order: "5 谢谢", "五星 小刘人真好", "挺好的 五星",
 * "非常满意，谢谢刘书记". The rating words are taken out of the comment, which keeps the rest as written.
 * `norm` is the normalised text, `raw` the same text as typed (same offsets).
 */
export function confirmArgs(norm: string, raw: string): { rating: number | null; comment: string } | 'bad_rating' {
  const found = findRating(norm);
  if (!found) return { rating: null, comment: tidy(raw) };
  if (found.rating === 'bad') return 'bad_rating';
  // "给他打五分": 给他打 belongs to the rating, not to the comment.
  const before = tidy(raw.slice(0, found.index).replace(/(?:我)?(?:就)?(?:给(?:他|她|你|您|你们|他们)?)?(?:打|评|点)(?:个)?$|(?:给|俾)(?:他|她|你|您|佢)$|(?:^|[\s,，。])(?:我|我们|我也|我还是|我是|俺|俺是|总的来说|总体(?:上)?|整体(?:上)?)$/u, ''));
  const after = tidy(raw.slice(found.index + found.length));
  // "太好了 杨阿姨特别耐心，五星！": the rating's own punctuation goes with it.
  const comment = (before && after && !/^[!！。.?？]+$/u.test(after) ? `${before}，${after}` : before || after).replace(/^[!！。.]+$/u, '');
  // "满意，五星": the second rating says the same; it is no comment.
  const again = findRating(normalizeText(comment));
  if (again && again.index === 0 && again.length === comment.length) return { rating: found.rating, comment: '' };
  return { rating: found.rating, comment };
}

function tidy(text: string): string {
  return text.replace(EDGE_START, '').replace(EDGE_END, '').trim();
}
