// A clerk pastes rows from the Excel 台账: "编号⇥承办⇥期限 / 12⇥物业⇥12月10日 / 13⇥陈雨涵⇥3天", with
// or without a header, columns split by tabs or by two or more spaces. Each row is said as the
// sentence the parser reads: "12号交给物业，期限12月10日之前。" Only officials' words; pure.

const HEADERS: Array<[RegExp, Column]> = [
  [/^(?:事项)?(?:编号|单号|事项号)$/u, 'id'],
  [/^序号$/u, 'row'],
  [/承办|责任|办理人|负责|指派|交给|处理人/u, 'assignee'],
  [/期限|截止|时限|完成时间/u, 'deadline'],
  [/分类|类别/u, 'category'],
  [/优先|紧急程度/u, 'priority'],
];
type Column = 'id' | 'row' | 'assignee' | 'deadline' | 'category' | 'priority' | 'other';

const DAY = /^(?:\d{1,2}月\d{1,2}[日号]?|\d{1,2}[/-]\d{1,2}|\d{1,2}(?:个工作日|天)|[一二两三四五六七八九十]{1,2}(?:个工作日|天)|今天|明天|后天|下?周[一二三四五六日])(?:前|之前)?$/u;
const PRIORITY = /^(?:紧急|加急|普通|一般)$/u;
const SAID = /^(?:交|给|设|改|把|让|叫|请|驳回|合并|并到|重新|认领|完成)|交给|[，,。？?！!]/u;

/** The rows as sentences, or null when the text is no pasted table. */
export function tableAsSentences(text: string): string | null {
  const lines = text.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '');
  // Single spaces split cells only under a header that names them ("序号 事项编号 内容 承办人"):
  // "4号 物业电工下午四点换灯 天黑前亮" is a sentence, not a row.
  const named = lines.length > 1 && lines[0]!.split(/\s+/u).some((c) => HEADERS.some(([re]) => re.test(c)));
  const rows = lines.map((l) => l.split(named ? /\s+/u : /\t+|\s{2,}/u).map((c) => c.trim()));
  if (rows.length === 0 || !rows.some((r) => r.length >= 2)) return null;
  const header = rows[0]!.every((c) => !/^\d/u.test(c)) && rows[0]!.some((c) => HEADERS.some(([re]) => re.test(c))) ? rows[0]!.map((c) => HEADERS.find(([re]) => re.test(c))?.[1] ?? 'other') : null;
  const body = header ? rows.slice(1) : rows;
  const out: string[] = [];
  for (const cells of body) {
    const at = (col: Column) => (header ? cells[header.indexOf(col)] : undefined);
    // Without 编号, the first number that is not the row's 序号.
    const id = at('id') ?? (header?.includes('row') ? cells.find((c, i) => header[i] !== 'row' && /^\d{1,6}$/u.test(c)) : cells.find((c) => /^#?\d{1,6}号?$/u.test(c)));
    if (!id || !/^#?\d{1,6}号?$/u.test(id)) return null;
    const rest = cells.filter((c, i) => c !== id && (!header || !['row', 'id'].includes(header[i]!)));
    // "3号 交给物业": a sentence with spaces, not a row; "物业承办事项⇥4⇥8⇥17": a list, not a row.
    if (rest.some((c) => SAID.test(c)) || (!header && cells.filter((c) => /^\d+$/u.test(c)).length > 1)) return null;
    const deadline = at('deadline') ?? rest.find((c) => DAY.test(c));
    const priority = at('priority') ?? rest.find((c) => PRIORITY.test(c));
    const words = rest.filter((c) => c !== deadline && c !== priority && !/^\d+$/u.test(c));
    const assignee = at('assignee') ?? (header ? undefined : words.at(-1));
    const category = at('category');
    const said = [
      assignee ? `交给${assignee}` : null,
      category ? `分类改为${category}` : null,
      priority ? (/紧急|加急/u.test(priority) ? '设为紧急' : '改为普通') : null,
      deadline ? `期限${deadline}${/[日号周]$/u.test(deadline) ? '之前' : ''}` : null,
    ].filter((s) => s !== null);
    if (said.length === 0) return null;
    out.push(`${id.replace(/^#|号$/gu, '')}号${said.join('，')}。`);
  }
  return out.length > 0 ? out.join('') : null;
}
