import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { LEDGER_COLUMNS, type CellValue, type LedgerRow } from './ledger-columns.ts';
import { wallClockText } from './wall-clock.ts';

/** A CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
export function csvField(value: CellValue, timeZone: string): string {
  if (value === null) return '';
  let s = value instanceof Date ? wallClockText(value, timeZone) : String(value);
  // A resident's text starting with "=" must not become a formula when the office opens the file.
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/**
 * The 台账 as CSV: UTF-8 with a BOM (so Excel shows the Chinese), CRLF lines, the same columns and
 * masking as the workbook; streamed with backpressure. Resolves with the number of rows.
 */
export async function writeLedgerCsv(out: Writable, rows: AsyncIterable<LedgerRow>, timeZone: string): Promise<number> {
  const write = async (line: string) => {
    if (!out.write(line)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  };
  await write(`\uFEFF${LEDGER_COLUMNS.map((c) => csvField(c.header, timeZone)).join(',')}\r\n`);
  let n = 0;
  for await (const row of rows) {
    await write(`${LEDGER_COLUMNS.map((c) => csvField(c.value(row), timeZone)).join(',')}\r\n`);
    n++;
  }
  out.end();
  return n;
}
