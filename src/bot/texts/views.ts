// What anyone sees when they look things up: 查询 (an item's card and timeline), 我的, 待认领.
// The caller decides what may be shown (masked names and contents in a group, contacts only for
// those who handle the item); these functions only lay it out.

import { EVENT_NAMES, KIND_NAMES, PRIORITY_NAMES, STATUS_NAMES, itemLine, short, type ItemRef } from './common.ts';
import type { EventType } from '../../domain/item-events.ts';
import type { ItemKind, ItemStatus } from '../../domain/types.ts';

export type ItemCard = {
  id: number;
  kind: string;
  category: string | null;
  status: string;
  urgent: boolean;
  text: string;
  submitter: string;
  createdAt: string;
  phone: string | null;
  place: string | null;
  holder: string | null;
  deadline: string | null;
  relatedToId: number | null;
  mergedIntoId: number | null;
  supporters: number;
  /** Every rating the item was given, oldest first; the last is the current one. */
  ratings: number[];
  ratingComment: string | null;
  timeline: string[];
};

export type TimelineEntry = { at: string; type: string; who: string | null; note: string | null };

export const views = {
  itemCard: (c: ItemCard) =>
    [
      `#${c.id} ${KIND_NAMES[c.kind as ItemKind]}${c.category ? ` · ${c.category}` : ''} · ${STATUS_NAMES[c.status as ItemStatus]}${c.urgent ? ` · ${PRIORITY_NAMES.urgent}` : ''}`,
      `内容：${c.text}`,
      `提出：${c.submitter}（${c.createdAt}）`,
      c.phone ? `电话：${c.phone}` : null,
      c.place ? `${c.kind === 'wish' ? '地址' : '地点'}：${c.place}` : null,
      c.holder ? `办理：${c.holder}` : null,
      c.deadline ? `期限：${c.deadline}` : null,
      c.relatedToId ? `之前的同一问题：#${c.relatedToId}` : null,
      c.mergedIntoId ? `已合并到：#${c.mergedIntoId}` : null,
      c.supporters > 0 ? `附议：${c.supporters} 户` : null,
      c.ratings.length > 0
        ? `评价：${c.ratings.at(-1)} 分${c.ratingComment ? `（${c.ratingComment}）` : ''}${c.ratings.length > 1 ? `，之前：${c.ratings.slice(0, -1).map((r) => `${r} 分`).join('、')}` : ''}`
        : null,
      '进度：',
      ...c.timeline,
    ]
      .filter((l) => l !== null)
      .join('\n'),
  timelineLine: (e: TimelineEntry) =>
    `${e.at} ${EVENT_NAMES[e.type as EventType] ?? e.type}${e.who ? `（${e.who}）` : ''}${e.note ? `：${short(e.note, 40)}` : ''}`,
  /** A timeline note in words: 紧急 rather than "urgent", "3 个工作日" rather than "3". */
  settingNote(type: string, note: string): string | null {
    if (type === 'prioritized') return PRIORITY_NAMES[note as 'urgent' | 'normal'] ?? note;
    // Stored as "3 个工作日" (older rows: "3").
    if (type === 'deadline_set') return /^\d+$/u.test(note) ? `${note} 个工作日` : note;
    if (type === 'created') return `${note} 的问题又出现了`;
    if (type === 'photo_added') return `${note} 张`;
    return null;
  },
  mine: (raised: Array<ItemRef & { status: string }>, held: Array<ItemRef & { status: string }>, finished: Array<ItemRef & { status: string }> = []) => {
    const line = (i: ItemRef & { status: string }) => `${itemLine(i)} · ${STATUS_NAMES[i.status as ItemStatus]}`;
    return [
      ...(raised.length ? ['您提的：', ...raised.map(line)] : []),
      ...(held.length ? ['您在办的：', ...held.map(line)] : []),
      ...(finished.length ? ['您最近办好的：', ...finished.map(line)] : []),
    ].join('\n');
  },
  nothingWorking: '现在没有办理中的事项。',
  nothingHeldBy: (name: string) => `${name} 手上现在没有办理中的事项。`,
  working: (items: Array<ItemRef & { urgent: boolean; holder: string | null; awaiting: boolean; deadline: string | null; overdue: boolean }>, total: number) =>
    [
      `办理中（${total} 条）：`,
      ...items.map(
        (i) =>
          `${i.urgent ? '【紧急】' : ''}${itemLine(i)} · ${i.holder ?? '未指定'}${i.awaiting ? ' · 已办结，待居民确认' : i.deadline ? ` · 期限 ${i.deadline}${i.overdue ? '（已超期）' : ''}` : ''}`,
      ),
      ...(total > items.length ? [`……还有 ${total - items.length} 条，登录后台可看全部`] : []),
    ].join('\n'),
  open: (items: Array<ItemRef & { urgent: boolean }>, total: number) =>
    [
      `待认领（${total} 条）：`,
      ...items.map((i) => `${i.urgent ? '【紧急】' : ''}#${i.id} ${KIND_NAMES[i.kind as ItemKind]}「${short(i.text)}」`),
      ...(total > items.length ? [`……还有 ${total - items.length} 条`] : []),
      `认领请发：认领 ${items[0]!.id}`,
    ].join('\n'),
} as const;
