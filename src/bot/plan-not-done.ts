import { normalizeText } from './normalize-text.ts';

// "收到 9号 下午三点前送到", "12号我下午就去 灯泡已经买好了": when it will be done, not that it is.
const LATER =
  /今天(?:之?内)?|今晚|今日(?:之?内)?|明天|明早|明儿|后天|下午|上午|晚上|中午|傍晚|一会儿?|待会儿?|等会儿?|马上|这就|回头|下班后?|周[一二三四五六日天末]|礼拜[一二三四五六日天]|星期[一二三四五六日天]|[\d一二三四五六七八九十两]+点(?:半)?(?:前|之前|以前|左右|到)?|(?:号|日)(?:之|以)?前/u;
// Words that it is done now (a time beside them says when it was: "今天上午修好了").
const DONE_NOW =
  /(?:送到|修好|办完|完成|办结|搞定|弄好|处理好|处理完|解决|装好|换好|清完|清好|接好|通|亮|送过去|到家|拉走|运走)了|(?:换|修|送|装|接|清|拉|运|扫|搬|陪)(?:了|上去了|过去了|回来了|到了|完了)|已(?:经)?(?:送到|完成|修好|办结|处理|解决|换|装|清|送|拉走)|(?<!买|准备|收拾|约|联系)好了(?:[\s,，。!！~～啦]*)$|(?:搞定|办结)(?:了|啦|$|[\s,，。!！])|完了(?:[\s,，。!！]*)$|(?:回来|去过|来过|看过|弄过)了|(?:去|来|送|修|弄|陪)的(?:[\s,，。]|$)/u;
// A plan says someone will go or do something: a verb of going or doing after the time.
const WILL_DO = /(?:去|来|到|送|处理|弄|修|办|换|装|看|拿|接|陪|清|跑)/u;

/** True when words read as "done" only tell when it will be done: a plan, for the resident as news. */
export function isPlanNotDone(text: string): boolean {
  const norm = normalizeText(text);
  return LATER.test(norm) && WILL_DO.test(norm) && !DONE_NOW.test(norm);
}
