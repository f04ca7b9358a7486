import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../src/console/export/ledger-columns.ts';
import { writeLedgerCsv } from '../../src/console/export/write-ledger-csv.ts';
import { writeLedgerXlsx } from '../../src/console/export/write-ledger-xlsx.ts';
import { NO_FIGURES } from '../../src/figures/period-figures.ts';

const TZ = 'Asia/Shanghai';
const ROWS: LedgerRow[] = [
  {
    id: 12, kind: 'report', category: '基础设施', text: '3号楼路灯坏了，电话13812345678', place: '3号楼', grid: '第一网格',
    submitterName: '张桂兰', submitterPhone: '13812345678', createdAt: new Date('2026-11-17T02:05:00Z'), holder: '李志强',
    status: 'confirmed', doneAt: new Date('2026-11-18T09:30:00Z'), workdays: 1, onTime: true, rating: 5, comment: '很快（此前：2分）', revisit: 'yes',
  },
  {
    id: 13, kind: 'wish', category: null, text: '=HYPERLINK("http://x")', place: null, grid: null, submitterName: '欧阳', submitterPhone: '010-12345678',
    createdAt: new Date('2026-11-17T16:30:00Z'), holder: null, status: 'open', doneAt: null, workdays: null, onTime: null, rating: null, comment: null, revisit: null,
  },
];
async function* rows() {
  for (const r of ROWS) yield r;
}
const collect = (out: PassThrough) => {
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve) => out.on('end', () => resolve(Buffer.concat(chunks))));
};
const summary = {
  title: '阳光社区 台账', scope: '阳光社区', period: '2026-11-01 至 2026-11-30', filters: '全部', generatedAt: new Date('2026-12-01T01:00:00Z'),
  figures: { ...NO_FIGURES, created: 2, done: 1, onTime: { part: 1, whole: 2 }, satisfaction: { part: 1, whole: 1, average: 5 } },
};

describe('the 台账 workbook and CSV', () => {
  it('reads back in exceljs: the office columns, a frozen header, dates in Shanghai time, masked people, a figures sheet', async () => {
    const out = new PassThrough();
    const done = collect(out);
    expect(await writeLedgerXlsx(out, rows(), summary, TZ)).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await done) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('台账')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '编号', '类型', '类别', '内容', '地点', '网格', '提出人', '联系电话', '提出时间', '认领人/承办人', '状态', '办结时间', '用时(工作日)', '是否按期', '满意度', '评价', '回访结果',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(4).width).toBe(48);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first).toEqual([
      12, '问题反映', '基础设施', '3号楼路灯坏了，电话138****5678', '3号楼', '第一网格', '张*', '138****5678',
      new Date('2026-11-17T10:05:00Z'), '李志强', '已确认', new Date('2026-11-18T17:30:00Z'), 1, '是', 5, '很快（此前：2分）', '已解决',
    ]);
    // A real date cell, shown as local time: 02:05 UTC is 10:05 in Shanghai.
    expect(sheet.getCell('I2').numFmt).toBe('yyyy-mm-dd hh:mm');
    // 16:30 UTC on the 17th is already the 18th in Shanghai.
    expect(sheet.getCell('I3').value).toEqual(new Date('2026-11-18T00:30:00Z'));
    // A formula typed by a resident stays text in the workbook.
    expect(sheet.getCell('D3').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('H3').value).toBe('010-****678');
    const figures = wb.getWorksheet('统计')!;
    const pairs = new Map<string, unknown>();
    figures.eachRow((r) => pairs.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(pairs.get('新提出（件）')).toBe(2);
    expect(pairs.get('及时率（%）')).toBe(50);
    expect(pairs.get('满意率（%，评 4–5 分）')).toBe(100);
    expect(pairs.get('事项数（本表）')).toBe(2);
  });

  it('CSV: a BOM for Excel, quoted fields, formulas defused, the same masking', async () => {
    const out = new PassThrough();
    const done = collect(out);
    expect(await writeLedgerCsv(out, rows(), TZ)).toBe(2);
    const text = (await done).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('编号,类型,类别,内容,地点,网格,提出人,联系电话,提出时间,认领人/承办人,状态,办结时间,用时(工作日),是否按期,满意度,评价,回访结果');
    expect(lines[1]).toBe('12,问题反映,基础设施,3号楼路灯坏了，电话138****5678,3号楼,第一网格,张*,138****5678,2026-11-17 10:05,李志强,已确认,2026-11-18 17:30,1,是,5,很快（此前：2分）,已解决');
    expect(lines[2]).toBe(`13,微心愿,,"'=HYPERLINK(""http://x"")",,,欧*,010-****678,2026-11-18 00:30,,待认领,,,,,,`);
  });
});
