import { REQUEST } from './request-words.ts';

// What goes into the ledger as an item's words: the request, without the greeting or the chat
// before it ("小连你好，", "社区的同志你好，", "回来，下午到。哎对了，"), which every list and notice
// would otherwise show as the item's title. The message itself is kept as received. Pure.

const GREETING = /^(?:[\u4e00-\u9fa5A-Za-z]{0,8}?(?:你好|您好|大家好|早上好|上午好|下午好|晚上好|早啊|早呀)(?:呀|啊|哈|呢)?[，,。！!～~\s]+)/u;
// "…哎对了，", "顺便说一下，": what comes after is the matter.
const TURN = /(?:哎|诶|欸|噢|哦)?(?:对了|顺便说一下|顺便问一下|说个事|有个事)(?:啊|呀)?[，,。！!：:\s]+/u;
// "我想跟社区说个事啊，", "想反映个情况，": announcing that a request follows.
const ANNOUNCE = /^(?:我)?(?:想|要)?(?:跟|和|给|向)?(?:社区|你们|您)?(?:说|反映|报|讲)(?:个|一个|一下|下)?(?:事|事情|情况|问题)?(?:啊|呀|哈)?[，,。：:\s]+/u;

// A letter's salutation and closing: "尊敬的社区领导：您好！", "此致 敬礼！", "谢谢！".
const SALUTATION = /^(?:尊敬的|敬爱的|亲爱的)[^：:，,。！!]{1,12}[：:，,]\s*/u;
const CLOSING = /[，,。！!\s]*(?:此致[\s，,]*敬礼|顺颂[^。！!]{0,6}|祝[^。！!]{0,8}(?:顺利|愉快|健康))[！!。]*\s*$/u;

/** The request's own words. */
export function requestText(text: string): string {
  // "反映一哈 4栋后头…": 一哈/一下 belonged to the verb.
  let t = text.trim().replace(/^(?:一哈|一下)(?=[\s，,：:])[\s，,：:]*/u, '');
  const letter = t.replace(SALUTATION, '').replace(CLOSING, '');
  if (letter.length >= 4) t = letter;
  const greeted = GREETING.exec(t);
  if (greeted && t.length - greeted[0].length >= 4) t = t.slice(greeted[0].length);
  const turn = TURN.exec(t);
  // Only chat before the turn: no trouble or wish in it, and short.
  if (turn && turn.index <= 16 && !REQUEST.test(t.slice(0, turn.index)) && t.length - turn.index - turn[0].length >= 4) t = t.slice(turn.index + turn[0].length);
  const announced = ANNOUNCE.exec(t);
  if (announced && t.length - announced[0].length >= 4) t = t.slice(announced[0].length);
  return t.trim();
}
