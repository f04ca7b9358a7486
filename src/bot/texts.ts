// Every sentence the bot says, in one place, in plain Simplified Chinese.
// Short lines: many readers are elderly and on phones.

import type { ParseProblem } from './parse-command.ts';
import type { EventType } from '../domain/item-events.ts';
import type { ItemKind, ItemStatus, Role } from '../domain/types.ts';

export const MAX_MESSAGE_CHARS = 2000;

export const KIND_NAMES: Record<ItemKind, string> = { wish: '微心愿', report: '问题反映' };
export const STATUS_NAMES: Record<ItemStatus, string> = {
  open: '待认领',
  claimed: '办理中',
  done: '已办结，待确认',
  confirmed: '已确认',
  withdrawn: '已撤回',
  rejected: '未受理',
  merged: '已合并',
};
export const ROLE_NAMES: Record<Role, string> = { resident: '居民', member: '党员志愿者', official: '社区干部' };

export const EVENT_NAMES: Record<EventType, string> = {
  created: '提出',
  claimed: '认领',
  assigned: '指派',
  progress: '进展',
  done: '办结',
  released: '放弃认领',
  confirmed: '确认',
  rated_low: '评价不满意，重新办理',
  auto_confirmed: '自动确认',
  disputed: '不满意，重新办理',
  withdrawn: '撤回',
  rejected: '驳回',
  merged: '合并',
  reopened: '重新打开',
  supported: '附议',
  snoozed: '暂停提醒',
  photo_added: '补充照片',
  reminded: '提醒',
  auto_released: '超时未办，自动释放',
  escalated: '上报干部',
};

export type ItemRef = { id: number; kind: string; text: string; category?: string | null };

/** `#12 微心愿「帮王奶奶修水龙头」`, the content cut to one phone line. */
export function itemLine(item: ItemRef): string {
  return `#${item.id} ${KIND_NAMES[item.kind as ItemKind]}「${short(item.text)}」`;
}

export function short(text: string, max = 30): string {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

export function stars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(5 - rating);
}

const HELP_RESIDENT = [
  '连心 · 微心愿和问题反映，有事说一声：',
  '· 心愿 内容 —— 许个微心愿',
  '· 反映 内容 —— 反映一个问题',
  '· 查询 12 —— 看 #12 的进度',
  '· 我的 —— 我提过的事',
  '· 确认 12 5 —— 办好了，打分 1-5',
  '· 不满意 12 原因 —— 没办好，重新办',
  '· 撤回 12 · 附议 12 · 待认领',
  '也可以直接把事情发给我，我一步步问您。',
];
const HELP_MEMBER = [
  '党员志愿者：',
  '· 认领 12 · 进展 12 说明 · 完成 12 说明',
  '· 放弃 12 原因 · 暂停提醒 12 3',
];
const HELP_OFFICIAL = ['社区干部：', '· 指派 12 @某人（或单位名）', '· 驳回 12 原因 · 合并 12 到 8 · 统计', '· 登录 —— 打开工作台（台账、统计、导出）'];

export const texts = {
  help(role: Role): string {
    const lines = [...HELP_RESIDENT];
    if (role !== 'resident') lines.push(...HELP_MEMBER);
    if (role === 'official') lines.push(...HELP_OFFICIAL);
    return lines.join('\n');
  },
  welcome(role: Role, communityName?: string): string {
    const who = communityName ? `这里是${communityName}的连心小助手` : '我是连心小助手';
    return `您好，${who}。\n${texts.help(role)}`;
  },

  // --- input problems -------------------------------------------------------------------------
  empty: '请发文字内容，或发“帮助”看看怎么用。',
  tooLong: `消息太长了（最多 ${MAX_MESSAGE_CHARS} 字），请分几次发。`,
  unknownInGroup: '没看懂这条。发“帮助”看看怎么用；许心愿请发：心愿 内容',
  parseProblem(problem: ParseProblem, example: string): string {
    const why: Record<ParseProblem, string> = {
      missing_id: '请写上编号',
      missing_text: '请写上内容',
      missing_reason: '请写上原因',
      missing_target: '请写上指派给谁',
      missing_code: '请写上邀请码',
      bad_rating: '评分请用 1 到 5',
      bad_days: '天数请写 1 到 30',
      bad_merge: '请写成“合并 编号 到 编号”',
    };
    return `${why[problem]}，例如：${example}`;
  },
  examples: {
    help: '帮助',
    wish: '心愿 帮家里老人修一下水龙头',
    report: '反映 3号楼路灯坏了',
    claim: '认领 12',
    progress: '进展 12 已联系，明天上门',
    done: '完成 12 已修好',
    release: '放弃 12 临时出差',
    confirm: '确认 12 5 谢谢',
    dispute: '不满意 12 水龙头还在漏',
    withdraw: '撤回 12',
    support: '附议 12',
    status: '查询 12',
    mine: '我的',
    list: '待认领',
    join: '报到 AB12CD34',
    assign: '指派 12 @张三',
    reject: '驳回 12 不属于本社区事务',
    merge: '合并 12 到 8',
    snooze: '暂停提醒 12 3',
    stats: '统计',
    console: '登录',
    answer: '否 12',
  } as const,

  // --- refusals ---------------------------------------------------------------------------------
  notFound: (id: number) => `没有找到 #${id}，请核对编号。发“我的”可以看自己的事项。`,
  needMember: '这个操作需要党员志愿者身份。有邀请码的话请发：报到 邀请码',
  needOfficial: '这个操作需要社区干部身份。',
  notYourCommunity: (id: number) => `#${id} 不属于您所在的社区。`,
  onlySubmitter: (id: number) => `只有 #${id} 的提出人可以这样做。`,
  onlyClaimant: (id: number) => `只有 #${id} 的认领人或社区干部可以这样做。`,
  alreadyClaimedBy: (id: number, name: string) => `#${id} 已经被 ${name} 认领了。发“待认领”看看别的。`,
  alreadyYours: (id: number) => `#${id} 已经是您认领的了。`,
  notClaimed: (id: number) => `#${id} 还没有人认领。`,
  notOpen: (id: number) => `#${id} 已在办理中，不能再合并。`,
  notDone: (id: number) => `#${id} 还没有办结，办结后才能确认或评价。`,
  alreadyDone: (id: number) => `#${id} 已经办结了。`,
  closed: (id: number, status: ItemStatus) => `#${id} ${STATUS_NAMES[status]}，不能再操作。`,
  notClosed: (id: number) => `#${id} 还在进行中，不需要重新打开。`,
  supportWishOnly: (id: number) => `#${id} 是微心愿，附议只用于问题反映。`,
  supportOwn: (id: number) => `#${id} 是您自己提的，不用附议。`,
  alreadySupported: (id: number) => `您已经附议过 #${id} 了。`,
  mergeSelf: '不能把事项合并到它自己。',
  mergeTargetClosed: (id: number) => `#${id} 已关闭，不能合并进去。`,
  mergeOtherCommunity: '两个事项不在同一个社区，不能合并。',
  personNotFound: (name: string) => `本社区没有找到“${name}”。请确认名字，或先请对方报到。`,
  personAmbiguous: (name: string) => `本社区有不止一位“${name}”，请写全名。`,
  inviteInvalid: '邀请码不对或已失效，请向社区干部确认。',
  alreadyMember: (community: string, role: Role) => `您已经是 ${community} 的${ROLE_NAMES[role]}了。`,
  groupNotBound: '本群还没有绑定社区，请联系管理员绑定后再用。',
  noCommunity: '还没有设置社区，请联系管理员。',
  noOwnCommunity: '您还没有所属社区。请在社区群里发，或先报到。',
  busy: '系统有点忙，请稍后再发一次。',

  // --- dialogue -----------------------------------------------------------------------------------
  askKind: (text: string) => `收到：“${short(text, 40)}”\n这是哪一类？请回复数字：\n1 微心愿（家里的小困难，请党员帮忙）\n2 反映问题（小区、公共的事）\n回复“取消”可放弃。`,
  askText: '请用文字说一下是什么事。',
  askTextAfterPhoto: '照片收到了。请再用文字说一下是什么事。',
  askKindAgain: '请回复 1（微心愿）或 2（反映问题）。回复“取消”可放弃。',
  askCommunity: (names: string[]) => `您是哪个社区的？请回复数字：\n${names.map((n, i) => `${i + 1} ${n}`).join('\n')}`,
  askCommunityAgain: (count: number) => `请回复 1 到 ${count} 之间的数字。`,
  askAddress: '请告诉我地址（比如 3栋2单元301），方便志愿者上门。不方便可回复“跳过”。',
  askPlace: '问题在哪里？请说一下地点（比如 3号楼东门），也可以发位置。',
  askPhoto: '有照片的话可以发一张，没有请回复“跳过”。',
  dialogueCancelled: '好的，已取消，这条没有登记。',
  pendingDialogue: (text: string) => `（您还有一条没登记完：“${short(text, 20)}”，接着回复即可，或回复“取消”。）`,

  // --- receipts and replies ----------------------------------------------------------------------
  receiptWish: (id: number, answerHours: number) =>
    `已收到，编号 #${id}（微心愿）。\n${answerHours} 小时内会有人回复您，有进展我会告诉您。\n查进度请发：查询 ${id}`,
  receiptReport: (id: number, category: string, deadline: string, answerHours: number) =>
    `已登记，编号 #${id}（问题反映 · ${category}）。\n${answerHours} 小时内会有人回复，预计 ${deadline} 前办结。\n查进度请发：查询 ${id}`,
  claimedReply: (item: ItemRef) => `认领成功：${itemLine(item)}。提出人的联系方式已私信发给您。`,
  claimDetails: (item: ItemRef, submitter: string, phone: string | null, place: string | null) =>
    [
      `您认领了 ${itemLine(item)}`,
      `内容：${item.text}`,
      `提出人：${submitter}`,
      phone ? `电话：${phone}` : null,
      place ? `地点：${place}` : null,
      `有进展请发：进展 ${item.id} 说明；办好了请发：完成 ${item.id} 说明`,
    ]
      .filter(Boolean)
      .join('\n'),
  claimHint: (id: number) => `党员志愿者认领请发：认领 ${id}`,
  progressReply: (id: number) => `#${id} 的进展已记下，提出人会收到。`,
  doneReply: (id: number) => `#${id} 已标记办结，辛苦了！等待提出人确认。`,
  releaseReply: (id: number) => `#${id} 已放回待认领。`,
  confirmReply: (id: number) => `谢谢您的评价！#${id} 已确认办结。`,
  lowRatingReply: (id: number) => `收到您的评价。#${id} 已重新办理，社区干部也已知晓。`,
  disputeReply: (id: number) => `收到。#${id} 已退回重新办理，社区干部也已知晓。`,
  withdrawReply: (id: number) => `#${id} 已撤回。`,
  supportReply: (id: number, count: number) => `已附议 #${id}，目前共有 ${count} 户反映这件事。有进展会告诉您。`,
  joinReply: (community: string, role: Role) =>
    role === 'official'
      ? `报到成功！您已是 ${community} 的社区干部。发“帮助”看看能做什么。`
      : `报到成功！您已是 ${community} 的党员志愿者。发“待认领”看看谁需要帮助。`,
  assignReply: (id: number, who: string) => `已将 #${id} 交给 ${who} 办理。`,
  rejectReply: (id: number) => `#${id} 已驳回，原因已告诉提出人。`,
  mergeReply: (id: number, into: number) => `已把 #${id} 合并到 #${into}。`,
  snoozeReply: (id: number, days: number) => `好的，#${id} 在 ${days} 天内不再提醒。`,
  reopenReply: (id: number) => `#${id} 已重新打开。`,
  stats: (s: {
    community: string;
    state: Record<ItemStatus, number> & { overdue: number };
    week: { created: number; claimed: number; done: number; confirmed: number; onTime: { part: number; whole: number }; satisfaction: { part: number; whole: number; average: number | null } };
  }) =>
    [
      `${s.community} 现在：`,
      `待认领 ${s.state.open} · 办理中 ${s.state.claimed} · 待确认 ${s.state.done} · 超期 ${s.state.overdue}`,
      `已确认 ${s.state.confirmed} · 撤回 ${s.state.withdrawn} · 驳回 ${s.state.rejected} · 合并 ${s.state.merged}`,
      `本周（周一至今）：新提出 ${s.week.created} · 认领 ${s.week.claimed} · 办结 ${s.week.done} · 居民确认 ${s.week.confirmed}`,
      `及时率 ${s.week.onTime.whole > 0 ? `${percentOf(s.week.onTime)}（${s.week.onTime.part}/${s.week.onTime.whole}）` : '—'} · 满意率 ${
        s.week.satisfaction.whole > 0 ? `${percentOf(s.week.satisfaction)}（${s.week.satisfaction.whole} 个评价，平均 ${s.week.satisfaction.average!.toFixed(1)} 分）` : '暂无评价'
      }`,
    ].join('\n'),
  consoleLink: (url: string) => `连心工作台登录链接（10 分钟内有效，只能用一次，请勿转发）：\n${url}`,
  consoleInGroup: '登录链接请私聊我发“登录”，不要在群里发。',
  nothingMine: '您还没有提过事，也没有认领。许心愿请发：心愿 内容',
  nothingOpen: '现在没有待认领的事项。',

  noPendingRevisit: '现在没有需要您回答的回访。发“帮助”看看怎么用。',
  revisitThanks: (id: number) => `谢谢您的回复！#${id} 的回访已记下。`,
  revisitReopened: (id: number) => `收到，#${id} 已重新打开，会尽快再处理，有进展告诉您。`,
  revisitNote: '回访时居民说问题又出现了',

  // --- notifications ------------------------------------------------------------------------------
  announceNew: (item: ItemRef, submitter: string, place: string | null, grid: string | null = null) =>
    [
      `【新${item.kind === 'wish' ? '心愿' : '问题'} #${item.id}${item.category ? ` · ${item.category}` : ''}】${item.text}`,
      `提出人：${submitter}${grid ? `　网格：${grid}` : ''}${place ? `　地点：${place}` : ''}`,
      `认领请发：认领 ${item.id}`,
    ].join('\n'),
  announceAgain: (item: ItemRef, place: string | null) =>
    [
      `【重新待认领 #${item.id}】${short(item.text, 60)}${place ? `（${place}）` : ''}`,
      `认领请发：认领 ${item.id}`,
    ].join('\n'),
  groupClaimed: (id: number, who: string) => `#${id} 已由 ${who} 认领，其他人不用重复办理。`,
  groupDone: (id: number, who: string) => `#${id} 已办结，感谢 ${who}！`,
  groupConfirmed: (id: number, rating: number | null) =>
    rating ? `#${id} 居民已确认办结，评分 ${stars(rating)}` : `#${id} 居民已确认办结。`,
  groupClosed: (id: number, status: ItemStatus) => `#${id} ${STATUS_NAMES[status]}。`,
  groupMerged: (id: number, into: number) => `#${id} 与 #${into} 是同一件事，已合并到 #${into} 一起办理。`,
  toSubmitterClaimed: (item: ItemRef, who: string) => `您的 ${itemLine(item)} 已由 ${who} 认领，会尽快联系您。`,
  toSubmitterAssigned: (item: ItemRef, who: string) => `您的 ${itemLine(item)} 已交由 ${who} 办理。`,
  toSubmitterProgress: (id: number, who: string, note: string) => `#${id} 有新进展（${who}）：${note}`,
  toSubmitterDone: (id: number, who: string, note: string) =>
    [
      `#${id} 已办结（${who}）${note ? `：${note}` : '。'}`,
      `满意请回复：确认 ${id} 5（打 1-5 分，可加评语）`,
      `没办好请回复：不满意 ${id} 原因`,
    ].join('\n'),
  toSubmitterReleased: (id: number) => `#${id} 的认领人暂时办不了，已重新发布，会尽快再安排人。`,
  toSubmitterRejected: (id: number, reason: string) => `很抱歉，#${id} 没有受理。原因：${reason}\n有疑问可以联系社区。`,
  toSubmitterMerged: (id: number, into: number) => `您提的 #${id} 和 #${into} 是同一件事，已合并到 #${into} 一起办，进展会同步告诉您。`,
  toSubmitterReopened: (id: number) => `#${id} 已重新打开办理，有进展会告诉您。`,
  toSubmitterAutoConfirmed: (id: number, days: number) => `#${id} 办结后 ${days} 天没有收到您的回复，已自动确认。如还有问题请重新反映。`,
  toSupporter: (id: number, what: string) => `您附议的 #${id}${what}`,
  toClaimantAssigned: (item: ItemRef) => `社区把 ${itemLine(item)} 交给您办理。`,
  toClaimantConfirmed: (id: number, rating: number | null, comment: string) =>
    `#${id} 提出人已确认${rating ? `，评分 ${stars(rating)}` : ''}${comment ? `：${comment}` : '。'}`,
  toClaimantReopened: (id: number, reason: string) => `#${id} 被退回重新办理${reason ? `，原因：${reason}` : ''}。`,
  toClaimantWithdrawn: (id: number) => `#${id} 已被提出人撤回，不用再办了。谢谢！`,
  toClaimantRejected: (id: number, reason: string) => `#${id} 已被社区驳回（${reason}），不用再办了。`,
  toClaimantReleasedByOfficial: (id: number) => `#${id} 已改派他人，您不用再办了。`,
  toOfficialsRevisitFailed: (id: number, text: string) => `【回访】#${id}「${short(text)}」居民说问题又出现了，已重新打开。`,
  toOfficialsUnhappy: (id: number, text: string, reason: string, rating: number | null) =>
    `【提醒】#${id}「${short(text)}」居民不满意${rating ? `（${rating} 分）` : ''}${reason ? `：${reason}` : ''}，已退回重新办理。`,
} as const;

export type ListLine = { id: number; kind: string; text: string; days?: number; holder?: string; supporters?: number };

const listLine = (l: ListLine) =>
  `#${l.id} ${KIND_NAMES[l.kind as ItemKind] ?? ''}「${short(l.text, 24)}」${l.days !== undefined ? `（${l.days}天）` : ''}${l.holder ? ` · ${l.holder}` : ''}`;

function linesWithMore(lines: ListLine[], total: number, max: number): string[] {
  const out = lines.slice(0, max).map(listLine);
  if (total > max) out.push(`……还有 ${total - max} 条`);
  return out;
}

/** What the scheduled jobs post (SPEC "Schedules"). */
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
  escalation: (community: string, overdue: ListLine[], unclaimed: ListLine[], unanswered: ListLine[], answerHours: number) =>
    [
      `【督办】${community}`,
      ...(overdue.length ? [`超过期限（${overdue.length}）：`, ...linesWithMore(overdue, overdue.length, 10)] : []),
      ...(unclaimed.length ? [`超过 3 天没人认领（${unclaimed.length}）：`, ...linesWithMore(unclaimed, unclaimed.length, 10)] : []),
      ...(unanswered.length ? [`超过 ${answerHours} 小时没人答复（${unanswered.length}）：`, ...linesWithMore(unanswered, unanswered.length, 10)] : []),
      '指派请发：指派 编号 @某人',
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
      ...(b.pioneers.length
        ? ['先锋榜：', ...b.pioneers.map((p, i) => `${i + 1}. ${p.name} 办结 ${p.done} 件`)]
        : []),
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
    `【回访】您一周前反映的 #${id}「${short(text)}」已经办结。现在还好吗？\n已解决请回复：是 ${id}\n问题又出现了请回复：否 ${id}`,
} as const;

function hours(h: number | null): string {
  if (h === null) return '—';
  return h < 24 ? `${h.toFixed(1)} 小时` : `${(h / 24).toFixed(1)} 天`;
}

/** "80%" of a share (docs/figures.md: 满意率, 及时率). */
function percentOf(x: { part: number; whole: number }): string {
  return `${Math.round((x.part / x.whole) * 100)}%`;
}


