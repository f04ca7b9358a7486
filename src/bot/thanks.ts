import { normalizeText } from './normalize-text.ts';

// Thanks on their own get a short warm answer; thanks with a request or complaint in them do not.

const THANKS_CORE =
  '(?:(?:非常|十分|万分|太|真是?|真的|多)?(?:谢谢|谢射|感谢|多谢|谢了|谢啦|感恩|辛苦)(?:你|您|你们|您们|了|啦|哈|啊|呀|大家|小助手|连心|机器人|书记|老师|各位|党员同志|志愿者)*|thanks?(?: you)?|thx|3q|麻烦(?:你|您)?了|唔该(?:晒)?(?:你哋|你)?|多谢(?:晒)?(?:你哋)?)';
const THANKS = new RegExp(
  `^(?:(?:好的?|嗯+|收到|ok)[\\s,，。!！]*)?(?:${THANKS_CORE}(?:[\\s,，。.!！~～❤💕🌹]|[\\u{1F300}-\\u{1FAFF}\\u2600-\\u27BF\\uFE0F])*)+$`,
  'iu',
);

// "谢谢刘书记", "谢谢你们帮我修好了灯": thanks to someone, with no new request or complaint in it.
const THANKS_TO = new RegExp(`^(?:好的?[\\s,，。!！]*)?${THANKS_CORE}[^\\d?？]{1,14}$`, 'iu');
const NOT_JUST_THANKS = /反映|问题|坏|漏|不|没|想|要|能不能|请问|怎么|还有|另外|但是|可是|心愿|帮忙看|@|#/u;

/** "谢谢", "谢谢你", "感谢", "辛苦了", "好的谢谢", "谢谢刘书记" on their own: a short warm answer. */
export function isThanks(text: string): boolean {
  const t = normalizeText(text).trim();
  return THANKS.test(t) || (THANKS_TO.test(t) && !NOT_JUST_THANKS.test(t));
}

const BARE_PRAISE = /^(?:很|非常|特别|挺)?满意(?:了|的|啊|呀|哈)?[!！。.~～]*$/u;
const JUST_THANKS = /(?:不是要|不是来|没想)(?:办事|登记|反映|报|提)[^，。]{0,4}[\s,，。]*(?:我)?(?:就|只)是?(?:想)?(?:说|道)(?:声|一声|个)?谢谢|^(?:我)?(?:就|只)是?(?:想)?(?:说|道)(?:声|一声|个)谢谢/u;

/** "满意" with nothing waiting for a verdict, "我不是要办事 就是说声谢谢": kind words, nothing more. */
export function isOnlyPraiseOrThanks(words: string): boolean {
  const t = normalizeText(words);
  return BARE_PRAISE.test(t.trim()) || JUST_THANKS.test(t);
}
