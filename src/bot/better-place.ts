/** A place said now, when the item has none or this one says more of it ("28号楼" → "28号楼2单元301"). */
export function betterPlace(known: string | null, said: string | null): string | null {
  if (said === null) return null;
  // "2单元301" to a holder who asked which unit of 28号楼: the building known, the rest said now.
  if (known !== null && /(?:号楼|栋|幢|座)$/u.test(known) && /^[0-9一二三四五六七八九十]+\s*单元/u.test(said)) return `${known}${said}`;
  return known === null || (said.includes(known) && said.length > known.length) ? said : null;
}
