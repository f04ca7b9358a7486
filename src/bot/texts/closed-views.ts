import type { ItemStatus } from '../../domain/types.ts';
import { STATUS_NAMES, itemLine, stars, type ItemRef } from './common.ts';

type Closed = ItemRef & { status: string; rating: number | null; holder: string | null };
const more = (total: number, shown: number) => (total > shown ? [`……还有 ${total - shown} 条，登录后台可看全部`] : []);

/** An official's lists of what was finished, or what residents were unhappy with, in a stretch. */
export const closedViews = {
  done: (label: string, items: Closed[], total: number) =>
    total === 0
      ? `${label}还没有办结的事项。`
      : [
          `${label}办结（${total} 件）：`,
          ...items.map((i) => `${itemLine(i)} · ${i.holder ?? '未指定'}${i.rating !== null ? ` · ${stars(i.rating)}` : i.status === 'done' ? ' · 待居民确认' : ''}`),
          ...more(total, items.length),
        ].join('\n'),
  unhappy: (label: string, items: Closed[], total: number) =>
    total === 0
      ? `${label}没有居民表示不满意。`
      : [
          `${label}居民不满意（${total} 件，退回或低分）：`,
          ...items.map((i) => `${itemLine(i)} · 现在：${STATUS_NAMES[i.status as ItemStatus]}${i.holder ? ` · ${i.holder}` : ''}`),
          ...more(total, items.length),
        ].join('\n'),
} as const;
