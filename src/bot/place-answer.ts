/**
 * The answer to "在哪里？" from where its place begins: "五号楼三零二" keeps 302, "七栋跟八栋中间那条
 * 小路上" keeps the path (the place found alone was "五号楼", "七栋").
 */
export function placeAnswer(said: string, place: string | null): string {
  if (place === null) return said.slice(0, 200);
  const at = said.indexOf(place);
  if (at < 0 || said.length > 60) return place;
  // "12幢啊 刚才说了": a remark after the place is no part of it.
  if (/^[啊呀吧呢嘛哦额]*[\s,，。!！]+(?:我)?(?:刚才|刚刚|之前|早就|不是)?(?:已经)?(?:说|写|讲)(?:过)?了/u.test(said.slice(at + place.length))) return place;
  return said.slice(at).replace(/[\s,，。.!！~～]*(?:那|那儿|吧|啊|呀|呢|的)?[\s,，。.!！~～]*$/u, '').slice(0, 200) || place;
}

// What an address or a place is made of: a number with its unit, or a word for where.
const PLACE_LIKE = /\d|[一二三四五六七八九十]+\s*(?:号|栋|幢|楼|单元|室|层|区|期)|楼|栋|幢|单元|小区|院|村|路|街|巷|弄|门|口|旁|边|附近|对面|家|屋|花园|广场|车棚|车库|大厦|公寓|宿舍|社区|那里|这里|那儿|这儿/u;

/** "买菜要清真的" to "您住哪里？" is more about the request, not where it is. */
export const isPlaceLike = (said: string): boolean => PLACE_LIKE.test(said);
