import { isSkip } from './skip-and-cancel.ts';
import type { Tx } from '../db/sql.ts';
import { TROUBLE_HERE } from './kind-answer.ts';
import { REQUEST, THING, WANTS } from './request-words.ts';
import { normalizeText } from './normalize-text.ts';
import { sharedWords } from './shares-words.ts';
import { highestRole } from '../domain/actor.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { say } from './say.ts';
import { filedFor } from './filed-for.ts';
import type { Draft } from './dialogue-store.ts';
import { residents } from './texts/residents.ts';

// The words the dialogue listens for (dialogue.ts): a kind stated in the text, a place put right or
// the same as last time, a mere opening, and how soon pieces of one message follow each other.

// "我讲错了 不是东门 是北门": the place said again, right this time.
export const PLACE_FIX = /(?:[讲说写搞弄]错了|不对)[\s\S]*?不是[^，,\s]{1,10}[，,\s]*(?:是|在)([^，,。\s]{2,14})/u;
export const STATED_REPORT = /(?:(?:想|要)?(?:反映|反应)(?:一?下|个事)?|(?:这个)?是(?:公家|公共|大家)的事(?:儿)?)[吧啊呀哈。.!！\s]*$|^(?:[\u4e00-\u9fa5]{0,4}[，,。\s]*)?(?:我|俺)?(?:想|要|来|再)(?:跟社区|向社区|给社区)?(?:反映|反应)(?:一?下|一个|个)?(?:情况|问题|事情|事)?/u;
export const STATED_WISH = /是个(?:微)?心愿[吧啊呀哈。.!！\s]*$|^(?:[\u4e00-\u9fa5]{0,3}[，,。\s]+)?(?:我|俺)?(?:想|要)(?:许|提)(?:个|一个)(?:微)?(?:心愿|愿望|愿)(?:[：:，,。\s]|$)/u;
// "地址跟上次一样", "还是老地方": the place of their last request.
export const SAME_PLACE = /^(?:还是|就是?|就在)?(?:我|俺|伲|阿拉)家(?:呀|啊|嘛|哈)?(?=$|[\s,，。])|(?:你|恁|您)们?不是知道|上回[^，。]{0,10}那个家|(?:跟|和|同)(?:上次|上回|上趟|以前|之前|原来)(?:一样|的一样|那个|那里|那儿)|^(?:地址)?(?:还是)?一样(?:的|额|嘛|啊)?$|还是(?:上次|上回)(?:的|那个)|老地方|还是那(?:里|儿|个地方)/u;
/** Where the person's last request with a place was (`homes`: the last wish they asked for themselves). */
export async function lastPlace(tx: Tx, personId: number, homes = false): Promise<string | null> {
  const only = homes ? "AND kind = 'wish' AND on_behalf_of IS NULL" : '';
  const row = await tx.get<{ place: string }>(`SELECT place FROM items WHERE submitter_id = ? ${only} AND place IS NOT NULL AND place <> '' ORDER BY id DESC LIMIT 1`, [personId]);
  return row?.place ?? null;
}

/**
 * A wish's address, when their last wish had one: their home, not asked again (said back instead).
 * Not for a request told for someone else, nor for the office, who register wishes for many homes.
 */
export async function homeAsBefore(tx: Tx, ctx: MessageContext, draft: Draft, out: Outgoing): Promise<void> {
  if (draft.kind !== 'wish' || draft.place !== null || draft.priority === 'urgent' || highestRole(ctx.actor) === 'official' || filedFor(draft.text) !== null) return;
  const home = await lastPlace(tx, ctx.person.id, true);
  if (home === null) return;
  draft.place = home;
  // Said back in a direct chat, so that a wrong one can be put right; a group never reads an address.
  if (ctx.msg.conversationType !== 'group') say(ctx, out, residents.addressAsBefore(home));
}

// Words that only open a conversation: what follows them is the request.
export const OPENING_ONLY = /^(?:那啥|那个|喂|在吗|在不在|你好|您好|有个事|有个事儿|问一下|请问|哎|诶|嗯|连心)[\s,，。!！?？…~～]*$/u;
// "还有个事", "我想", "跟你说个事": a matter announced, its words still to come (asked for next).
export const ANNOUNCES_ONLY =
  /^(?:(?:我|俺)?(?:还|另外)?(?:有|还有)(?:个|一个|件|一件)事(?:儿|情)?(?:想)?(?:说|问|找你|麻烦你|请你帮忙|想请你帮忙)?|(?:我|俺)(?:想|要)(?:说|问|反映|讲)?(?:一下|个事)?|(?:跟|和)?(?:你|您)说(?:个|一个|件)事(?:儿)?|(?:麻烦|请)?帮(?:个|一个|一下)忙)[\s,，。!！?？…~～吧啊呀哈]*$/u;
/** Pieces of one message typed in bursts come within this long of each other. */
export const BURST_MS = 90_000;
// The kind said first in an answer ("反映问题嘞", "2"), before what else it says.
const KIND_WORD = /^[^\s,，。]*(?:问题|心愿|反映|[12])[嘞啦吧嘛呀啊]*[\s,，。]*/u;

/** "反映问题嘞 冇得照片 半夜哪个去拍" to the kind question: no photo either (never words of the request). */
export function declinesPhoto(answer: string): boolean {
  return /照片|相片|拍/u.test(answer) && isSkip(answer.replace(KIND_WORD, ''));
}

// A home's trouble is the household's (a wish); elsewhere the public's. ASKS: something wrong or wanted.
export const AT_HOME = /家里|我家|俺家|家中|屋里|屋头|屋企|屋下|房间|卧室|厨房|卫生间|厕所|阳台|厅里/u;
export const ASKS = new RegExp(`${TROUBLE_HERE.source}|${WANTS.source}|帮我`, 'u');

/** A new matter said well after the kind question, sharing nothing with the draft it would join. */
export function isNewMatter(draftText: string, answer: string, elapsedMs: number, plainRequest = false): boolean {
  return elapsedMs >= BURST_MS && (REQUEST.test(answer) || THING.test(answer) || (plainRequest && [...answer].length >= 12)) && [...answer].length >= 8 && sharedWords(normalizeText(draftText), answer) === 0;
}
