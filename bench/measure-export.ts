// Measures one 台账 export of a seeded ledger in a fresh process: every item, all communities
// (the admin's view), through the same code as GET /console/export.xlsx (keyset pages from the
// database → rows → the streaming workbook), into a sink that only counts bytes.
// Usage: tsx bench/measure-export.ts <file.db> xlsx|csv
import { Writable } from 'node:stream';
import { openDatabase } from '../src/db/open-database.ts';
import { createLogger } from '../src/log.ts';
import { createWorkCalendar } from '../src/domain/work-calendar.ts';
import { DEFAULT_FILTER } from '../src/console/ledger-filter.ts';
import { ledgerExportItems } from '../src/console/ledger-query.ts';
import { toLedgerRow } from '../src/console/export/to-ledger-row.ts';
import { writeLedgerXlsx } from '../src/console/export/write-ledger-xlsx.ts';
import { writeLedgerCsv } from '../src/console/export/write-ledger-csv.ts';
import { NO_FIGURES } from '../src/figures/period-figures.ts';

const [file, format = 'xlsx'] = process.argv.slice(2);
if (!file) throw new Error('usage: measure-export.ts <file.db> xlsx|csv');
const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-11-23T01:00:00Z');

const db = await openDatabase(`file:${file}`, createLogger('warn'));
const calendar = createWorkCalendar();
global.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);

let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    bytes += chunk.length;
    done();
  },
});
const finished = new Promise((resolve) => sink.on('finish', resolve));
async function* rows() {
  for await (const item of ledgerExportItems(db, DEFAULT_FILTER, { communityIds: null }, NOW, TZ)) yield toLedgerRow(item, calendar, TZ, NOW);
}
const t0 = performance.now();
const n =
  format === 'csv'
    ? await writeLedgerCsv(sink, rows(), TZ)
    : await writeLedgerXlsx(sink, rows(), { title: '台账', scope: '全部社区', period: '全部', filters: '全部', generatedAt: NOW, figures: NO_FIGURES }, TZ);
await finished;
const ms = Math.round(performance.now() - t0);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await db.close();
console.log(JSON.stringify({ format, rows: n, ms, mb: Math.round((bytes / 2 ** 20) * 10) / 10, peakRssMB: Math.round(peak / 2 ** 20), baselineRssMB: Math.round(baseline / 2 ** 20) }));
