import { ROSTER_COLUMNS, TEMPLATE_ROWS } from './roster-columns.ts';

const WIDTHS = [12, 16, 12, 22, 10, 16, 14];
const NOTES = [
  '每行一人。第一行是列名，请不要改。',
  '平台：企业微信 或 钉钉。平台账号：企业微信的 userid（通讯录“账号”），钉钉的 userId（staffId）。',
  '角色：党员（志愿者，可认领）或 干部（可交办、督办、登录工作台）。',
  '社区：须是连心里已有的社区名称。网格：可不填；填了没有的网格会自动新建。',
  '同一份表导入两次不会重复；已是干部的人不会因表里写了“党员”而降级。',
];

/** The roster template (.xlsx): the columns, two example rows, drop-downs, and a sheet of notes. */
export async function rosterTemplateXlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use (start-up time)
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '连心';
  const sheet = workbook.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((header, i) => ({ header, key: header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  // Phones and account ids are text: Excel must not turn 13800001234 into 1.38E+10.
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(4).numFmt = '@';
  for (const row of TEMPLATE_ROWS) sheet.addRow(ROSTER_COLUMNS.map((c) => row[c]));
  for (let r = 2; r <= 1000; r++) {
    sheet.getCell(r, 3).dataValidation = { type: 'list', allowBlank: true, formulae: ['"企业微信,钉钉"'] };
    sheet.getCell(r, 5).dataValidation = { type: 'list', allowBlank: true, formulae: ['"党员,干部"'] };
  }
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  for (const line of NOTES) notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same template as CSV, UTF-8 with a BOM so that Excel shows the Chinese. */
export function rosterTemplateCsv(): string {
  const lines = [ROSTER_COLUMNS.join(','), ...TEMPLATE_ROWS.map((r) => ROSTER_COLUMNS.map((c) => r[c]).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
