import type { Item } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { roleIn, type Actor } from '../domain/actor.ts';
import { DomainError } from '../domain/errors.ts';
import { canSeeContacts, getItem } from '../domain/items.ts';
import type { EventType } from '../domain/item-events.ts';
import type { ItemKind, ItemStatus } from '../domain/types.ts';
import type { TimeFormat } from './format-time.ts';
import { maskContact, maskName } from '../core/mask.ts';
import { EVENT_NAMES, KIND_NAMES, STATUS_NAMES, itemLine, short } from './texts.ts';

const LIST_LIMIT = 10;

/** 查询 N: status and timeline; names and contacts in full only for those involved, and never in a group. */
export async function describeItem(tx: Tx, actor: Actor, id: number, inGroup: boolean, fmt: TimeFormat): Promise<string> {
  const item = await getItem(tx, id);
  const full = !inGroup && canSeeContacts(actor, item);
  const submitter = await tx.person.findUnique({ where: { id: item.submitterId } });
  const claimant = item.claimantId ? await tx.person.findUnique({ where: { id: item.claimantId } }) : null;
  const supporters = await tx.itemSupporter.count({ where: { itemId: id } });
  const events = await tx.itemEvent.findMany({ where: { itemId: id }, orderBy: { id: 'desc' }, take: 10 });
  const actorNames = new Map<number, string>();
  for (const e of events) {
    if (e.actorId !== null && !actorNames.has(e.actorId)) {
      const p = await tx.person.findUnique({ where: { id: e.actorId }, select: { name: true, id: true } });
      if (p) actorNames.set(p.id, p.id === item.submitterId && !full ? maskName(p.name) : p.name);
    }
  }
  const submitterName = submitter ? (full ? submitter.name : maskName(submitter.name)) : '居民';
  const place = item.place && (full || item.kind === 'report') ? (full ? item.place : maskContact(item.place)) : null;
  const lines = [
    `#${item.id} ${KIND_NAMES[item.kind as ItemKind]}${item.category ? ` · ${item.category}` : ''} · ${STATUS_NAMES[item.status as ItemStatus]}`,
    `内容：${full ? item.text : maskContact(item.text)}`,
    `提出：${submitterName}（${fmt.dayTime(item.createdAt)}）`,
    full && submitter?.phone ? `电话：${submitter.phone}` : null,
    place ? `地点：${place}` : null,
    claimant ? `办理：${claimant.name}` : item.assignedUnit ? `办理：${item.assignedUnit}` : null,
    item.deadlineAt && ['open', 'claimed'].includes(item.status) ? `期限：${fmt.day(item.deadlineAt)}` : null,
    item.mergedIntoId ? `已合并到：#${item.mergedIntoId}` : null,
    supporters > 0 ? `附议：${supporters} 户` : null,
    item.rating ? `评价：${item.rating} 分${item.ratingComment ? `（${item.ratingComment}）` : ''}` : null,
    '进度：',
    ...events.reverse().map((e) => {
      const who = e.actorId !== null ? actorNames.get(e.actorId) : null;
      const note = e.note && e.type !== 'snoozed' ? `：${short(full ? e.note : maskContact(e.note), 40)}` : '';
      return `${fmt.dayTime(e.createdAt)} ${EVENT_NAMES[e.type as EventType] ?? e.type}${who ? `（${who}）` : ''}${note}`;
    }),
  ];
  return lines.filter((l) => l !== null).join('\n');
}

/** 我的: what I raised and what I hold. */
export async function describeMine(tx: Tx, actor: Actor): Promise<string | null> {
  const active: ItemStatus[] = ['open', 'claimed', 'done'];
  const raised = await tx.item.findMany({
    where: { submitterId: actor.id },
    orderBy: { id: 'desc' },
    take: LIST_LIMIT,
  });
  const held = await tx.item.findMany({
    where: { claimantId: actor.id, status: { in: active } },
    orderBy: { id: 'asc' },
    take: LIST_LIMIT,
  });
  if (raised.length === 0 && held.length === 0) return null;
  const line = (i: Item) => `${itemLine(i)} · ${STATUS_NAMES[i.status as ItemStatus]}`;
  const lines: string[] = [];
  if (raised.length > 0) lines.push('我提的：', ...raised.map(line));
  if (held.length > 0) lines.push('我在办的：', ...held.map(line));
  return lines.join('\n');
}

/** 待认领: open items of the communities in view, at most ten lines. */
export async function describeOpen(tx: Tx, communityIds: number[]): Promise<string | null> {
  if (communityIds.length === 0) return null;
  const where = { communityId: { in: communityIds }, status: 'open' };
  const [items, total] = await Promise.all([
    tx.item.findMany({ where, orderBy: { id: 'asc' }, take: LIST_LIMIT }),
    tx.item.count({ where }),
  ]);
  if (total === 0) return null;
  const lines = items.map((i) => `#${i.id} ${KIND_NAMES[i.kind as ItemKind]}「${short(maskContact(i.text))}」`);
  if (total > items.length) lines.push(`……还有 ${total - items.length} 条`);
  lines.push(`认领请发：认领 ${items[0]!.id}`);
  return [`待认领（${total} 条）：`, ...lines].join('\n');
}

/** 统计: this community's figures now. */
export async function describeStats(tx: Tx, actor: Actor, communityIds: number[], now: Date): Promise<string> {
  const mine = communityIds.filter((c) => roleIn(actor, c) === 'official');
  if (mine.length === 0) throw new DomainError('need_official');
  const blocks: string[] = [];
  for (const communityId of mine) {
    const community = await tx.community.findUnique({ where: { id: communityId } });
    const byStatus = await tx.item.groupBy({ by: ['status'], where: { communityId }, _count: { _all: true } });
    const count = (s: ItemStatus) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
    const overdue = await tx.item.count({
      where: { communityId, status: { in: ['open', 'claimed'] }, deadlineAt: { lt: now } },
    });
    const rating = await tx.item.aggregate({ where: { communityId, rating: { not: null } }, _avg: { rating: true }, _count: { rating: true } });
    const avg = rating._avg.rating;
    blocks.push(
      [
        `${community?.name ?? '社区'} 现在：`,
        `待认领 ${count('open')} · 办理中 ${count('claimed')} · 待确认 ${count('done')}`,
        `已确认 ${count('confirmed')} · 撤回 ${count('withdrawn')} · 驳回 ${count('rejected')} · 合并 ${count('merged')}`,
        `超期 ${overdue}`,
        avg !== null ? `满意度 ${avg.toFixed(1)} 分（${rating._count.rating} 个评价）` : '满意度 暂无评价',
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}
