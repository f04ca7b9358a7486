// What the people who raise items hear: the dialogue's questions, receipts, what to do in an
// emergency, and every notice about their own items (or the reports they support or follow).

import type { Emergency, Hotline } from '../detect-emergency.ts';
import type { ItemKind } from '../../domain/types.ts';
import { KIND_NAMES, itemLine, short, stars, type ItemRef } from './common.ts';

/** Local numbers (燃气抢修, the lifts' maintainer) are configured; the others are national. */
export type LocalHotlines = { gas: string | null; lift: string | null };

const ADVICE: Record<Emergency['kind'], (local: LocalHotlines) => string> = {
  gas: (l) => `请不要开关电器、不要点火，打开门窗，到室外拨打燃气抢修电话${l.gas ? ` ${l.gas}` : ''}。`,
  fire: () => '请立即拨打 119，先撤到安全的地方，不要乘电梯。',
  injury: () => '请立即拨打 120。',
  lift: (l) => `请拨打 119 或电梯里的报警电话${l.lift ? `（维保单位 ${l.lift}）` : ''}，不要扒门。`,
  electric: () => '请不要靠近，拨打供电抢修 95598；起火请拨 119。',
  crime: () => '请注意安全，立即拨打 110。',
  missing: () => '请尽快拨打 110。',
  urgent: () => '',
};

function numberOf(h: Hotline, local: LocalHotlines): string | null {
  if (h.id === 'gas') return local.gas;
  if (h.id === 'lift') return local.lift;
  return h.number;
}

/** The first lines of an emergency's receipt: what to do now and whom to call, most urgent first. */
export function emergencyAdvice(e: Emergency, local: LocalHotlines): string {
  let advice = ADVICE[e.kind](local);
  if (advice === '' && e.hotlines.length > 0) {
    const numbers = e.hotlines.map((h) => numberOf(h, local)).filter((n): n is string => n !== null);
    advice = `请立即拨打 ${numbers.join(' 或 ')}。`;
  }
  // Whom else to call, when the main advice does not name them: fire and a person hurt, say.
  const others = e.hotlines
    .map((h) => ({ name: h.name, number: numberOf(h, local) }))
    .filter((h): h is { name: string; number: string } => h.number !== null && !advice.includes(h.number));
  return [advice, others.length ? `也请拨打：${others.map((h) => `${h.name} ${h.number}`).join('，')}。` : '']
    .filter(Boolean)
    .join('\n');
}

export const residents = {
  alsoDone: (ids: readonly number[]) => `${ids.map((id) => `#${id}`).join('、')} 也办好了，等您确认：满意请回复“确认 ${ids[0]}”，没办好请直接说。`,
  phoneChanged: '好的，电话已改过来了，办理的志愿者会用新的号码联系您。',
  howToSendPhoto: '在聊天框点“+”或相册图标，选“照片”或“拍摄”，就能发给我。发不了也没关系，回复“没有”就行。',
  draftKindChanged: (kind: string) => `好的，改为${kind}。`,
  kindChangedByOffice: (id: number, kind: string) => `社区把您提的 #${id} 改为${kind}了，办理照常。`,
  // --- the dialogue -----------------------------------------------------------------------------
  askKind: (text: string) =>
    `收到：“${short(text, 40)}”\n这是哪一类？请回复数字：\n1 微心愿（家里的小困难，请党员帮忙）\n2 反映问题（小区、公共的事）\n回复“取消”可放弃。`,
  askText: '好的，您请说，是什么事？',
  askWishText: '好的，请说说您的心愿：需要帮什么忙？',
  askTextAfterPhoto: '照片收到了。请再用文字说一下是什么事。',
  kindGuessed: (kind: 'wish' | 'report', text: string) =>
    `收到：“${short(text, 40)}”\n` +
    (kind === 'wish' ? '这是家里的事，按“微心愿”登记，请党员志愿者帮忙（不对请回复“改成反映问题”）。' : '这是公共的事，按“反映问题”登记（是自家的事请回复“改成心愿”）。'),
  notedStillWhere: '好的，记下了。',
  askKindAgain: '请回复 1（微心愿）或 2（反映问题）。回复“取消”可放弃。',
  askCommunity: (names: string[]) => `您是哪个社区的？请回复数字：\n${names.map((n, i) => `${i + 1} ${n}`).join('\n')}`,
  askCommunityAgain: (count: number) => `请回复 1 到 ${count} 之间的数字。`,
  askAddress: '请告诉我地址（比如 3栋2单元301），方便志愿者上门。不方便可回复“跳过”。',
  addressAsBefore: (place: string) => `地址按上次的：${place}（不对请回复“地址改为 …”）。`,
  askAddressFor: (name: string) => `请告诉我${name}家的地址（比如 3栋2单元301），方便志愿者上门。不方便可回复“跳过”。`,
  askPlace: '问题在哪里？请说一下地点（比如 3号楼东门），也可以发位置。说不清可回复“跳过”。',
  askPhoto: '有照片的话可以发一张，没有请回复“没有”。',
  dialogueCancelled: '好的，已取消，这条没有登记。',
  nothingPending: '好的。现在没有正在登记的事，有需要直接告诉我就行。',
  pendingDialogue: (text: string) =>
    text.trim() ? `（您还有一条没登记完：“${short(text, 20)}”，接着回复即可，或回复“取消”。）` : '（您还有一条没登记完，接着回复即可，或回复“取消”。）',
  photoAdded: (id: number) => `照片已补充到 #${id}。`,
  draftSetAside: (text: string) => `您之前说的“${short(text, 20)}”还没选是哪一类，没有登记，先放下了；需要的话请再说一遍。`,
  draftExpired: (text: string) =>
    `您之前说的${text.trim() ? `“${short(text, 20)}”` : '事'}没有说完，超过 24 小时已作废，没有登记。需要的话请重新说一遍。`,

  // --- receipts -----------------------------------------------------------------------------------
  /** Before the receipts of one message that told several matters. */
  /** "帮我拆成两条": the item stays as it is; the other matter is raised on its own. */
  splitHow: (id: number | null) =>
    `好的。请把另一件事单独发一条，我另外登记一个编号${id === null ? '' : `；#${id} 照常办`}。`,
  severalMatters: (n: number) => `您说的是 ${n} 件事，分开登记，各有编号，分别安排人办：`,
  receiptWish: (id: number, answerHours: number) =>
    `已收到，编号 #${id}（微心愿）。\n${answerHours} 小时内会有人回复您，有进展我会告诉您。\n查进度请发：查询 ${id}`,
  receiptReport: (id: number, category: string, deadline: string, answerHours: number) =>
    `已登记，编号 #${id}（问题反映 · ${category}）。\n${answerHours} 小时内会有人回复，预计 ${deadline} 前办结。\n查进度请发：查询 ${id}`,
  receiptUrgent: (id: number, kind: string, category: string | null) =>
    `已登记为紧急事项，编号 #${id}（${KIND_NAMES[kind as ItemKind]}${category ? ` · ${category}` : ''}）。\n社区干部已收到提醒，会尽快联系您。\n查进度请发：查询 ${id}`,
  /** Before the receipt of a report that came back: the old item keeps its confirmation. */
  recurrence: (oldId: number) => `#${oldId} 的问题又出现了，已作为新问题登记，社区会再安排人处理。`,
  askPhone: '方便留个电话吗？不留也可以。电话只给办理的志愿者和社区干部看。',
  askPhoneAfterGroup: (id: number) =>
    `您在群里提的 #${id} 可能需要上门。方便留个电话吗？不留也可以。\n请在这里回复，不会发到群里。`,
  verdictLater: (id: number) => `好的，您再看看。#${id} 有问题随时告诉我；觉得行了，回复“满意”就好。`,
  phoneSaved: '好的，电话记下了，只有办理的志愿者和社区干部能看到。',
  phoneSkipped: '好的，不留也没关系，有进展我会在这里告诉您。',
  askUrgentPlace: '具体在哪里？请说一下地点（比如 5号楼2单元），我马上转告社区。',
  placeKept: (id: number, place: string) => `地址记下了：${place}（#${id}），不用再发了。`,
  placeSaved: (id: number, place: string) => `收到，#${id} 的地点“${short(place, 20)}”已转告社区。`,
  placeSkipped: '好的，社区干部会直接联系您。',

  // --- answers to what they did -------------------------------------------------------------------
  confirmReply: (id: number) => `谢谢您的评价！#${id} 已确认办结。`,
  rerateReply: (id: number, rating: number) => `好的，#${id} 的评分改为 ${stars(rating)}。${rating <= 2 ? '要是还有问题没解决，直接说哪里不行，我再登记。' : ''}`,
  lowRatingReply: (id: number) => `收到您的评价。#${id} 已退回重新办理，社区干部也已知晓。`,
  disputeReply: (id: number) => `收到。#${id} 已退回重新办理，社区干部也已知晓。`,
  reopenedBySubmitter: (id: number) => `收到，#${id} 已重新打开，会尽快再处理，社区干部也已知晓。`,
  withdrawReply: (id: number) => `好的，#${id} 已撤回。以后有事随时找我。`,
  toSubmitterWithdrawnForYou: (id: number, note: string) =>
    `社区工作人员撤回了您提的 #${id}${note ? `（${note}）` : ''}。如果还需要，回复“恢复 ${id}”。`,
  supportReply: (id: number, count: number) => `已附议 #${id}，目前共有 ${count} 户反映这件事。有进展会告诉您。`,
  rateWhenDone: (id: number) => `#${id} 还在办理中。办理人说办好后，我会请您确认，到时候再打分就行。`,
  toldHolder: (id: number) => `好的，已转告 #${id} 的办理人。`,
  toldCommunity: (id: number) => `#${id} 还没有人接手，您的话已转告社区。`,
  officeSays: (id: number, note: string, who?: string) => `关于您的 #${id}${who ? `，${who}说` : ''}：${note}${who && /[?？吗呢]|哪|几|啥|什么/u.test(note) ? '\n直接回复我就行，我帮您转过去。' : ''}`,
  toldSubmitter: (id: number) => `好的，已转告 #${id} 的提出人。`,
  toldCommunityOfUnit: (id: number, unit: string) => `好的，#${id} 在由${unit}办理，您的话已转告社区，社区会跟${unit}沟通。`,
  toldOfficialsForNeighbour: (id: number) => `好的，您说的 #${id} 的情况已转告社区干部，他们会核实处理。`,
  toldOfficials: (id: number) => `好的，#${id} 的事您的话已转告社区干部，他们会跟您联系。`,
  fixedBeforeDone: (id: number) => `谢谢告诉我！#${id} 还在办理中，我已转告办理人；办理人标记办结后，您回复“满意”就能确认。`,
  noPendingRevisit: '现在没有需要您回答的回访。发“帮助”看看怎么用。',
  revisitThanks: (id: number) => `谢谢您的回复！#${id} 的回访已记下。`,
  revisitReopened: (id: number) => `收到，#${id} 已重新打开，会尽快再处理，有进展告诉您。`,
  revisitNote: '回访时居民说问题又出现了',
  nothingMine: '您还没有提过事，也没有认领。许心愿请发：心愿 内容',

  // --- notices about their items -------------------------------------------------------------------
  toSubmitterClaimed: (item: ItemRef & { onBehalfOf?: string | null }, who: string, plan = '') =>
    plan
      ? `您的 ${itemLine(item)}已由 ${who} 认领。\n${who} 说：${plan}\n有话要带给${who}，直接回复我就行。`
      : `您的 ${itemLine(item)}已由 ${who} 认领，会尽快联系${item.onBehalfOf ?? '您'}。`,
  toSubmitterAssigned: (item: ItemRef, who: string) => `您的 ${itemLine(item)}已交给 ${who} 办理。`,
  phoneKnown: '这个号码已经记着了，办理的志愿者会用它联系您。',
  phoneGoOn: '好的，后面几位呢？接着发就行。',
  phoneLooksWrong: '这个号码好像不对（手机号是 11 位），麻烦再发一遍；不留也可以。',
  toSubmitterProgress: (id: number, who: string, note: string) => `#${id} 有新进展（${who}）：${note}`,
  keptOn: (id: number, holder: string | null) =>
    `好的，#${id} 是长期的事，不会给您结掉${holder ? `，仍由${holder}办理` : ''}。每次办好我会告诉您；哪天不需要了，说一声“${id}号不用了”就行。`,
  roundDone: (id: number, who: string, note: string) => `您的 #${id} 这次已办好（${who}）${note ? `：${note}` : '。'}\n这是长期的事，下次仍由${who}办理；哪天不需要了，说一声“${id}号不用了”就行。`,
  /** The receipt's first line when the sender told it for someone else ("王奶奶打电话来说…"). */
  filedFor: (name: string) => `已代${name}登记，办理中的消息都发给您，请转告${name}。`,
  toSubmitterDone: (id: number, who: string, note: string, forWhom: string | null = null) =>
    [
      `#${id} 已办结（${who}）${closingWordsOff(note) ? `：${closingWordsOff(note)}` : '。'}`,
      forWhom ? `这是您代${forWhom}登记的，问过${forWhom}后替${forWhom}回复：` : null,
      `满意吗？请直接回复“满意”，也可以打分：确认 ${id} 5（1-5 分，可加评语）`,
      `没办好请直接说哪里不行，或回复：不满意 ${id} 原因`,
    ]
      .filter((l) => l !== null)
      .join('\n'),
  toSubmitterReleased: (id: number) => `#${id} 的认领人暂时办不了，已重新发布，会尽快再安排人。`,
  toSubmitterRejected: (id: number, reason: string) => `很抱歉，#${id} 没有受理。原因：${reason}\n有疑问可以联系社区。`,
  toSubmitterMerged: (id: number, into: number) => `您提的 #${id} 和 #${into} 是同一件事，已合并到 #${into} 一起办，进展会同步告诉您。`,
  progressSentByMistake: (id: number) => `刚才发给您的 #${id} 的进展是志愿者发错了，请不用理会。`,
  doneTakenBack: (id: number) => `#${id} 刚才的“已办结”是志愿者说错了，还在办理中，先不用评价。办好了会再告诉您。`,
  toSubmitterReopened: (id: number) => `#${id} 已重新打开办理，有进展会告诉您。`,
  /** To a resident who 附议'd a report. `what` starts with a verb: "已办结。" */
  toSupporter: (id: number, what: string) => `您附议的 #${id} ${what}`,
  /** To the submitter of a duplicate merged into `into`. */
  toFollower: (own: number, into: number, what: string) => `您反映的 #${own} 已合并到 #${into}，#${into} ${what}`,
} as const;

/** "…物业已经换了新手机 这个办结", "可以办结了": words that ask the bot to close it, left out of the notice. */
function closingWordsOff(note: string): string {
  return note
    .replace(/^(?:好的?[\u4e00-\u9fa5]{0,4}[\s,，]*)?(?:我这边|我)?(?:可以|就)?(?:办结|结)(?!束)(?:一下|掉)?(?:了|吧|啦)?[\s,，。!！]*/u, '')
    .replace(/[\s,，。]*(?:这个|这单|就|可以|予以|准予|我这边)*(?:办结|结|结案)(?:一下|掉)?(?:了|吧|啦)?[。!！]*$/u, '')
    .replace(/[\s,，。;；]+$/u, '')
    .trim();
}
