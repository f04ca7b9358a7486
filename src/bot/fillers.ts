// Words people wrap around what they mean: 请/麻烦/好的 in front, 了/吧/啦/哈/谢谢 behind, emoji and
// punctuation anywhere at the edges. Helpers return offsets, so the caller can cut the text as typed.

const EMOJI = '\\u{1F300}-\\u{1FAFF}\\u2600-\\u27BF\\uFE0F\\u200D';
const PUNCT = `\\s,，。.、!！~～…·${EMOJI}`;

/** Politeness and acknowledgements before the message proper. */
export const LEADING_FILLER = new RegExp(
  `^(?:[${PUNCT}]|您好|你好|不好意思|抱歉|对不起|sorry|好的|好滴|好嘞|好哒|嗯+|哦|噢|喔|那就|那我|那么|这个|那个|那|行|ok|okay|请问|请|麻烦(?:你|您|一下)?|劳驾|帮我|帮忙|老师|书记|小助手|连心)+`,
  'iu',
);

/** Softeners and thanks after the message proper. 了 is one: "完成了" means 完成. */
export const TRAILING_FILLER = new RegExp(
  `(?:[${PUNCT}]|了|啦|喽|咯|吧|哈+|呀|啊|哦|喔|嘞|哒|呢|嘛|哟|谢谢(?:你|您|你们|您们|了|啦|大家)?|多谢|感谢|辛苦(?:了|啦|你了|您了)?)+$`,
  'iu',
);

/** Punctuation and spaces at the end. */
export const TRAILING_PUNCT = /[\s.!?,。！？，~～]+$/u;

/** A question at the end: "吗", "可以吗", "？". */
export const QUESTION_END = /(?:可以吗|行吗|好吗|成吗|对吧|是吧|对不对|是不是|吗|么|[?？])+[\s?？。.!！]*$/u;

/** Start and end of the message without its fillers. */
export function trimFillers(text: string, start = 0, end = text.length): { start: number; end: number } {
  let s = start;
  let e = end;
  const lead = LEADING_FILLER.exec(text.slice(s, e));
  if (lead) s += lead[0].length;
  const trail = TRAILING_FILLER.exec(text.slice(s, e));
  if (trail) e -= trail[0].length;
  return { start: s, end: Math.max(s, e) };
}

/** True when nothing but fillers and punctuation is left: "", "了", "吧，谢谢". */
export function onlyFillers(text: string): boolean {
  return text.replace(TRAILING_FILLER, '').replace(LEADING_FILLER, '').trim() === '';
}
