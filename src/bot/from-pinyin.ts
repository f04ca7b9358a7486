// Some people type in pinyin, or in English, when the Chinese keyboard is too slow: "meiyou",
// "manyi, xiexie", "bu shi, wo shi shuo 4 hao man yi, queren 4 5", "cancel", "5 stars". The short
// answers and commands among such words are read as their Chinese. A run of letters is rewritten
// only when all of it is known words; anything else ("7dong louxia de lajitong", "gym的treadmill")
// stays as typed. Pure.

const WORDS: Record<string, string> = {
  meiyou: '没有', meiyouzhaopian: '没有照片', zhaopian: '照片', buyong: '不用', buyongle: '不用了', suanle: '算了', tiaoguo: '跳过',
  quxiao: '取消', cancel: '取消', skip: '跳过', buyaole: '不要了',
  manyi: '满意', feichangmanyi: '非常满意', henmanyi: '很满意', bumanyi: '不满意', haode: '好的', hao: '好', xing: '行', keyi: '可以',
  xiexie: '谢谢', xiexieni: '谢谢你', xiexienimen: '谢谢你们', thanks: '谢谢', thx: '谢谢', thankyou: '谢谢',
  queren: '确认', renling: '认领', wancheng: '完成', wanchengle: '完成了', fangqi: '放弃', chaxun: '查询', bangzhu: '帮助',
  wode: '我的', dairenling: '待认领', jinzhan: '进展', chehui: '撤回', fuyi: '附议', baodao: '报到',
  shi: '是', bushi: '不是', woshishuo: '我是说', wo: '我', dui: '对', duide: '对的', en: '嗯', ok: '好的', yes: '是', no: '否',
  wuxing: '五星', sixing: '四星', sanxing: '三星', liangxing: '两星', yixing: '一星', haoping: '好评',
  // Loanwords that decide what a report is: 好大一股gas味儿 is gas.
  gas: '煤气', lift: '电梯', elevator: '电梯', fire: '着火',
  mytickets: '我的', mytasks: '我的', myitems: '我的', mylist: '我的', take: '接', close: '结', update: '进展',
  xiuhaole: '修好了', gaodingle: '搞定了', gaoding: '搞定', le: '了', ba: '吧', a: '啊', ne: '呢',
  // Initials typed for speed: 在吗, 好的, 谢谢, 不留, 没照(片), 取消, 怎么样了, 加入, 反映, 牛, 五星.
  zaima: '在吗', zai: '在', ma: '吗', okk: '好的', xx: '谢谢', xxx: '谢谢', bl: '不留', buliu: '不留', mz: '没有照片', meizhao: '没有照片',
  qx: '取消', zmyl: '怎么样了', zmy: '怎么样', jiaru: '加入', fy: '反映', nb: '真棒', yyds: '真棒', dd: '等等',
};
// After a number: 4 hao (号), 5 stars (星), 5 fen (分).
const AFTER_NUMBER: Record<string, string> = { hao: '号', stars: '星', star: '星', xing: '星', fen: '分', x: '星' };
const KEYS = Object.keys(WORDS).sort((a, b) => b.length - a.length);

/** The text with its known pinyin and English words in Chinese, or null when there were none. */
export function fromPinyin(text: string): string | null {
  if (!/[A-Za-z]/u.test(text)) return null;
  let changed = false;
  // A run: letters, with single spaces between words; what comes before tells a number.
  const out = text.replace(/(\d\s*)?([A-Za-z]+(?: [A-Za-z]+)*)(?![A-Za-z0-9])/gu, (whole, number: string | undefined, run: string, at: number) => {
    // Capitals are a code ("报到 K8A3PQRS"), a name or a shout, not pinyin ("OK" and "Thanks" are
    // words); letters against a digit are part of a code too.
    if (/[A-Z]/u.test(run) && !/^(?:OK|Ok|[A-Z][a-z]+(?: [a-z]+)*)$/u.test(run)) return whole;
    if (/[A-Za-z0-9]/u.test(text[at - 1] ?? '') || (number !== undefined && !/\s/u.test(number) && /[A-Z]/u.test(run))) return whole;
    let s = run.toLowerCase().replace(/ /gu, '');
    let lead = '';
    if (number) {
      const unit = Object.keys(AFTER_NUMBER).find((u) => s.startsWith(u));
      if (unit) {
        lead = AFTER_NUMBER[unit]!;
        s = s.slice(unit.length);
      }
    }
    const words = segment(s);
    if (words === null) return whole;
    changed = true;
    return `${number?.trimEnd() ?? ''}${lead}${words}`;
  });
  return changed ? out : null;
}

/** The run as known words, longest first, or null when some of it is not one. */
function segment(s: string): string | null {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const key = KEYS.find((k) => s.startsWith(k, i));
    if (!key) return null;
    out += WORDS[key];
    i += key.length;
  }
  return out;
}
