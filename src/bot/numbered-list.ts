// "1、15号交给王思远 2、16号期限改到下周五 3、10号设为紧急": an official's numbered list. Its marks
// run 1, 2, 3… (or 一、二、, (1), ①) at the start or after a break; a lone "5、6号" is no list.
// "1.5号交物业": a dot before a number is a mark only when an item's 号 follows ("1.5" is a decimal).
const MARK = /(?<=^|[\s。；;，,!！：:])(?:([1-9])(?:[、)）]|[．.](?!\d)|[．.](?=\d{1,6}号))|([一二三四五六七八九])[、．.)）]|[(（]([1-9一二三四五六七八九])[)）]|([①-⑨]))/gu;
const ORDER = '一二三四五六七八九';
const valueOf = (m: RegExpMatchArray): number => {
  const s = m[1] ?? m[2] ?? m[3] ?? m[4]!;
  if (/[①-⑨]/u.test(s)) return s.codePointAt(0)! - 0x2460 + 1;
  return /\d/u.test(s) ? Number(s) : ORDER.indexOf(s) + 1;
};

/** The list as sentences, one per entry (each mark becomes a full stop); null when it is no list. */
export function listAsSentences(text: string): string | null {
  const marks = [...text.matchAll(MARK)];
  if (marks.length < 2 || !marks.every((m, i) => valueOf(m) === i + 1)) return null;
  let out = '';
  let from = 0;
  for (const m of marks) {
    out += `${text.slice(from, m.index)}。`;
    from = m.index + m[0].length;
  }
  return (out + text.slice(from)).replace(/[\s；;，,：:]*。[\s；;，,]*/gu, '。').replace(/^。/u, '');
}
