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
