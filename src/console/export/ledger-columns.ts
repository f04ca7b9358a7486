import { maskContact, maskName } from '../../core/mask.ts';
import { KIND_LABELS, STATUS_LABELS } from '../ledger-filter.ts';

/** One item as the 台账 files it (docs/figures.md "The export"), before masking. */
export type LedgerRow = {
  id: number;
  kind: string;
  category: string | null;
  text: string;
  place: string | null;
  grid: string | null;
  submitterName: string | null;
  submitterPhone: string | null;
  createdAt: Date;
  holder: string | null;
  status: string;
  doneAt: Date | null;
  workdays: number | null;
  onTime: boolean | null;
  rating: number | null;
  comment: string | null;
  revisit: 'yes' | 'no' | 'asked' | null;
};

export type CellValue = string | number | Date | null;
export type LedgerColumn = { header: string; width: number; kind: 'text' | 'number' | 'date'; value: (r: LedgerRow) => CellValue };

const REVISIT: Record<string, string> = { yes: '已解决', no: '问题复现', asked: '未答复' };

/** The phone of a file that leaves the office: 138****5678, whatever its format. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const masked = maskContact(phone);
  if (masked !== phone) return masked;
  const digits = phone.replace(/\D/gu, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/** The columns a community office files, in its order (issue 11, SPEC "The console"). */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '编号', width: 8, kind: 'number', value: (r) => r.id },
  { header: '类型', width: 10, kind: 'text', value: (r) => KIND_LABELS[r.kind as keyof typeof KIND_LABELS] ?? r.kind },
  { header: '类别', width: 10, kind: 'text', value: (r) => r.category },
  // Numbers written into the words (a phone, an ID card) are masked like 联系电话: the file leaves the office.
  { header: '内容', width: 48, kind: 'text', value: (r) => maskContact(r.text) },
  { header: '地点', width: 18, kind: 'text', value: (r) => r.place },
  { header: '网格', width: 12, kind: 'text', value: (r) => r.grid },
  { header: '提出人', width: 9, kind: 'text', value: (r) => (r.submitterName === null ? null : maskName(r.submitterName)) },
  { header: '联系电话', width: 14, kind: 'text', value: (r) => maskPhone(r.submitterPhone) },
  { header: '提出时间', width: 17, kind: 'date', value: (r) => r.createdAt },
  { header: '认领人/承办人', width: 14, kind: 'text', value: (r) => r.holder },
  { header: '状态', width: 9, kind: 'text', value: (r) => STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status },
  { header: '办结时间', width: 17, kind: 'date', value: (r) => r.doneAt },
  { header: '用时(工作日)', width: 12, kind: 'number', value: (r) => r.workdays },
  { header: '是否按期', width: 9, kind: 'text', value: (r) => (r.onTime === null ? null : r.onTime ? '是' : '否') },
  { header: '满意度', width: 8, kind: 'number', value: (r) => r.rating },
  { header: '评价', width: 30, kind: 'text', value: (r) => (r.comment === null ? null : maskContact(r.comment)) },
  { header: '回访结果', width: 10, kind: 'text', value: (r) => (r.revisit ? REVISIT[r.revisit]! : null) },
];
