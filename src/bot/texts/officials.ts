// What community officials hear: answers to their commands (指派, 驳回, 合并, 设置, 优先, 期限,
// 重新打开, 邀请码, 登录) and the alerts that need them now (urgent reports, unhappy residents).

import { PRIORITY_NAMES, ROLE_NAMES, short } from './common.ts';
import type { CommunityRole, ItemStatus, Priority } from '../../domain/types.ts';

export type UrgentAlert = {
  id: number;
  text: string;
  category: string | null;
  place: string | null;
  submitter: string;
  phone: string | null;
  /** Whom the resident was told to call, e.g. "燃气抢修、119". */
  told: string | null;
};

export const officials = {
  assignReply: (id: number, who: string) => `已将 #${id} 交给 ${who} 办理。`,
  rejectReply: (id: number) => `#${id} 已驳回，原因已告诉提出人。`,
  withdrawForReply: (id: number) => `好的，已替居民撤回 #${id}，也告诉了提出人。`,
  unread: (id: number, text: string) => `#${id} 的“${[...text].length > 24 ? `${[...text].slice(0, 24).join('')}…` : text}”这句没看懂，没有改动。可以换个说法，比如“${id}号 交给李明 期限3天”。`,
  whichItem: '这是要安排哪一件？请带上编号，比如“12号 设为紧急 期限3天 交给李明”。要新登记一件，请说“反映 …”。',
  mergeReply: (id: number, into: number, turned = false) =>
    turned ? `#${into} 已有人在办，就留着它：已把 #${id} 合并到 #${into}。` : `已把 #${id} 合并到 #${into}。`,
  reopenReply: (id: number, holder: string | null) => `#${id} 已重新打开，${holder === null ? '已告知提出人，并重新发到群里等人认领' : holder === '' ? '提出人和办理人都已知晓' : `已告知提出人，仍由 ${holder} 办理`}。`,
  categoryReply: (id: number, category: string) => `#${id} 的分类已改为：${category}。`,
  priorityReply: (id: number, priority: Priority) =>
    priority === 'urgent' ? `#${id} 已标为紧急，会排在各个清单的最前面。` : `#${id} 已改为普通优先级。`,
  /** `note`: as the timeline has it ("3 个工作日", "今天内", "11月29日前"). */
  deadlineReply: (id: number, note: string, deadline: string) =>
    /^\d+ 个工作日$/u.test(note) ? `#${id} 的期限已改为 ${Number.parseInt(note, 10)} 个工作日，${deadline} 前办结。` : note === '今天内' ? `#${id} 的期限已改为今天内，${deadline} 前办结。` : `#${id} 的期限已改为 ${deadline} 前办结。`,
  deadlineNotAhead: (id: number) => `这一天已经过了（或就是今天），期限至少要一个工作日。可以这样写：期限 ${id} 下周五，或 期限 ${id} 3天`,
  inviteReply: (code: string, community: string, role: CommunityRole, uses: number, until: string) =>
    [
      `邀请码：${code}`,
      `${community} · ${ROLE_NAMES[role]} · 可用 ${uses} 次 · ${until} 前有效`,
      `请对方私聊我发：报到 ${code}`,
    ].join('\n'),
  inviteSentPrivately: '邀请码已私信发给您，请不要在群里转发。',
  /** 统计: each community now, and this week so far (docs/figures.md). */
  /** 先锋榜 of this week so far, as the weekly bulletin counts it (docs/figures.md). */
  pioneers: (community: string, board: Array<{ name: string; claimed: number; done: number; averageRating: number | null }>) =>
    board.length === 0
      ? `${community} 本周还没有志愿者认领或办结事项。`
      : [`${community} 本周先锋榜（周一到现在）：`, ...board.map((p, i) => `${i + 1}. ${p.name} 办结 ${p.done} 件，认领 ${p.claimed} 件${p.averageRating !== null ? `，平均 ${p.averageRating.toFixed(1)} 星` : ''}`)].join('\n'),
  stats: (s: {
    community: string;
    state: Record<ItemStatus, number> & { overdue: number };
    /** "本周（周一至今）", "上月（10月）". */
    label: string;
    period: { created: number; claimed: number; done: number; confirmed: number; onTime: { part: number; whole: number }; satisfaction: { part: number; whole: number; average: number | null } };
    categories: Array<{ category: string; count: number }>;
  }) =>
    [
      `${s.community} 现在：`,
      `待认领 ${s.state.open} · 办理中 ${s.state.claimed} · 待确认 ${s.state.done} · 超期 ${s.state.overdue}`,
      `已确认 ${s.state.confirmed} · 撤回 ${s.state.withdrawn} · 驳回 ${s.state.rejected} · 合并 ${s.state.merged}`,
      `${s.label}：新提出 ${s.period.created} · 认领 ${s.period.claimed} · 办结 ${s.period.done} · 居民确认 ${s.period.confirmed}`,
      s.categories.length > 0 ? `按类别：${s.categories.map((c) => `${c.category} ${c.count}`).join(' · ')}` : null,
      `及时率 ${s.period.onTime.whole > 0 ? `${percentOf(s.period.onTime)}（${s.period.onTime.part}/${s.period.onTime.whole}）` : `—（${s.label.replace(/（.*$/u, '')}${s.label.includes('至今') ? '还' : ''}没有到答复时限的事项）`} · 满意率 ${
        s.period.satisfaction.whole > 0 ? `${percentOf(s.period.satisfaction)}（${s.period.satisfaction.whole} 个评价，平均 ${s.period.satisfaction.average!.toFixed(1)} 分）` : '暂无评价'
      }`,
    ]
      .filter(Boolean)
      .join('\n'),
  consoleLink: (url: string) => `连心工作台登录链接（10 分钟内有效，只能用一次，请勿转发）：\n${url}`,
  consoleInGroup: '登录链接请私聊我发“登录”，不要在群里发。',

  urgentAlert: (a: UrgentAlert) =>
    [
      `【紧急】#${a.id}${a.category ? ` · ${a.category}` : ''}：${a.text}`,
      `地点：${a.place ?? '还没说，已在问'}`,
      `提出人：${a.submitter}${a.phone ? ` ${a.phone}` : '（没有留电话）'}`,
      a.told ? `已提醒居民拨打：${a.told}` : null,
      `请尽快联系。指派请发：指派 ${a.id} @某人`,
    ]
      .filter(Boolean)
      .join('\n'),
  urgentPlace: (id: number, place: string) => `【紧急】#${id} 的地点：${place}`,
  urgentPhone: (id: number, phone: string) => `【紧急】#${id} 的提出人留了电话：${phone}`,
  unhappy: (id: number, text: string, reason: string, rating: number | null) =>
    `【提醒】#${id}「${short(text)}」居民不满意${rating ? `（${rating} 分）` : ''}${reason ? `：${reason}` : ''}，已退回重新办理。`,
  revisitFailed: (id: number, text: string) => `【回访】#${id}「${short(text)}」居民说问题又出现了，已重新打开。`,
  reopenedBySubmitter: (id: number, text: string, reason: string) =>
    `【提醒】#${id}「${short(text)}」确认后居民说还没好${reason ? `：${reason}` : ''}，已重新打开。`,
  recurrence: (id: number, oldId: number, text: string) => `【提醒】#${oldId} 的问题又出现了，居民已重新反映为 #${id}「${short(text)}」。`,
  priorityName: (p: Priority) => PRIORITY_NAMES[p],
} as const;

/** "80%" of a share (docs/figures.md: 满意率, 及时率). */
export function percentOf(x: { part: number; whole: number }): string {
  return `${Math.round((x.part / x.whole) * 100)}%`;
}
