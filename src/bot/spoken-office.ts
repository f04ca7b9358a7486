import { parseNumber } from './chinese-number.ts';

// An official dictating while walking: "小连那个二号电梯的事儿你给我设成紧急啊然后交给物业马建国期限就
// 给两天吧". One run-on sentence, items named by what they are about, the bot addressed by name. Said
// as the parser reads it: "2号设成紧急啊。交给物业马建国期限两天吧". Only officials' words.

const CN = '[一二三四五六七八九十两]{1,3}';
// Words that make a clause a command: a description before them is no part of it.
const COMMAND_WORD = /设|改|交|给|期限|分类|加急|紧急|驳回|合并|并到|重新|关|派|让|叫|催|列|限|转|由|我|负责|牵头|协调|处理|办|事项|查|写/u;

/** The sentence as the parser reads it. */
export function plainSpokenWords(text: string): string {
  let t = text
    // The @mention stays: in a group it is what addresses the bot.
    .replace(/^(@\S+\s*)?(?:(?:小连|连心|联欣|联心|小联)(?:啊|呀|呢)?[，,\s]*)?/u, '$1')
    .replace(/^(@\S+\s*)?(?:那个|哎|诶|喂)[，,\s]*/u, '$1')
    // "二号电梯", "十二号": an item, not a day ("12月20号") nor a building ("二号楼").
    .replace(new RegExp(`(?<![月\\d一二三四五六七八九十两第])(${CN})号(?![楼栋院门单室])`, 'gu'), (m, n: string) => `${parseNumber(n) ?? n}号`)
    // "…然后交给物业…", "…七号那个道闸也给物业…": one clause each.
    .replace(/(?<=[\u4e00-\u9fa5a-z0-9])(?<![我你他她咱])[，,\s]*(?:然后|另外|还有就是|还有|再一个|同时)(?=[\u4e00-\u9fa5\d])/gu, '。') // ("我另外让物业查": an adverb)
    // "…交给马建国7号那个道闸…": a second item's clause, after one that named its own.
    .replace(/(?<=\d{1,6}号[^，,。\s\d]*?[\u4e00-\u9fa5])(?<![月并到入和跟与及把给至])(?=\d{1,6}号(?![楼栋院门单室]))/gu, '。');
  // "2号电梯的事儿…", "5号那个车棚跟灭火器的…": the item, without what it is about.
  t = t.replace(/(\d{1,6}号)(?:那个)?([^，,。\s\d]{0,10}?)(?:的事儿|的事情|的事|那个|的)(?=[\u4e00-\u9fa5])/gu, (m, id: string, about: string) =>
    COMMAND_WORD.test(about) || [...about].length === 1 ? m : `${id} `,
  );
  return t
    .replace(/你给我|你帮我|帮我|你把|你就|就给|给我(?=[设改把列交整弄搞])/gu, '')
    // "给它弄成紧急的", "这回整成加急": set urgent.
    .replace(/(?:给它|这回)?(?:弄|整|搞)成(?:个)?(紧急|加急)(?:的)?/gu, '设为紧急')
    .replace(/把(?=分类|期限)/gu, '')
    .replace(/怎么分到[^，,。]{1,8}?了?(?=改)/gu, '分类')
    .replace(/(加急|紧急)(?:啊|呀|哈|吧)+/gu, '$1')
    .replace(/(加急|紧急)(?=让|叫|交|给)/gu, '$1，')
    // "7号，道闸也给物业…": what it is about, then whom it goes to.
    .replace(/(\d{1,6}号[，,\s]?)(?:[\u4e00-\u9fa5]{1,8}?也)?给(?=物业|[\u4e00-\u9fa5]{2,4}(?:去|来|办))/gu, '$1交给')
    // "交给物业马建国", "交给物业让马建国去弄": the person, when one is named after the unit.
    .replace(/交给?物业(?:那边)?[，,]?(?:让|叫)/gu, '交给')
    .replace(/交给物业(?:的)?(?!公司|那边|的人|处理|来|去|电工|水电工|保洁|保安|维修|维保|师傅)([\u4e00-\u9fa5]{2,3}?)(?=$|[，,。\s吧]|期限|限|今天|明天|去)/gu, '交给$1')
    // "给两周时间", "给三个工作日": the deadline.
    .replace(/(?<!期限[，,\s]*)[，,\s]*(?<!期限)给(?:他们|它|她|他)?((?:\d{1,2}|[一二两三四五六七八九十]{1,2})(?:个工作日|天|周|个星期|个礼拜))(?:时间)?/gu, '，期限$1')
    .replace(/(?<=[\u4e00-\u9fa5])(?=期限)/gu, '，')
    .replace(/[，,\s]*(?:这条|这个|这件)?(?:先|就)?(驳回|退回)(吧)?(?=$|[，,。让叫])/gu, ' $1$2 ')
    // "期限顺延到下周五吧等厂家呢": the day, then why.
    .replace(/(期限[^，,。]{1,12}?(?:前|之前|号|日|天|周[一二三四五六日]|礼拜[一二三四五六日天]))吧?(?=[\u4e00-\u9fa5])(?!之前|以前|前|[吧啊呀哈]$)/gu, '$1，')
    // "交物业今天必须清走": the unit, then by when.
    .replace(/((?:交给?|给)[\u4e00-\u9fa5]{2,6}?)(今天|明天)(?:上午|下午|晚上)?(?:就|必须|要|得)?(?:给)?(?:来人)?[\u4e00-\u9fa5]{1,6}?(?=$|[，,。！!\s])/gu, '$1，$2之内')
    .replace(/(?:把)?(\d{1,6}号)?给?关回去(?:吧)?/gu, '$1恢复成已办结');
}
