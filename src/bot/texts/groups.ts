// What the community's groups see. Never a resident's full name, phone or address (SPEC "Talking to
// the bot"): names come masked (张*), contents through publicText, places of wishes not at all.

import { STATUS_NAMES, stars, type ItemRef } from './common.ts';
import type { ItemStatus } from '../../domain/types.ts';

export const groups = {
  announceNew: (item: ItemRef & { urgent?: boolean }, submitter: string, place: string | null, grid: string | null = null) =>
    [
      `【${item.urgent ? '紧急' : '新'}${item.kind === 'wish' ? '心愿' : '问题'} #${item.id}${item.category ? ` · ${item.category}` : ''}】${item.text}`,
      `提出人：${submitter}${grid ? `　网格：${grid}` : ''}${place ? `　地点：${place}` : ''}`,
      `认领请发：认领 ${item.id}`,
    ].join('\n'),
  /** 提出人 of an item the office (or a neighbour) registered for a resident: "王*（代登记）". */
  filedBy: (maskedName: string) => `${maskedName}（代登记）`,
  announceAgain: (item: ItemRef, place: string | null) =>
    [`【重新待认领 #${item.id}】${item.text}${place ? `（${place}）` : ''}`, `认领请发：认领 ${item.id}`].join('\n'),
  /** A question or answer in a group names the person it is for (masked). */
  to: (name: string, text: string) => `${name}，${text}`,
  claimHint: (id: number) => `党员志愿者认领请发：认领 ${id}`,
  claimedHere: (id: number, who: string) => `认领成功：#${id} 由 ${who} 办理，提出人的信息已私信发给办理人。`,
  claimed: (id: number, who: string) => `#${id} 已由 ${who} 认领，其他人不用重复办理。`,
  /** An official gave it to a person or a unit: nobody "认领" it. */
  assigned: (id: number, who: string) => `#${id} 已交给 ${who} 办理，其他人不用重复办理。`,
  done: (id: number, who: string) => `#${id} 已办结，感谢 ${who}！`,
  confirmed: (id: number, rating: number | null) => (rating ? `#${id} 居民已确认办结，评分 ${stars(rating)}` : `#${id} 居民已确认办结。`),
  closed: (id: number, status: ItemStatus) => `#${id} ${STATUS_NAMES[status]}。`,
  /** A withdrawal put right: the group heard "#N 已撤回", so it hears this too. */
  restored: (id: number, open: boolean) => (open ? `#${id} 撤回有误，已恢复，仍可认领：认领 ${id}` : `#${id} 撤回有误，已恢复，继续办理。`),
  merged: (id: number, into: number) => `#${id} 与 #${into} 是同一件事，已合并到 #${into} 一起办理。`,
} as const;
