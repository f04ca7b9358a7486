// Whether a message and an item's text are about the same thing, by the words they share.

/** Whether two texts share a word of two Chinese characters (花盆, 井盖, 暖气). */
export function sharesWords(a: string, b: string): boolean {
  return sharedWords(a, b) > 0;
}

/** How many different two-character words of `b` are in `a`: "北门垃圾桶" names the 北门 one more. */
export function sharedWords(a: string, b: string): number {
  const seen = new Set<string>();
  // "帮忙喂一下猫" names 喂猫 too: a measure word between verb and thing hides the pair.
  // ("挂个华西的号" names 挂号: a verb and its object with a few words between them.)
  const squeezed = a.replace(/一下|一点儿?|一个|一些/gu, '').replace(/(挂|看|剪|理|排|取|拿|买|配|换|修)个?[^，。,\s的]{0,3}的?(号|药|头|发|队|件|菜|米|表|锁|灯)/gu, '$1$2');
  for (let i = 0; i + 1 < b.length; i++) {
    const pair = b.slice(i, i + 2);
    // "松了", "看过", "家的": a particle makes a pair say nothing of what it is about.
    if (/^[\u4e00-\u9fa5]{2}$/u.test(pair) && !/[了的过着吧呢吗啊也都很]/u.test(pair) && !COMMON.has(pair) && (a.includes(pair) || squeezed.includes(pair))) seen.add(pair);
  }
  return seen.size;
}
// Pairs too common to tell one request from another.
const COMMON = new Set(['一下', '帮忙', '已经', '我们', '他们', '现在', '今天', '明天', '谢谢', '可以', '没有', '一个', '这个', '那个', '老人', '阿姨', '大爷', '大妈', '奶奶', '爷爷', '叔叔', '阿婆', '婆婆', '老伴', '社区', '小区', '问题', '家里', '一起', '看看', '时候', '我是', '我家', '你们', '就是', '还是', '不是', '是想', '想让', '帮我', '我想', '一直', '好几', '几天', '下楼', '楼上', '楼下', '哪个', '什么', '怎么', '咋个', '麻烦', '有人', '个人', '我的']);
