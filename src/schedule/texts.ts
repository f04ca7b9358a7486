// What the scheduled jobs post (SPEC "Schedules"), beside the jobs. Lists put urgent items first and
// say what their figures mean: "（提出 3 天）", never a bare "（3天）".

import { KIND_NAMES, short } from '../bot/texts/common.ts';
import type { ItemKind } from '../domain/types.ts';

export type ListLine = {
  id: number;
  kind: string;
  text: string;
  /** Whole days since it was raised. */
  days?: number;
  holder?: string;
  supporters?: number;
  urgent?: boolean;
};

const age = (days: number) => (days === 0 ? '（今天提出）' : `（提出 ${days} 天）`);

export const listLine = (l: ListLine) =>
  `${l.urgent ? '【紧急】' : ''}#${l.id} ${KIND_NAMES[l.kind as ItemKind] ?? ''}「${short(l.text, 24)}」${l.days !== undefined ? age(l.days) : ''}${l.holder ? ` · ${l.holder}` : ''}`;

function linesWithMore(lines: ListLine[], total: number, max: number): string[] {
  const out = lines.slice(0, max).map(listLine);
  if (total > max) out.push(`……还有 ${total - max} 条`);
  return out;
}

export const scheduledTexts = {
  groupNudge: (lines: ListLine[], total: number) =>
    [`【待认领提醒】${total} 件事超过 24 小时还没人认领：`, ...linesWithMore(lines, total, 10), '党员志愿者认领请发：认领 编号'].join('\n'),
  claimantReminder: (lines: ListLine[], days: number, releaseDays: number) =>
    [
      `【认领提醒】您认领的事 ${days} 天没有进展了：`,
      ...lines.map(listLine),
      '有进展请发：进展 编号 说明；办好了请发：完成 编号 说明',
      `办不了请发：放弃 编号 原因。${releaseDays} 天没有进展会自动放回待认领。`,
      '需要缓几天请发：暂停提醒 编号 天数',
    ].join('\n'),
  releasedToClaimant: (id: number, days: number) => `#${id} 已经 ${days} 天没有进展，已自动放回待认领，让其他人接手。谢谢您！`,
  releasedToSubmitter: (id: number) => `#${id} 的认领人一直没有进展，已重新发布，会尽快安排其他人。`,
  autoConfirmed: (id: number, days: number) => `#${id} 办结后 ${days} 天没有收到您的回复，已自动确认。如还有问题请重新反映。`,
  escalation: (community: string, overdue: ListLine[], unclaimed: ListLine[], unanswered: ListLine[], answerHours: number) =>
    [
      `【督办】${community}`,
      ...(overdue.length ? [`超过期限（${overdue.length}）：`, ...linesWithMore(overdue, overdue.length, 10)] : []),
      ...(unclaimed.length ? [`超过 3 天没人认领（${unclaimed.length}）：`, ...linesWithMore(unclaimed, unclaimed.length, 10)] : []),
      ...(unanswered.length ? [`超过 ${answerHours} 小时没人答复（${unanswered.length}）：`, ...linesWithMore(unanswered, unanswered.length, 10)] : []),
      '指派请发：指派 编号 @某人',
    ].join('\n'),
  /** To a submitter whose promised first answer did not come: what happens now, and by when. */
  lateToSubmitter: (id: number, text: string, answerHours: number, by: string, phone: string | null) =>
    [
      `您提的 #${id}「${short(text, 20)}」过了 ${answerHours} 小时还没有人答复，让您久等了。`,
      `已转给社区干部跟进，最迟 ${by}会有人联系您。`,
      phone ? `着急的话可以直接打社区电话 ${phone}。` : `查进度请发：查询 ${id}`,
    ].join('\n'),
  lateToOfficials: (community: string, lines: ListLine[], answerHours: number, by: string) =>
    [
      `【待答复】${community}：${lines.length} 件事超过 ${answerHours} 小时没人答复，已告诉居民 ${by}前会有人联系：`,
      ...linesWithMore(lines, lines.length, 10),
      '认领请发：认领 编号；指派请发：指派 编号 @某人',
    ].join('\n'),
  weeklyBulletin: (b: {
    community: string;
    from: string;
    to: string;
    created: number;
    claimed: number;
    done: number;
    confirmed: number;
    satisfaction: { part: number; whole: number; average: number | null };
    pioneers: Array<{ name: string; done: number }>;
    thanks: Array<{ id: number; from: string; comment: string }>;
    open: number;
  }) =>
    [
      `【${b.community} 周报】${b.from}—${b.to}`,
      `新提出 ${b.created} 件 · 认领 ${b.claimed} 件 · 办结 ${b.done} 件 · 居民确认 ${b.confirmed} 件`,
      b.satisfaction.whole > 0
        ? `满意率 ${percentOf(b.satisfaction)}（${b.satisfaction.whole} 个评价，平均 ${b.satisfaction.average!.toFixed(1)} 分）`
        : '本周还没有评价',
      ...(b.pioneers.length ? ['先锋榜：', ...b.pioneers.map((p, i) => `${i + 1}. ${p.name} 办结 ${p.done} 件`)] : []),
      ...(b.thanks.length ? ['居民的感谢：', ...b.thanks.map((t) => `“${short(t.comment, 40)}” —— ${t.from}（#${t.id}）`)] : []),
      b.open > 0 ? `还有 ${b.open} 件待认领，发“待认领”看看。` : '目前没有待认领的事，谢谢大家！',
    ].join('\n'),
  officialDigest: (d: {
    from: string;
    to: string;
    communities: Array<{
      name: string;
      open: number;
      claimed: number;
      overdue: number;
      doneThisWeek: number;
      medianClaimHours: number | null;
      medianResolveHours: number | null;
      satisfaction: { part: number; whole: number; average: number | null };
      onTime: { part: number; whole: number };
      hotSpots: ListLine[];
      overdueList: ListLine[];
    }>;
    calendarNote: string | null;
  }) =>
    [
      `【工作周报】${d.from}—${d.to}`,
      ...d.communities.flatMap((c) => [
        '',
        `■ ${c.name}`,
        `待认领 ${c.open} · 办理中 ${c.claimed} · 超期 ${c.overdue} · 本周办结 ${c.doneThisWeek}`,
        `认领用时中位数 ${hours(c.medianClaimHours)} · 办结用时中位数 ${hours(c.medianResolveHours)}`,
        `满意率 ${c.satisfaction.whole > 0 ? `${percentOf(c.satisfaction)}（${c.satisfaction.whole} 个评价，平均 ${c.satisfaction.average!.toFixed(1)} 分）` : '暂无评价'} · 及时率 ${c.onTime.whole > 0 ? `${percentOf(c.onTime)}（${c.onTime.part}/${c.onTime.whole}）` : '—'}`,
        ...(c.hotSpots.length ? ['热点（附议最多）：', ...c.hotSpots.map((h) => `${listLine(h)} · ${h.supporters} 户`)] : []),
        ...(c.overdueList.length ? ['超期清单：', ...linesWithMore(c.overdueList, c.overdue, 10)] : []),
      ]),
      ...(d.calendarNote ? ['', d.calendarNote] : []),
    ].join('\n'),
  calendarNotCovered: (year: string) => `注意：${year} 年的节假日安排还没有录入，期限暂按周一至周五计算。请管理员补充。`,
  revisit: (id: number, text: string) =>
    `【回访】您一周前反映的 #${id}「${short(text)}」已经办结。现在还好吗？\n好的话回复“好了”，问题又出现了直接说就行（也可以回复：是 ${id} / 否 ${id}）。`,
} as const;

function hours(h: number | null): string {
  if (h === null) return '—';
  return h < 24 ? `${h.toFixed(1)} 小时` : `${(h / 24).toFixed(1)} 天`;
}

/** "80%" of a share (docs/figures.md: 满意率, 及时率). */
function percentOf(x: { part: number; whole: number }): string {
  return `${Math.round((x.part / x.whole) * 100)}%`;
}
