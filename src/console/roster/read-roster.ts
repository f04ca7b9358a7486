import { parseCsv } from './parse-csv.ts';

export const ROSTER_MAX_BYTES = 5 * 1024 * 1024;
export const ROSTER_MAX_ROWS = 5000;
/** What the files inside an .xlsx may unpack to: a real roster is a few MB; a zip bomb is not read. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export type RosterTable = { header: string[]; rows: Array<{ line: number; cells: string[] }> };
export type ReadResult = { ok: true; table: RosterTable } | { ok: false; problem: string };

/**
 * An uploaded roster, .xlsx or .csv (UTF-8, or GBK as Excel saves CSV on Chinese Windows), as a
 * header and rows of text with their line numbers. Anything else gets one sentence saying what to do.
 */
export async function readRosterFile(data: Buffer, filename: string): Promise<ReadResult> {
  if (data.length === 0) return { ok: false, problem: '文件是空的。' };
  if (data.length > ROSTER_MAX_BYTES) return { ok: false, problem: `文件太大了（${(data.length / 1024 / 1024).toFixed(1)} MB），最大 5 MB。` };
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(data);
  if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return { ok: false, problem: '这是旧版 Excel（.xls）文件，请在 Excel 里“另存为”.xlsx 或 CSV 后再上传。' };
  }
  const text = decodeText(data);
  if (text === null) return { ok: false, problem: `“${filename}”不是表格文件，请上传 .xlsx 或 .csv。` };
  const lines = parseCsv(text);
  return toTable(lines.map((cells, i) => ({ line: i + 1, cells })));
}

async function readXlsx(data: Buffer): Promise<ReadResult> {
  const unpacked = zipUnpackedSize(data);
  if (unpacked === null) return { ok: false, problem: '文件已损坏，或不是 Excel 文件，请重新导出后上传。' };
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, problem: '文件解压后太大，不像花名册，请只保留花名册一张表后再上传。' };
  // Loaded when a workbook comes in: exceljs takes a third of a second to load (start-up time).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: '文件已损坏，或不是 Excel 文件，请重新导出后上传。' };
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return { ok: false, problem: '表格里没有内容。' };
  const rows: Array<{ line: number; cells: string[] }> = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (rows.length > ROSTER_MAX_ROWS + 1) {
      tooMany = true;
      return;
    }
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    rows.push({ line, cells });
  });
  if (tooMany) return { ok: false, problem: `行数太多，一次最多导入 ${ROSTER_MAX_ROWS} 人，请分几个文件上传。` };
  return toTable(rows);
}

function toTable(rows: Array<{ line: number; cells: string[] }>): ReadResult {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return { ok: false, problem: '表格里没有内容。' };
  if (filled.length > ROSTER_MAX_ROWS + 1) return { ok: false, problem: `行数太多，一次最多导入 ${ROSTER_MAX_ROWS} 人，请分几个文件上传。` };
  const [head, ...body] = filled;
  return { ok: true, table: { header: head!.cells.map((c) => c.trim()), rows: body } };
}

/** A cell as the text a person sees: numbers in full (a phone is not 1.38E+10), rich text joined. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}

/** UTF-8 (with or without BOM) or GB18030; null for binary data. */
function decodeText(data: Buffer): string | null {
  if (data.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      return null;
    }
  }
}

/**
 * The sum of the uncompressed sizes in a zip's central directory, read before unpacking anything;
 * null when the data is not a readable zip.
 */
function zipUnpackedSize(data: Buffer): number | null {
  const min = Math.max(0, data.length - 65_557);
  let eocd = -1;
  for (let i = data.length - 22; i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) return null;
    total += data.readUInt32LE(offset + 24);
    offset += 46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return total;
}
