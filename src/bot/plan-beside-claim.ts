import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

// The claim itself, which the resident hears of anyway.
const CLAIM_FIRST =
  /^(?:(?:收到|好的|明白|没问题)+|我(?:先|就)?(?:来)?认领(?:了|一下)?|我(?:先|就)?来(?:吧|啦|了)?|我(?:先)?接(?:了|下|着)?(?:吧|啦)?|认领(?:了|一下)?|接单|归我|交给我|包在我身上)+/u;
// A plan tells when, or that someone will come, call or bring something.
const WHEN =
  /(?:今天|今晚|明天|明早|明儿|后天|大后天|上午|下午|中午|晚上|傍晚|早上|一早|周[一二三四五六日天末]|礼拜[一二三四五六日天]?|星期[一二三四五六日天]|[\d一二三四五六七八九十两]+点|马上|一会儿?|待会儿?|等会儿?|回头|下班|放学|这就|现在就)/u;
const COMING = /(?:上门|过去|过来|来您|去您|到您|接您|陪您|联系您|给您|打电话|打个电话|电话联系|带(?:上|着)?[\u4e00-\u9fa5]{1,6}(?:过去|去|来)|我(?:自己)?带)/u;
// A question for the resident ("买十斤的可以吧", "问下大爷家里有没有扳手") or news they are waiting
// for ("燃气公司那边我打过电话了", "抢修师傅十分钟到"): theirs to hear too.
const ASKS = /(?:可以吧|行吧|行不|可以不|好不好|要不要|是不是|有没有|问下|问一下|请问|(?:要|买|带)(?:什么|啥|哪种|边种|边个|咩)|多宽|多大|多长|多高|几个|几斤|[吗嘛呢][?？]?$|[?？]$)/u;
// ("有没有人一起": asked of the other volunteers, not of the resident.)
const TO_OTHERS = /有没有人|谁|大家|一起/u;
const NEWS = /(?:打过电话|打了电话|电话打了|联系了|联系过|通知了|[\d一二三四五六七八九十两]+分钟(?:内|以内|左右)?(?:到|来|就到)|马上到|快到了|已经到了|已经出发|在路上)/u;

/**
 * "3号我来 明天上午九点过去接您": what a claim says beyond the claim, when it is a plan the resident
 * should hear (a time, a visit, a call). '' when the words say nothing more ("认领 3 谢谢").
 */
export function planBesideClaim(text: string): string {
  const norm = normalizeText(text);
  let rest = norm;
  for (const at of itemIdsIn(norm).reverse()) rest = `${rest.slice(0, at.index)} ${rest.slice(at.index + at.length)}`;
  const clauses = rest
    .split(/[\s,，。;；!！~～、]+/u)
    .map((c) => c.replace(/^[:：]+/u, '').replace(CLAIM_FIRST, ''))
    .filter((c) => c.length >= 2 && (WHEN.test(c) || COMING.test(c) || (ASKS.test(c) && !TO_OTHERS.test(c)) || NEWS.test(c)));
  const plan = clauses.join('，');
  return [...plan.replace(/[^\u4e00-\u9fa5]/gu, '')].length >= 3 ? plan : '';
}
