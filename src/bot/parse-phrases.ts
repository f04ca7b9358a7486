import { CHINESE_NUMBER, parseNumber } from './chinese-number.ts';
import type { Command } from './command-types.ts';
import { TRAILING_PUNCT } from './fillers.ts';
import { assigneeName, parseInvite } from './parse-official-args.ts';

// Requests written as phrases around a command's word, read before the words themselves: joining
// with a code among other words, codes asked for, a hand-over or a slip put right. Pure.

/** Requests written around the word: "生成一个党员邀请码", "给我个后台链接", "请问怎么认领". */
/** The reason recorded when someone says an item was filed by mistake ("24号是我发错的"). */
export const FILED_BY_MISTAKE = '发错了';

export function parsePhrases(norm: string): Command | null {
  const t = norm.trim().replace(TRAILING_PUNCT, '');
  // "你好，我来报到，邀请码R5YEE9Y6": the code among other words.
  // Codes are made of capitals and digits (some without a digit): "报到AKVZAQVQ", "码是AKVZAQVQ".
  const join = /(?:报到|报道|码是|邀请码是)[^A-Za-z0-9]{0,12}?(?:(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])([A-Za-z0-9-]{6,16})|([A-Z]{8}))(?:$|[^A-Za-z0-9])/u.exec(t);
  if (join) return { type: 'join', code: (join[1] ?? join[2])!.toUpperCase() };
  // "搞错了！24号是我发错的，不是新的燃气泄漏，赶紧撤掉": that item was a mistake.
  const mistaken = /^(?:搞错了|弄错了|错了|不好意思|抱歉)?[!！\s,，。]*#?\s*(\d{1,6})\s*号?(?:是|这条|这个)?(?:我)?(?:发错|报错|弄错|填错)(?:了|的)|^(?:搞错了|弄错了)?[!！\s,，。]*#?\s*(\d{1,6})\s*号?(?:是)?(?:误报|手滑发的)/u.exec(t);
  if (mistaken) return { type: 'withdraw', id: Number(mistaken[1] ?? mistaken[2]), reason: FILED_BY_MISTAKE };
  // "请郑凯同志负责15号事项，尽快落实。": who, then the item.
  const personFirst = /^(?:请|让|由)([\u4e00-\u9fa5]{2,3}?)(?:同志|老师|师傅)?(?:负责|跟进|牵头|去办|办理|处理)\s*#?\s*(\d{1,6})\s*号(?:事项|那件事|的事)?(?:[，,。\s]|$)/u.exec(t);
  if (personFirst) return { type: 'assign', id: Number(personFirst[2]), target: { kind: 'unit', name: personFirst[1]! } };
  // "不对 6号是给物业 不是市政": a hand-over put right.
  const rightUnit = /^(?:不对|错了|搞错了|说错了|弄错了)?[\s,，。]*#?\s*(\d{1,6})\s*号?\s*(?:应该)?(?:是)?(?:给|交给|交|派给|转给)\s*([^\s,，。]{2,8}?)[\s,，。]*不是(?:给|交给)?\s*[^\s,，。]{2,8}$/u.exec(t);
  if (rightUnit) return { type: 'assign', id: Number(rightUnit[1]), target: { kind: 'unit', name: assigneeName(rightUnit[2]!) } };
  // "跟9号林晓说一下，刚才那两条进展是发错了": words for the people of item 9.
  const passOn = /^(?:麻烦)?(?:跟|和|给|告诉)\s*#?\s*(\d{1,6})\s*号?[\u4e00-\u9fa5]{0,4}?(?:说一下|说一声|讲一声|说下|讲下|带个话)[\s,，:：]*([\s\S]+)$/u.exec(t);
  if (passOn) return { type: 'tell', id: Number(passOn[1]), note: passOn[2]!.trim() };
  // "郑主任给的码 KEYK8F4P 报到", "KEYK8F4P": the code first, or alone (letters and digits, as made).
  // Codes are eight of ABCDEFGHJKMNPQRSTUVWXYZ23456789 (domain/invites.ts), some without a digit.
  const codeFirst = /(?:^|[^A-Za-z0-9])([A-HJKMNP-Z2-9]{8}|(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{8})(?:\s*(?:报到|报道)|$)/u.exec(t);
  if (codeFirst && (/报到|报道|码/u.test(t) || t === codeFirst[1])) return { type: 'join', code: codeFirst[1]!.toUpperCase() };
  // "锦园那边我也兼着，FUVPZTV7 这个码我也报一下到": a code among words that say joining.
  const codeAmong = /(?:^|[^A-Za-z0-9])([A-HJKMNP-Z2-9]{8})(?=$|[^A-Za-z0-9])/u.exec(t);
  if (codeAmong && /\d|[A-Z]{8}/u.test(codeAmong[1]!) && /报(?:一下|个|一个)?到|报道|(?:这个|用这个|拿这个)码/u.test(t)) return { type: 'join', code: codeAmong[1]! };
  // "干部码 1个", "党员码两个": a code asked for by whose it is.
  const byWhose = new RegExp(`^(干部|党员|志愿者)的?(?:邀请)?码\\s*(?:(\\d{1,3}|${CHINESE_NUMBER})\\s*(个|张|次|人))?$`, 'u').exec(t);
  if (byWhose) {
    const parsed = parseInvite(byWhose[3] === '次' || byWhose[3] === '人' ? `${byWhose[1]!} ${byWhose[2]}次` : byWhose[1]!, true);
    if (parsed?.type === 'invite') return parsed;
  }
  if (/^(?:请问|我想问一下)?(?:这个)?(?:怎么|如何|咋)(?:个|样)?(?:报到|认领|接单|用|使用|操作|反映|许愿|提交|确认|评价|登录|查询|弄|搞|整)(?:这个|啊|呀|呢|吗|嘛|哦|噻|撒)?$/u.test(t)) return { type: 'help' };
  if (/^(?:给我|发我|发一?个|要一?个|我要|请发|帮我生成)?(?:一?个)?(?:后台|登录|控制台|管理后台)(?:的)?(?:链接|地址|网址|入口)$/u.test(t)) return { type: 'login' };
  const invite = /^(?:我要|要|请|帮我|给我)?(?:生成|创建|发|来|开|弄|做)?([\s\S]*?)邀请码([\s\S]*)$/u.exec(t);
  if (invite && (invite[1] !== '' || invite[2] !== '')) {
    const parsed = parseInvite(`${invite[1]} ${invite[2]}`, true);
    if (parsed?.type === 'invite') return parsed;
  }
  // "给新来的网格员小吴弄个干部邀请码", "麻烦帮我生成两个干部的邀请码，…，谢谢", "再生成一个党员
  // 邀请码，只用一次就可以了": a code asked for among other words; how many may use it, if said
  // ("一个" is one code, not one use).
  // "给我一个党员的码 一个人用就行": 码 alone, after whose it is.
  const forSomeone = new RegExp(`(?:弄|生成|开|发|做|要|来|创建|准备|给我|给|出)(?:一下)?(?:(\\d{1,3}|${CHINESE_NUMBER})\\s*(?:个|张)|一?个|一?张)?(?:(干部|党员|志愿者)?的?邀请码|(干部|党员|志愿者)的?码(?![A-Za-z0-9]))`, 'u').exec(t);
  if (forSomeone) {
    const uses = new RegExp(`(\\d{1,4}|${CHINESE_NUMBER})\\s*(?:个人|人|次|回|遍)`, 'u').exec(t.slice(forSomeone.index + forSomeone[0].length));
    const codes = forSomeone[1] ? parseNumber(forSomeone[1]) : null;
    // "两个干部邀请码，各用一次": one code that two may use (a code per person is as good as two codes).
    const each = codes !== null && codes >= 2 && /各(?:用)?一次|每人一次|一人一个/u.test(t);
    const n = each ? codes : /(?:只)?(?:能)?用一(?:次|回|遍)|一次性/u.test(t) ? 1 : uses ? parseNumber(uses[1]!) : codes !== null && codes >= 2 ? codes : null;
    const parsed = parseInvite(`${forSomeone[2] ?? forSomeone[3] ?? ''} ${n ?? ''}`.trim() || '邀请码', true);
    if (parsed?.type === 'invite') return parsed;
  }
  return null;
}
