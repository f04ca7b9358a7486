// A need that comes back ("每周六帮我送一次菜", "长期的"): the holder's 完成 records one round, and
// the item stays with them until the need ends. Pure.

const RECURRING = /每(?:个)?(?:周|礼拜|星期)[一二三四五六日天]?|每(?:天|日|晚|早|个月|月)(?:[早中晚]上?|中午|下午)?(?:都|要|帮|送|来|去|陪|给)|一(?:个)?(?:礼拜|周|星期)(?:两|三|几|[2-7])(?:回|次)|每隔[一二两三四五六七八九十\d]+天|长期(?:的|帮|需要|要|送|陪)?|定期(?:送|来|去|陪|帮)|固定(?:每|周)/u;

/** Whether the words of a request ask for something that recurs. */
export function isRecurring(text: string): boolean {
  return RECURRING.test(text);
}

// "完成 5 结束", "以后不用送了", "最后一次": the need itself is over.
const ENDS = /结束|到此为止|全部(?:办)?完|以后不(?:用|需要|要)|不再(?:需要|要)|最后一次|不用再|停了吧|可以结了|整个(?:都)?(?:办)?完/u;

/** Whether a holder's note on finishing says the whole need is over, not just this round. */
export function endsTheNeed(note: string): boolean {
  return ENDS.test(note);
}

// "第一次课上完啦 …下周三晚上继续": this round done, and the need goes on.
const GOES_ON = /下(?:周|个?礼拜|个?星期|次|回)[^。]{0,8}(?:继续|还(?:来|要|去|上|送|陪|教)|接着)|还得接着|(?:下次|下回)再(?:来|去|送|陪|教|上)/u;

/** Whether a holder's note on finishing says the need goes on (a first round of several). */
export function needGoesOn(note: string): boolean {
  return GOES_ON.test(note);
}
