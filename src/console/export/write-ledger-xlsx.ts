import type { Writable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { LEDGER_COLUMNS, type LedgerRow } from './ledger-columns.ts';
import { summaryRows, type LedgerSummary } from './ledger-summary.ts';
import { wallClock } from './wall-clock.ts';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
/** Rows written between two looks at the buffers downstream. */
const BATCH = 200;
/** Bytes allowed to wait in the zip's compressor or the output before we stop producing rows. */
const HIGH_WATER = 1024 * 1024;

/**
 * The 台账 workbook, streamed: rows are committed as they come from `rows` (an async iterable, e.g.
 * keyset pages from the database), so memory stays flat whatever the ledger's size. Sheet 1 is the
 * ledger (frozen header, widths, real Excel dates in the time zone), sheet 2 the period's figures.
 * Resolves with the number of rows once the whole file has been handed to `out`.
 */
export async function writeLedgerXlsx(out: Writable, rows: AsyncIterable<LedgerRow>, summary: LedgerSummary, timeZone: string): Promise<number> {
  // exceljs takes a third of a second to load: only when a workbook is asked for (start-up time, issue 14).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Shared strings would keep every distinct text in memory until the end.
    useSharedStrings: false,
    zip: { zlib: { level: 6 } },
  } as ConstructorParameters<typeof ExcelJSModule.stream.xlsx.WorkbookWriter>[0]);
  workbook.creator = '连心';
  workbook.created = summary.generatedAt;
  const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    style: c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.header === '内容' || c.header === '评价' ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F1F3' } };
  header.commit();

  let n = 0;
  for await (const row of rows) {
    const values = LEDGER_COLUMNS.map((c) => {
      const v = c.value(row);
      return v instanceof Date ? wallClock(v, timeZone) : v;
    });
    sheet.addRow(values).commit();
    if (++n % BATCH === 0) await drained(out, sheet);
  }
  sheet.commit();

  const figures = workbook.addWorksheet('统计');
  figures.columns = [
    { header: '项目', key: 'k', width: 28 },
    { header: '数值', key: 'v', width: 40 },
  ];
  figures.getRow(1).font = { bold: true };
  const add = (k: string, v: string | number | Date | null) => figures.addRow([k, v]).commit();
  add('台账', summary.title);
  add('范围', summary.scope);
  add('时间', summary.period);
  add('筛选条件', summary.filters);
  const generated = figures.addRow(['导出时间', wallClock(summary.generatedAt, timeZone)]);
  generated.getCell(2).numFmt = DATE_FORMAT;
  generated.commit();
  add('事项数（本表）', n);
  for (const [k, v] of summaryRows(summary.figures)) add(k, v ?? '—');
  add('口径', '见连心 docs/figures.md：每件事在一期内只算一次；满意率按期内居民最后一次评价计。');
  figures.commit();
  await workbook.commit();
  return n;
}

/**
 * Waits while the file waits downstream: exceljs writes a sheet into the zip without heeding
 * backpressure, so we look at what its compressor and the output hold, and produce no more rows
 * until they drain (bounded memory with a slow client or a slow disk).
 */
async function drained(out: Writable, sheet: unknown): Promise<void> {
  const pipes = ((sheet as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? []) as Writable[];
  for (const w of [...pipes, out]) {
    while (pending(w) > HIGH_WATER && !w.destroyed) {
      await drainOrTimeout(w, 50);
    }
  }
  // Let the compressor and the socket run between batches.
  await new Promise((r) => setImmediate(r));
}

/** Bytes waiting in a writable: Node's own streams say so; exceljs's readable-stream ones keep it in their state. */
function pending(w: Writable): number {
  if (typeof w.writableLength === 'number') return w.writableLength;
  return (w as unknown as { _writableState?: { length?: number } })._writableState?.length ?? 0;
}

/** Until the writable drains or closes, or `ms` pass (a stream that never says "drain" cannot hang us). */
function drainOrTimeout(w: Writable, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      w.off('drain', done);
      w.off('close', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    w.on('drain', done);
    w.on('close', done);
  });
}
