// Words every audience shares: the names of kinds, statuses, events and roles, how an item is written
// on one line, help, and the answers anyone may get (input problems, refusals, "busy"). The texts of
// one audience are beside this file: residents.ts, members.ts, officials.ts, groups.ts; the
// schedules' texts are in src/schedule/texts.ts.
//
// Plain Simplified Chinese, short lines: many readers are elderly and on phones. One style for item
// numbers: "#3 已办结" (a space after the number, never inside it).

import type { ParseProblem } from '../parse-command.ts';
import type { EventType } from '../../domain/item-events.ts';
import type { ItemKind, ItemStatus, Priority, Role } from '../../domain/types.ts';

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
export const PRIORITY_NAMES: Record<Priority, string> = { normal: '普通', urgent: '紧急' };

export const EVENT_NAMES: Record<EventType, string> = {
  created: '提出',
  claimed: '认领',
  assigned: '指派',
  progress: '进展',
  done: '办结',
  released: '放弃认领',
  confirmed: '确认',
  rated_low: '评价不满意，重新办理',
  rerated: '修改评分',
  auto_confirmed: '自动确认',
  disputed: '不满意，重新办理',
  withdrawn: '撤回',
  restored: '恢复',
  rejected: '驳回',
  merged: '合并',
  reopened: '重新打开',
  supported: '附议',
  snoozed: '暂停提醒',
  photo_added: '补充照片',
  reminded: '提醒',
  auto_released: '超时未办，自动释放',
  escalated: '上报干部',
  categorized: '改分类',
  kind_changed: '改类型',
  place_set: '改地点',
  text_set: '改内容',
  prioritized: '改优先级',
  deadline_set: '改期限',
  grid_set: '改网格',
  noted: '民情日记',
  late_notice: '超时未答复，已告知居民',
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
  '· 我的 —— 您提过的事',
  '· 办好了回复“满意”，或打分：确认 12 5',
  '· 不满意 12 原因 —— 没办好，重新办',
  '· 转告 12 话 —— 给办理的人带个话',
  '· 撤回 12 · 附议 12 · 待认领',
  '也可以直接把事情发给我，我一步步问您。',
];
const HELP_MEMBER = ['党员志愿者：', '· 认领 12 · 进展 12 说明 · 完成 12 说明', '· 放弃 12 原因 · 暂停提醒 12 3', '· 12号转给 姓名 —— 交给别的志愿者接着办'];
const HELP_OFFICIAL = [
  '社区干部：',
  '· 指派 12 @某人（或单位名）· 驳回 12 原因',
  '· 合并 12 到 8 · 重新打开 12 原因',
  '· 设置 12 分类 环境卫生 · 优先 12 紧急（或 普通）',
  '· 期限 12 3天（工作日）· 类型 12 问题反映（或 微心愿）',
  '· 12号地点改为 东门口人行道',
  '· 邀请码 党员 30 · 邀请码 干部',
  '· 在办 —— 办理中的事项、谁在办、期限（在办 姓名：某人手上的）',
  '· 统计 · 登录',
];

const WHY: Record<ParseProblem, string> = {
  missing_id: '请写上编号',
  missing_text: '请写上内容',
  missing_reason: '请写上原因',
  missing_target: '请写上指派给谁',
  missing_code: '请写上邀请码',
  bad_rating: '评分请用 1 到 5',
  bad_days: '天数请写 1 到 30',
  bad_merge: '请写成“合并 编号 到 编号”',
  missing_category: '请写上分类',
  bad_kind: '类型请写“微心愿”或“问题反映”',
  bad_priority: '优先级请写“紧急”或“普通”',
  missing_deadline: '请写上期限',
  bad_deadline: '期限请写 1 到 60 个工作日',
  bad_invite: '邀请码后面请写身份（党员或干部）和次数',
  bad_invite_uses: '次数请写 1 到 200',
  many_ids: '一次请只写一个编号',
};

/** What anyone may hear: help, input problems, refusals of the ledger. */
export const everyone = {
  help(role: Role): string {
    const lines = [...HELP_RESIDENT];
    if (role !== 'resident') lines.push(...HELP_MEMBER);
    if (role === 'official') lines.push(...HELP_OFFICIAL);
    return lines.join('\n');
  },
  welcome(role: Role, communityName?: string): string {
    const who = communityName ? `这里是${communityName}的连心小助手` : '我是连心小助手';
    return `您好，${who}。\n${everyone.help(role)}`;
  },
  thanks: '不客气！有需要随时找我。',
  howToRate: (waiting: Array<{ id: number; text: string }>) =>
    [
      '打分不用找地方：志愿者说办好后，我会问您“满意吗？”，直接回复就行，比如“满意 五星”。也可以随时发：确认 编号 5（5 就是五星）。',
      ...(waiting.length > 0 ? ['您还没打分的：', ...waiting.map((w) => `#${w.id}「${w.text.length > 12 ? `${w.text.slice(0, 12)}…` : w.text}」 发：确认 ${w.id} 5`)] : []),
    ].join('\n'),
  howToJoin: '想当党员志愿者：请向社区干部要一个党员邀请码，再私聊我发：报到 邀请码。',

  // --- input problems -------------------------------------------------------------------------
  empty: '请发文字内容，或发“帮助”看看怎么用。',
  tooLong: `消息太长了（最多 ${MAX_MESSAGE_CHARS} 字），请分几次发。`,
  parseProblem: (problem: ParseProblem, example: string) => `${WHY[problem]}，例如：${example}`,
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
    tell: '转告 12 明天下午家里有人',
    keep_on: '长期 12 每周六送菜',
    support: '附议 12',
    status: '查询 12',
    mine: '我的',
    list: '待认领',
    working: '在办',
    join: '报到 AB12CD34',
    assign: '指派 12 @张三',
    reject: '驳回 12 不属于本社区事务',
    merge: '合并 12 到 8',
    snooze: '暂停提醒 12 3',
    stats: '统计',
    category: '设置 12 分类 环境卫生',
    kind: '类型 12 问题反映',
    place: '12号地点改为 3号楼东门',
    content: '12号内容改为 只换客厅灯泡',
    restore: '恢复 12',
    priority: '优先 12 紧急',
    deadline: '期限 12 3天',
    reopen: '重新打开 12 居民说又坏了',
    invite: '邀请码 党员 30',
    login: '登录',
    thanks: '谢谢',
    answer: '否 12',
  } as const,

  // --- refusals ---------------------------------------------------------------------------------
  noticeNotFiled: '好的，这是给大家的通知，我就不登记了。',
  meantForSomeoneElse: '这条消息像是要发给别人的，我没有登记。要找我办事，直接跟我说就行。',
  noMatter: '好的，没关系。',
  smallTalk: '是呀！家里或小区有需要帮忙的，随时跟我说。',
  smallTalkMeal: '吃过啦，谢谢您惦记！家里或小区有需要帮忙的，随时跟我说。',
  whoAmI: '我是连心小助手，是个机器人，负责登记和传话；事情由社区干部和党员志愿者来办。发“帮助”可以看怎么用。',
  /** After "刚才说错了…": what can be put right, and how. */
  correctionHow: (wrong: number | null, right: number | null) =>
    right === null
      ? `没关系。${wrong === null ? '' : `刚才 #${wrong} 如果认领错了，发“放弃 ${wrong}”就能放回；别的改动请找社区干部。`}请把正确的编号和要做的事再说一遍，比如“认领 5”“完成 5”。`
      : wrong === null
        ? `好的，是 #${right}。请直接说要对 #${right} 做什么，比如“认领 ${right}”“完成 ${right}”。`
        : `好的，是 #${right}。刚才对 #${wrong} 的那一步我这里撤不回来，请找社区干部帮您改；#${right} 请直接再说一遍，比如“完成 ${right}”。`,
  notFound: (id: number) => `没有找到 #${id}，请核对编号。发“我的”可以看自己的事项。`,
  needMember: '这一步要由党员志愿者来做。想当志愿者，请向社区干部要邀请码，再私聊我发：报到 邀请码',
  needOfficial: '这一步要由社区干部来做，有需要请联系社区干部。',
  notYourCommunity: (id: number) => `#${id} 不属于您所在的社区。`,
  onlySubmitter: (id: number) => `只有 #${id} 的提出人可以这样做。查进度请发：查询 ${id}`,
  onlyClaimant: (id: number) => `只有 #${id} 的认领人或社区干部可以这样做。`,
  nobodyClaimedYet: (id: number) => `#${id} 还没有人认领。想办的话先发：认领 ${id}`,
  alreadyClaimedBy: (id: number, name: string, unit: boolean) =>
    unit
      ? `#${id} 已交给 ${name} 办理。发“待认领”看看别的。`
      : `#${id} 已经被 ${name} 认领了。要接手的话，请 ${name} 发“${id}号转给”加您的名字；看别的发“待认领”。`,
  alreadyYours: (id: number) => `#${id} 已经是您认领的了。`,
  notClaimed: (id: number) => `#${id} 还没有人认领。认领请发：认领 ${id}`,
  notOpen: (id: number) => `#${id} 已在办理中，不能再合并。`,
  notDone: (id: number) => `#${id} 还没有办结，办结后才能确认或评价。`,
  alreadyDone: (id: number) => `#${id} 已经办结，正等提出人确认。没办好的话，提出人可回复“不满意 ${id} 原因”，社区干部可发“重新打开 ${id}”。`,
  closed(id: number, status: ItemStatus): string {
    const way: Partial<Record<ItemStatus, string>> = {
      confirmed: `问题又出现了请发：不满意 ${id} 原因`,
      withdrawn: '需要的话请重新提。',
      rejected: '有疑问请联系社区干部。',
      merged: '请看合并后的那一件。',
    };
    return `#${id} ${STATUS_NAMES[status]}，不能再这样操作。${way[status] ?? ''}`;
  },
  notClosed: (id: number) => `#${id} 还在办理中，不需要重新打开。`,
  cannotReopen: (id: number, status: ItemStatus) =>
    status === 'merged'
      ? `#${id} 已合并到别的事项，不能重新打开，请处理合并后的那一件。`
      : `#${id} 已由提出人撤回，不能重新打开。需要的话请提出人重新提。`,
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
  unknownCategory: (options: string) => `没有这个分类。可用的分类：${options}`,
  wishNoCategory: (id: number) => `#${id} 是微心愿，微心愿不分类。`,
  notWithdrawn: (id: number) => `#${id} 没有撤回，不用恢复。发“查询 ${id}”可以看进度。`,
  restored: (id: number) => `好的，#${id} 恢复了，照常办理。`,
  sameKind: (id: number, kind: string) => `#${id} 已经是${kind}了，不用改。`,
  kindChanged: (id: number, kind: string) => `好的，#${id} 改为${kind}了。`,
  placeChanged: (id: number, place: string) => `好的，#${id} 的地点改为：${place}`,
  placeChangedHere: (id: number) => `好的，#${id} 的地点已更正。`,
  contentChanged: (id: number, text: string) => `好的，#${id} 的内容改为：${text}`,
  contentChangedHere: (id: number) => `好的，#${id} 的内容已更正。`,
  whichCommunity: '您是几个社区的干部，请在要邀请的那个社区的群里发“邀请码”。',
  notOfficialHere: '您不是本群所在社区的干部。要为您的社区生成邀请码，请私聊我发“邀请码”。',
  groupNotBound: '本群还没有绑定社区，请联系管理员绑定后再用。',
  noCommunity: '还没有设置社区，请联系管理员。',
  noOwnCommunity: '您还没有所属社区。请在社区群里发，或先报到。',
  busy: '系统有点忙，请稍后再发一次。',
} as const;
