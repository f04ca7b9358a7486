// Some elderly people, and some voice keyboards, put a space after every character or two: "8号 不 要
// 了 撤 了", "水 有 了 满 意", "灶房 的 灯 电视 能 看". Words split that way match no phrase, so such a
// message is read with the spaces between Chinese characters taken out. Pure.

const CJK = /^[\u4e00-\u9fa5]+$/u;

/** The text without the spaces between its Chinese words, when most of its words are one character. */
export function withoutSpacedCharacters(text: string): string {
  const tokens = text.trim().split(/\s+/u);
  const single = tokens.filter((t) => /^[\u4e00-\u9fa5]$/u.test(t)).length;
  // "你 好", "满 意": a short message of single characters only.
  if (tokens.length < 4 && !(tokens.length >= 2 && single === tokens.length)) return text;
  if (single * 2 < tokens.length) return text;
  // Digits and letters keep their spaces: "认领 12 13" is two numbers; "@连心 孙女 …" keeps its mention apart.
  return tokens.reduce((out, t, i) => (i === 0 ? t : CJK.test(t[0]!) && /[\u4e00-\u9fa5号]$/u.test(out) && !tokens[i - 1]!.startsWith('@') ? out + t : `${out} ${t}`), '');
}
