import { z } from 'zod';
import { ITEM_KINDS, ITEM_STATUSES, PRIORITIES, type ItemKind, type ItemStatus, type Priority } from '../domain/types.ts';

// The ledger's filters as query parameters: the same schema reads the 台账 page, the export and the
// links between them (docs/decisions/0030: the URL is the filter). Bad values get one Chinese
// sentence naming the field and what it may be; nothing else happens.

export const KIND_LABELS: Record<ItemKind, string> = { wish: '微心愿', report: '问题反映' };
export const STATUS_LABELS: Record<ItemStatus, string> = {
  open: '待认领',
  claimed: '办理中',
  done: '待确认',
  confirmed: '已确认',
  withdrawn: '已撤回',
  rejected: '已驳回',
  merged: '已合并',
};
/** Statuses, plus two groups an office asks for often. */
export const STATUS_GROUPS = { active: '未办结', closed: '已关闭' } as const;
export type StatusFilter = ItemStatus | keyof typeof STATUS_GROUPS;
export const PRIORITY_LABELS: Record<Priority, string> = { normal: '普通', urgent: '紧急' };
export const SORT_LABELS = { new: '最新提出', old: '最早提出', deadline: '期限最近', updated: '最近变动' } as const;
export type LedgerSort = keyof typeof SORT_LABELS;
export const PAGE_SIZES = [20, 50, 100] as const;

export type LedgerFilter = {
  kind?: ItemKind;
  status?: StatusFilter;
  community?: number;
  grid?: number;
  category?: string;
  priority?: Priority;
  /** 提出时间 from this local day … */
  from?: string;
  /** … to this local day, inclusive. */
  to?: string;
  overdue: boolean;
  /** 认领人/承办人: part of a claimant's name or of a unit's. */
  holder?: string;
  /** Text search in 内容 and 地点, or an item number (12, #12). */
  q?: string;
  sort: LedgerSort;
  page: number;
  size: number;
};

export const DEFAULT_FILTER: LedgerFilter = { overdue: false, sort: 'new', page: 1, size: 20 };

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
/** A number written as digits becomes a number; anything else stays as typed, for the message. */
const numeric = (v: unknown) => {
  const b = blank(v);
  return typeof b === 'string' && /^[+-]?\d+(\.\d+)?(e\d+)?$/iu.test(b) ? Number(b) : b;
};
const shown = (v: unknown) => {
  const s = String(v);
  return [...s].length > 20 ? `${[...s].slice(0, 20).join('')}…` : s;
};

/** An enum read from its code or its Chinese name (an official may type either into the URL). */
function choice<K extends string>(field: string, labels: Record<K, string>) {
  const byName = new Map<string, K>(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
  const codes = Object.keys(labels) as [K, ...K[]];
  return z.preprocess(
    (v) => {
      const b = blank(v);
      return typeof b === 'string' && byName.has(b) ? byName.get(b) : b;
    },
    z
      .enum(codes, {
        error: (iss) => `${field}“${shown(iss.input)}”不对，可选：${Object.values<string>(labels).join('、')}`,
      })
      .optional(),
  );
}

function positiveId(field: string) {
  return z.preprocess(
    numeric,
    z
      .number({ error: (iss) => `${field}“${shown(iss.input)}”不对，应为编号（正整数）` })
      .int({ error: `${field}应为编号（正整数）` })
      .positive({ error: `${field}应为编号（正整数）` })
      .max(2_147_483_647, { error: `${field}编号太大了` })
      .optional(),
  );
}

function day(field: string) {
  return z.preprocess(
    blank,
    z
      .string({ error: `${field}应为日期，例如 2026-11-01` })
      .regex(/^\d{4}-\d{2}-\d{2}$/u, { error: (iss) => `${field}“${shown(iss.input)}”不是日期，应写成 2026-11-01` })
      .refine((d) => isRealDay(d), { error: (iss) => `${field}“${shown(iss.input)}”不是有效日期` })
      .optional(),
  );
}

function text(field: string, max: number) {
  return z.preprocess(blank, z.string({ error: `${field}应为文字` }).max(max, { error: `${field}最多 ${max} 个字` }).optional());
}

const flag = z.preprocess(
  blank,
  z
    .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no', '是', '否'], {
      error: (iss) => `“只看超期”的值“${shown(iss.input)}”不对，应为 1 或 0`,
    })
    .optional()
    .transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes' || v === '是'),
);

const STATUS_CHOICES = { ...STATUS_LABELS, ...STATUS_GROUPS } as Record<StatusFilter, string>;

export const ledgerFilterSchema = z
  .object({
    kind: choice('类型', KIND_LABELS),
    status: choice('状态', STATUS_CHOICES),
    community: positiveId('社区'),
    grid: positiveId('网格'),
    category: text('类别', 20),
    priority: choice('优先级', PRIORITY_LABELS),
    from: day('开始日期'),
    to: day('结束日期'),
    overdue: flag,
    holder: text('认领人/承办人', 50),
    q: text('搜索', 100),
    sort: z.preprocess(
      blank,
      z
        .enum(Object.keys(SORT_LABELS) as [LedgerSort, ...LedgerSort[]], {
          error: (iss) => `排序“${shown(iss.input)}”不对，可选：${Object.values(SORT_LABELS).join('、')}`,
        })
        .default('new'),
    ),
    page: z.preprocess(
      numeric,
      z
        .number({ error: (iss) => `页码“${shown(iss.input)}”不对，应为正整数` })
        .int({ error: '页码应为正整数' })
        .min(1, { error: '页码应为正整数' })
        .max(100_000, { error: '页码太大了' })
        .default(1),
    ),
    size: z.preprocess(
      numeric,
      z
        .number({ error: (iss) => `每页条数“${shown(iss.input)}”不对，可选：${PAGE_SIZES.join('、')}` })
        .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), { error: `每页条数可选：${PAGE_SIZES.join('、')}` })
        .default(20),
    ),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `开始日期 ${f.from} 晚于结束日期 ${f.to}` });
    if (f.grid && !f.community) ctx.addIssue({ code: 'custom', path: ['grid'], message: '选网格时请同时选社区' });
  });

export type FilterResult = { ok: true; filter: LedgerFilter } | { ok: false; message: string };

/** Reads a query string object (Fastify's `request.query`). Repeated keys are refused, not guessed at. */
export function parseLedgerFilter(query: unknown): FilterResult {
  const input = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const keys = Object.keys(ledgerFilterSchema.shape) as Array<keyof typeof ledgerFilterSchema.shape>;
  for (const k of keys) {
    if (Array.isArray(input[k])) return { ok: false, message: `筛选条件有误：${FIELD_NAMES[k]}只能选一个` };
  }
  const r = ledgerFilterSchema.safeParse(input);
  if (!r.success) return { ok: false, message: `筛选条件有误：${r.error.issues[0]?.message ?? '请检查'}` };
  const f = r.data;
  const filter: LedgerFilter = { overdue: f.overdue, sort: f.sort, page: f.page, size: f.size };
  for (const k of ['kind', 'status', 'community', 'grid', 'category', 'priority', 'from', 'to', 'holder', 'q'] as const) {
    if (f[k] !== undefined) (filter as Record<string, unknown>)[k] = f[k];
  }
  return { ok: true, filter };
}

const FIELD_NAMES: Record<keyof typeof ledgerFilterSchema.shape, string> = {
  kind: '类型',
  status: '状态',
  community: '社区',
  grid: '网格',
  category: '类别',
  priority: '优先级',
  from: '开始日期',
  to: '结束日期',
  overdue: '只看超期',
  holder: '认领人/承办人',
  q: '搜索',
  sort: '排序',
  page: '页码',
  size: '每页条数',
};

/**
 * The query string of a filter (`?status=open&page=2`), defaults left out, for links that keep the
 * filter: pages, sorting, the export.
 */
export function ledgerQuery(filter: LedgerFilter, change: Partial<LedgerFilter> = {}): string {
  const f = { ...filter, ...change };
  const params = new URLSearchParams();
  for (const k of ['kind', 'status', 'community', 'grid', 'category', 'priority', 'from', 'to', 'holder', 'q'] as const) {
    const v = f[k];
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  if (f.overdue) params.set('overdue', '1');
  if (f.sort !== DEFAULT_FILTER.sort) params.set('sort', f.sort);
  if (f.page !== 1) params.set('page', String(f.page));
  if (f.size !== DEFAULT_FILTER.size) params.set('size', String(f.size));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function isRealDay(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d && d >= '2000-01-01' && d <= '2099-12-31';
}
