// What party-member volunteers hear: the details of what they claim or are given, the answers to
// their commands, and every notice about the items they hold.

import { itemLine, stars, ROLE_NAMES, type ItemRef } from './common.ts';
import type { Role } from '../../domain/types.ts';

export type HolderDetails = {
  /** Claimed by the volunteer, or given to them by an official (an assignment is not "您认领了"). */
  how: 'claimed' | 'assigned';
  /** Who handed it over, when it was its holder rather than the office ("王思远"). */
  from?: string;
  item: ItemRef & { priority?: string };
  submitter: string;
  phone: string | null;
  place: string | null;
};

export const members = {
  /** In the holder's direct chat: everything needed to help, contacts included. */
  holderDetails: (d: HolderDetails) =>
    [
      d.how === 'claimed' ? `您认领了 ${itemLine(d.item)}` : `${d.from ?? '社区'}把 ${itemLine(d.item)}交给您办理。`,
      d.item.priority === 'urgent' ? '【紧急】请尽快联系提出人。' : null,
      `内容：${d.item.text}`,
      `提出人：${d.submitter}`,
      `电话：${d.phone ?? '没有留'}`,
      d.place ? `${d.item.kind === 'wish' ? '地址' : '地点'}：${d.place}` : null,
      `有进展请发：进展 ${d.item.id} 说明；办好了请发：完成 ${d.item.id} 说明`,
    ]
      .filter(Boolean)
      .join('\n'),
  /** 提出人 of an item registered for a resident: "王奶奶（刘芳代登记）". */
  filedBy: (forWhom: string, filer: string) => `${forWhom}（${filer}代登记）`,
  /** No phone of the resident's: whom to ask instead. */
  askFiler: (id: number, filer: string, phone: string | null) => (phone ? `没有留，可先问代登记的${filer}：${phone}` : `没有留，可先问代登记的${filer}（发：转告 ${id} 您的话）`),
  phoneForHolder: (id: number, phone: string) => `#${id} 的提出人留了电话：${phone}`,
  restored: (id: number) => `#${id} 撤回后又恢复了，还由您办理。`,
  kindChanged: (id: number, kind: string) => `您在办的 #${id} 改为${kind}了，事情本身没变。`,
  placeChanged: (id: number, place: string) => `您在办的 #${id} 地点更正为：${place}，请按新地点去。`,
  contentChanged: (id: number, text: string) => `您在办的 #${id} 内容更正为：${text}`,
  markedUrgent: (id: number) => `社区把您在办的 #${id} 标为紧急了，请尽快处理。`,
  newDeadline: (id: number, deadline: string) => `社区把您在办的 #${id} 的期限改为 ${deadline}。`,
  /** 转告: the submitter's words, passed on. */
  phoneChanged: (id: number, phone: string) => `#${id} 的提出人电话改为：${phone}`,
  submitterSays: (id: number, note: string) => `#${id} 的提出人转告：${note}`,
  neighbourSays: (id: number, name: string, note: string) => `关于 #${id}，居民${name}说：${note}`,
  /** A second volunteer (or 物业's own member) reports on one held by another, or by a unit. */
  officeNudges: (id: number, official: string, said: string) => `社区干部${official}提醒您：#${id}（${said}）。有进展请发：进展 ${id} 说明。`,
  nudgedHolder: (id: number, holder: string) => `好的，已提醒 ${holder} 抓紧办 #${id}。`,
  helperSays: (id: number, name: string, note: string, done: boolean) => `关于 #${id}，${name}说：${note}${done ? `\n确实办好了请发：完成 ${id}` : ''}`,
  keptOn: (id: number, note: string) => `#${id} 的提出人说这是长期的事${note ? `：${note}` : ''}\n事项仍在您名下，不会结；每次办好发“完成 ${id}”记一次，全部结束时发：完成 ${id} 结束`,
  keptOnBy: (id: number) => `好的，#${id} 记为长期的事：每次办好发“完成 ${id}”记一次，事项不会结；全部结束时发：完成 ${id} 结束`,
  roundDone: (id: number) => `#${id} 这次的已记下，提出人会收到。这是长期的事，仍在您名下；全部结束时发：完成 ${id} 结束`,
  toldHolderForHelper: (id: number, holder: string) => `好的，已转告 #${id} 的认领人${holder}，办好后由认领人标记办结。`,
  toldOfficialsForHelper: (id: number, unit: string) => `好的，#${id} 由${unit}办理，您的话已转告社区干部，由他们确认办结。`,
  submitterSaysFixed: (id: number, note: string) =>
    `#${id} 的提出人说已经好了${note ? `：${note}` : '。'}\n办好了请发：完成 ${id} 说明`,
  progressReply: (id: number) => `#${id} 的进展已记下，提出人会收到。`,
  doneReply: (id: number) => `#${id} 已标记办结，辛苦了！等待提出人确认。`,
  releaseReply: (id: number) => `#${id} 已放回待认领。`,
  doneTakenBack: (id: number) => `好的，#${id} 的办结已撤回，还由您接着办，办好了再说“完成 ${id}”。`,
  snoozeReply: (id: number, days: number) => `好的，#${id} 在 ${days} 天内不再提醒。`,
  joinReply: (community: string, role: Role) =>
    role === 'official'
      ? `报到成功！您已是 ${community} 的${ROLE_NAMES.official}。发“帮助”看看能做什么。`
      : `报到成功！您已是 ${community} 的${ROLE_NAMES.member}。发“待认领”看看谁需要帮助。`,
  nothingOpen: '现在没有待认领的事项。',

  toHolderConfirmed: (id: number, rating: number | null, comment: string) =>
    `#${id} 提出人已确认${rating ? `，评分 ${stars(rating)}` : ''}${comment ? `：${comment}` : '。'}`,
  toHolderRerated: (id: number, rating: number, comment: string) => `#${id} 提出人把评分改为 ${stars(rating)}${comment ? `：${comment}` : '。'}`,
  toHolderReopened: (id: number, reason: string) => `#${id} 被退回重新办理${reason ? `，原因：${reason}` : ''}。`,
  toHolderWithdrawn: (id: number) => `#${id} 已被提出人撤回，不用再办了。谢谢！`,
  toHolderRejected: (id: number, reason: string) => `#${id} 已被社区驳回（${reason}），不用再办了。`,
  toHolderReassigned: (id: number, to: string) => `#${id} 社区已改由 ${to} 办理，您不用再办了。辛苦了，谢谢您！`,
  /** To the volunteers of the item's grid when something urgent happens there. */
  urgentToGrid: (item: ItemRef, place: string | null) =>
    [`【紧急 #${item.id}】${item.text}${place ? `（${place}）` : ''}`, '您所在网格的居民报告了紧急情况，方便的话请去看看。', `认领请发：认领 ${item.id}`].join('\n'),
} as const;
