import { parseCommand } from './parse-command.ts';
import { parseCommands } from './parse-commands.ts';
import { itemIdsIn } from './item-id.ts';
import { itemClauses } from './item-clauses.ts';
import { normalizeText } from './normalize-text.ts';
import { listAsSentences } from './numbered-list.ts';
import { tableAsSentences } from './pasted-table.ts';
import { eachGetsTheTail } from './shared-tail.ts';
import { plainSpokenWords } from './spoken-office.ts';

// Officials write in the style of a 公文 ("经研究，2号事项请予以加急处理，着物业公司办理", "6号交钱国强
// 同志办理", "3号：1、交物业公司返工；2、期限2个工作日"). The formulas carry no meaning of their own;
// said plainly, the same words are commands the parser reads. Only officials' messages are rewritten.

const REWRITES: Array<[RegExp, string]> = [
  // "经研究，", "经查，", "鉴于物业配件未到，现将…": the preamble before what is decided.
  [/^(?:经(?:社区)?(?:研究|查|核实|复核|核查|调查)(?:决定)?|根据[^，,。]{1,20}|鉴于[^，,。]{1,24})[，,：:\s]+(?:现|特)?(?:将|把)?/u, ''],
  // "2号事项", "第2号事项": the item.
  [/(\d{1,6})\s*号\s*事项/gu, '$1号'],
  // "3号路灯重新打开": the item named with what it is about, then reopened.
  [/(\d{1,6})\s*号\s*(?!重新|重开)[\u4e00-\u9fa5]{1,8}?(?:问题|事项|的事)?(?:需|需要|要|应|应当|予以)?(?=重新打开|重开)/gu, '$1号'],
  // "钱国强同志": the name.
  [/([\u4e00-\u9fa5]{2,3})同志/gu, '$1'],
  [/(?:着|予以)?并入/gu, '并到'],
  // "着物业公司办理", "交钱国强办理": 着 and a bare 交 are "hand it to … to do".
  [/(^|[，,。；;\s]|号|一事)(?:着|交|转)(?!给|告|达|发|由)(?=[\u4e00-\u9fa5]{2,10}?(?:办理|处理|处置|负责|牵头|跟进|落实|整改|返工|清运|维修|修复|清理|上门))/gu, '$1交给'],
  // "3号装修垃圾交物业公司清运": a unit named after 交, whatever came before.
  [/交(?!给)(?=(?:物业|城管|保洁|环卫|供电|市政|自来水)[\u4e00-\u9fa5]{0,4}?(?:办理|处理|负责|清运|维修|修复|清理|上门|整改|返工))/gu, '交给'],
  // "2号七栋楼道灯交物业公司，三天内修好", "10号事项交由物业公司牵头整治": the unit, and nothing after it.
  [/交(?!给|钱|费|了|代|到|上|出)(?=(?:物业|城管|保洁|环卫|供电|市政|自来水|电梯维保|维保)[\u4e00-\u9fa5]{0,4}?(?=$|[，,。；;\s]|期限|限|联系|排查|上门|清运|检修|派人|安排))/gu, '交给'],
  [/(?<!转)交由/gu, '交给'],
  // "请物业公司牵头联系热力公司…": the unit that leads it is the one it goes to.
  [/(?:请|由)((?:物业公司|物业|城管|环卫|供电所|市政|热力公司))(?:牵头|负责)/gu, '交给$1，'],
  // "交物业公司联系楼上住户排查漏点": the unit, then what it is to do.
  [/(交给(?:物业公司|物业|城管|保洁|环卫|供电所|市政|热力公司|电梯维保公司|维保公司))(?=联系|排查|上门|清运|检修|派人|安排|督促)/gu, '$1，'],
  [/(交给[\u4e00-\u9fa5]{2,4}?)(?:跟进督办|督办)(?=$|[，,。；;\s])/gu, '$1'],
  // "限两日内清运完毕", "一并交热力公司 一个工作日", "跟10号一样加急": the days and the urgency said plainly.
  [/(\d{1,2}|[一二两三四五六七八九十]{1,3})日(?=内|之内|以内)/gu, '$1天'],
  [/(?<=[\s，,])((?:\d{1,2}|[一二两三四五])个?工作日)(?=$|[\s，,。])/gu, '限$1'],
  [/跟#?\d{1,6}号一样(?=加急|紧急|处理|办)/gu, ''],
  // "9号电梯加急，交物业公司": the priority said right after what it is.
  [/^(\s*#?\d{1,6}\s*号)(?:(?![不没别非算成为给弄设改是要])[\u4e00-\u9fa5]){1,4}?(加急|紧急)(?=[，,\s])/u, '$1$2'],
  // "…13号不用再管了 帮他撤了吧": withdrawn for the resident, the item named before.
  [/^((?:取消|算了)[\s，,。]+)?(.{0,30}?)#?(\d{1,6})\s*号((?:(?!合并|完成|办结|驳回|指派|紧急|加急|期限|分类|提醒|认领)[^。]){0,32}?)(?:帮(?:她|他|居民|老人))?(?:撤了吧|撤掉吧?|撤了|撤销)[。!！]*$/u, '$1$3号撤回 $2$4'],
  [/(交给[\u4e00-\u9fa5]{2,8}?)(?:牵头|负责)(?:整治|整改|协调|跟进|处理|处置|办理|落实)?(?:到位)?(?=$|[，,。；;\s])/gu, '$1'],
  // "列为重点": the priority meant.
  [/(?:列为|作为|定为)重点(?:(?:事项|问题)?(?:处理|督办)?)/gu, '设为紧急'],
  // "今天必须来人": by the end of today.
  [/(今天|明天)(?:必须|一定|务必|要)(?:来人|到位|修好|解决|处理好|弄好)/gu, '$1之内'],
  // "着物业公司请专业电工": the unit, then whom it is to call in.
  [/(^|[，,。；;\s]|号)着([\u4e00-\u9fa5]{2,6}?)(?=请|派|安排|找)/gu, '$1交给$2，'],
  [/请?(?:予以)?加急(?:处理|办理)?/gu, '加急'],
  // "分类有误，应归入安全隐患类": the category meant.
  [/分类(?:有误|不对|错了)(?:哈|啊|呀)?[，,\s]*(?:[^，,。\s]{1,8}?)?(?:应|应该)?(?:归入|归为|归到|归|为|是|改为|属于|算)(?=[\u4e00-\u9fa5])/gu, '分类改为'],
  [/(?:处理|办理)?如下[：:]/gu, '：'],
  [/(优先级|期限|分类|时限)[：:]\s*/gu, '$1'],
  [/(?:予以|准予)?重新受理/gu, '重新打开'],
  // "…这个需要街道协调 我转给李建国书记": handed on.
  [/(?:我)?(?:转|转交|移交)给([\u4e00-\u9fa5]{2,4}?)(?:书记|主任|经理|网格员|同志)?(?:处理|办理|了)?(?=$|[\s，,。])/gu, '交给$1'],
  // "…，孙网格长跟进，普通优先级": who follows it up, in a clause of its own.
  [/([，,\s])(?:仍然|仍|依然|依旧|继续|还是)?(?:让|叫|请|由)?(?:物业的?)?((?!我|你|他|她|咱|物业|让|叫|请|由|仍|依|继续|还是)[\u4e00-\u9fa5]{2,5}?)(?:来|去)?(?:跟进|牵头)(?=$|[，,。\s])/gu, '$1交给$2'],
  // "5号继续由周网格跟": who is to carry it on.
  [/(?:继续|还是|改|仍然|仍|依然|依旧)?(?<![交转给])由(?![我你])(?:物业的?)?([\u4e00-\u9fa5]{2,5}?)(?:来|去|继续)?(?:跟进|跟|负责|办理|处理|盯)(?:办理|处理|协调)?(?=$|[\s，,。；;])/gu, '交给$1'],
  // "17号盲道那个才是紧急的": the priority meant.
  [/(?<![不没])才是(?:紧急|加急)(?:的)?/gu, '设为紧急'],
  // "6号先定个两天期限": the deadline said first.
  [/(?:先)?定(?:个|一个|下)?(\d{1,2}|[一二两三四五六七八九十]{1,3})(个工作日|个?天)(?:的)?[，,\s]*(?:期限|时限)/gu, '，期限$1$2'],
  // "2号催一下物业 明天之前弄好": the limit is what is set; the unit is not in the chat to be nudged.
  [/(\d{1,6})\s*号\s*(?:再)?催(?:一下|下|促)?(?:物业(?:公司)?|供电所|[\u4e00-\u9fa5]{1,4}(?:公司|所|站|队|局))[\s，,]*(?=(?:明天|后天|今天|今晚|本周|这周|下周|周|星期|\d{1,2}天|[一二两三四五六七八九十]{1,2}天))/gu, '$1号 '],
  // "4号给物业 也是三天": the same limit as the one before, said again.
  [/(?<=[\s，,])(?:也是|也|同样|一样)(?:给)?(?:个)?(\d{1,2}|[一二两三四五六七八九十]{1,3})(个工作日|个?天)(?:内|之内)?(?=$|[\s，,。])/gu, '期限$1$2'],
  // "帮她把3号撤掉吧", "刘奶奶打电话来说3号不用了 撤了吧": withdrawn for the resident who asked.
  [/^(.*?)帮(?:她|他|居民|老人|人家)?(?:把)?\s*#?(\d{1,6})\s*号?(?:帮(?:她|他|居民|老人|人家))?(?:给)?撤(?:掉|了|回|销)?(?:吧|一下)?[。!！]*/u, '$2号撤回 $1'],
  [/^\s*#?(\d{1,6})\s*号?\s*帮(?:她|他|居民|老人|人家)(?:给)?撤(?:掉|了|回|销)?(?:吧|一下)?[，,。!！\s]*/u, '$1号撤回 '],
  [/^(.{0,16}?(?:说|来电|打电话|讲))\s*#?(\d{1,6})\s*号\s*(?:不用了|不要了|不需要了|不办了)[，,。\s]*(?:那就|就)?(?:撤了吧|撤掉吧?|撤回|撤销|撤了)[。!！]*$/u, '$2号撤回 $1不用了'],
  [/^\s*#?(\d{1,6})\s*号\s*((?:居民|她|他|本人|老人|家属)[^，,。]{0,8}?(?:不用了|不要了|不需要了))[，,。\s]*(?:帮(?:忙|他|她)?)?(?:撤了吧|撤掉吧?|撤回|撤销|撤了)[。!！🙏]*$/u, '$1号撤回 $2'],
  // "2号不算周师傅办结哈 居民儿子自己修好了 帮撤了吧🙏": the item first, the why, then withdraw it.
  [/^\s*#?(\d{1,6})\s*号\s*([^，,。]{0,16}[\s，,。]+[^。]{0,30}?(?:修好|弄好|解决|不用了|不要了|不需要了)了?(?:哈|啊|呀)?)[，,。\s]*帮(?:忙|他|她|居民)?(?:撤了吧|撤掉吧?|撤回|撤销|撤了)[。!！🙏\s]*$/u, '$1号撤回 $2'],
  [/(?:予以|准予)(?=办结|驳回|退回|加急|更正)/gu, ''],
  [/请予以?(?=加急|办结|驳回|更正|处理)/gu, ''],
];

// Shorthand whose plain form the parser knows: "3号不是紧急情况，改为普通", "15 门一直开着 急",
// "3 等配件 一周别提醒", "8 交保洁 今天清掉", "18 系统误登 并5", "让赵卫国去看一下吧".
const ID = '^\\s*#?(\\d{1,6})\\s*号?';
const SHORTHAND: Array<[RegExp, string | ((...a: string[]) => string)]> = [
  [new RegExp(`${ID}[^，,。]*?(?:不是|并非|不算|不属于)紧急[^，,。\\s]*(?:[，,。\\s]*(?:改为|改成|就|按)?(?:普通|一般|正常)[^，,。\\s]*)?[。！!]*$`, 'u'), '$1号改为普通'],
  // ("2号给老周 加急": the hand-over is said again with its number, not left without one.)
  [new RegExp(`${ID}\\s*(.*?)[，,\\s]+(?:急|急急|加急|紧急)[!！。]*$`, 'u'), (_m: string, id: string, rest: string) => (/^(?:交给|给|派给|让|由)/u.test(rest) ? `${id}号加急。${id}号${rest}` : `${id}号加急。${rest}`)],
  // "3号井盖的事列为紧急", "5号噪音改普通": the priority at the end of what the item is.
  [new RegExp(`${ID}(?![^，,。]*(?:不是|并非|不算))[^，,。]{0,12}?(?:请)?(?:列为|标为|设为|定为|改为|改成)(紧急|加急)(?:处理)?[。！!]*$`, 'u'), '$1号设为紧急'],
  [new RegExp(`${ID}[^，,。]{0,12}?(?:改|改为|改成|调为|调成)回?(?:普通|一般|正常)[。！!]*$`, 'u'), '$1号改为普通'],
  // "11号消防通道优先紧急": what it is, then 紧急 without a stop.
  [new RegExp(`${ID}[^，,。\\s]{1,10}?(?:优先|要|很|特别)(?:紧急|加急)[!！。]*$`, 'u'), '$1号加急'],
  // "6号紧急" as one entry of a list.
  [new RegExp(`${ID}\\s*(?:急|急急|加急|紧急)[!！。]*$`, 'u'), '$1号加急'],
  [new RegExp(`${ID}\\s*(.*?)[，,\\s]*(一周|一个?星期|一个?礼拜|\\d{1,2}天|[一二两三四五六七八九十]{1,2}天)(?:内|之内)?(?:先)?(?:别|不要|不用|暂停|不再)(?:提醒|催)(?:我)?了?[。！!]*$`, 'u'), '$1号 $2。暂停提醒 $1 $3'],
  [new RegExp(`${ID}(.*?)(?:并|合并到?)\\s*#?(\\d{1,6})\\s*号?[。！!]*$`, 'u'), '$1号并到$3号'],
  [new RegExp(`${ID}.*?(?:恢复|改回|还原)(?:为|成|到)?(?:已经?)?(?:确认|办结|完成)(?:的)?(?:状态)?[。！!]*$`, 'u'), '$1号恢复成已办结'],
  [/^(?:另外|还有|然后)?\s*(?:你们)?催(?:一下|催)?(?![他她我你])([\u4e00-\u9fa5]{2,6}?)[\s，,]+#?(\d{1,6})\s*号/u, '$2号交给$1，'],
  [/(今天|今日|明天)(?:上午|中午|下午|晚上)?(?:之?前)?(?:就|要|必须)?(?:清掉|清完|弄好|处理掉?|修好|办完|完成|清理掉?|搞定)(?:吧|哈)?(?=$|[，,。\s])/gu, '$1之内'],
  [new RegExp(`^(?!.*暂停提醒)(${ID.slice(1)}.*?\\s)(一周|一个?星期|\\d{1,2}天|[一二两三四五六七八九十]{1,2}天)[。！!]*$`, 'u'), '$1限$3'],
  [/(?:先)?(?:让|叫|麻烦)(?![他她我你上])(?:网格员|志愿者|社工)?([\u4e00-\u9fa5]{2,6}?)(?:那边|同志|师傅|大姐|大哥|阿姨)?(?:顺路|顺便|抽空|有空时?)?(今天|明天)?(?:上午|下午|晚上)?(?:就|先)?(?:去|来)?(?:看一下|看看|瞅瞅|处理一下|处理|弄一下|修一下|弄|挪开|清走|上门[^，,。]{0,8}|出面[^，,。]{0,12}|联系[^，,。]{0,8}|先(?:买|找|拿|放|挡|盖|拉)[^，,。]{0,12})(?:吧|哈|一下)?(?=$|[，,。\s]|期限|限)/gu, (m: string, who: string, day?: string) => (day ? `交给${who}，${day}之内` : `交给${who}`)],
  [/(?:你们)?催(?:一下|催)(?![他她我你])([\u4e00-\u9fa5]{2,6}?)(?=$|[，,。])/gu, '交给$1'],
  // "1号写的啥呀…查一下": the office looks at it; nothing is passed on.
  [new RegExp(`${ID}.*?(?:查一下|查查|查下|看一下是啥)[吧啊呀。!！]*$`, 'u'), '查询 $1'],
  // "13号14号说的是同一个井盖 合并": the later into the earlier.
  // ("8号跟4号是一个事 合并了 另外催一下物业…": the merge, then another order of its own.)
  [new RegExp(`^\\s*#?(\\d{1,6})\\s*号\\s*(?:和|跟|与)?\\s*(\\d{1,6})号[^。]*?(?:合并|并了|并一起)(?:一下|了|吧)?[。，,\\s]*(?:另外|还有|然后|再)\\s*`, 'u'), (_m: string, a: string, b: string) => `${later(a, b)}号并到${earlier(a, b)}号。`],
  [new RegExp(`^\\s*#?(\\d{1,6})\\s*号\\s*(?:和|跟|与)?\\s*(\\d{1,6})号[^。]*?(?:合并|并了|并一起)(?:一下|了|吧)?[。，,\\s]*(?!一下[。！!\\s]*$)(?=[^了吧啊。！!\\s])`, 'u'), (_m: string, a: string, b: string) => `${later(a, b)}号并到${earlier(a, b)}号。${earlier(a, b)}号`],
  [new RegExp(`^\\s*#?(\\d{1,6})\\s*号\\s*(?:和|跟|与)?\\s*(\\d{1,6})号[^。]*?(?:合并|并了|并一起)(?:一下|了|吧)?[。，,！!\\s]*$`, 'u'), (_m: string, a: string, b: string) => `${later(a, b)}号并到${earlier(a, b)}号`],
  // "13号门禁给周网格": the item's name, then whom it goes to.
  [new RegExp(`${ID}(?:(?![我你他她已了刚都也就给交派转分])[\u4e00-\u9fa5]){1,8}?(?:那个|那件|的事)?(?:也|就)?(?:给|交给|派给)(?=[\u4e00-\u9fa5]{2,6}(?:$|[\\s，,。]|期限|紧急|去|来|办|处理))`, 'u'), '$1号交给'],
  // "4号那个陪老人看病的让马建国去", "14号漏水 物业张师傅去看一下": who is to go.
  [new RegExp(`${ID}(.*?)(?:让|叫)(?![他她我你上大咱])([\u4e00-\u9fa5]{2,4}?)(?:去|来)(?:吧|一趟)?[。！!]*$`, 'u'), '$1号 $2 交给$3'],
  [new RegExp(`${ID}([^，,。\\s]{0,8})\\s+(?:物业(?:公司)?的?)?((?!我|你|他|她|咱|大家|交|给|派|让|叫|由)[\u4e00-\u9fa5]{2,4}?)(?:去|来)(?:看一下|看看|处理一下|修一下|弄一下)`, 'u'), '$1号 $2 交给$3，'],
  // "16号指派错了 应该是周网格本人": the hand-over put right.
  [new RegExp(`${ID}\\s*(?:指派|派|交|分)错了?[，,。\\s]*(?:应该|应)?(?:是|给|派给|交给)([\u4e00-\u9fa5]{2,6}?)(?:本人|才对)?(?:吧|啊)?[。！!]*$`, 'u'), '$1号交给$2'],
  // "12号现在哪个在办", "17号现在什么status": the office asks where it stands.
  [new RegExp(`${ID}[^，,。]{0,10}?(?:现在|目前)?(?:是)?(?:谁|哪个|哪位|什么人)(?:在|负责)(?:办|管|弄|跟|处理)?(?:呢|啊|呀)?[?？]*(?:[\\s，,]*(?:到|办到|弄到|进展到)?哪一?步了?[?？]*)?$`, 'u'), '查询 $1'],
  [new RegExp(`${ID}\\s*(?:现在|目前)?(?:是)?(?:什么|啥)(?:状态|情况|进度|status)(?:了|呢|啊)?[?？]*$`, 'iu'), '查询 $1'],
  // "7号单车棚那个锁，交给赵卫国": the item, then whom it goes to.
  [new RegExp(`${ID}(?![^，,。]*(?:加急|紧急|期限|分类|普通|并到|驳回|暂停|重新打开|重开|打开|撤回|恢复|办结|完成))[^，,。]*[，,]\\s*交给`, 'u'), '$1号交给'],
];

const later = (a: string, b: string) => String(Math.max(Number(a), Number(b)));
const earlier = (a: string, b: string) => String(Math.min(Number(a), Number(b)));

// "3号：1、…；2、…": list markers after an item's number, not items.
const ITEM_LEAD = /^\s*#?\d{1,6}\s*号?[^：:，,。]{0,6}[：:]/u;
const LIST_MARK = /(?<=[：:；;，,。\s])[1-9一二三四五六七八九][、．.)）](?!\d)/gu;

/** An official's message with the 公文 formulas said plainly; other text as it was. */
export function plainOfficeWords(text: string): string {
  // "1、15号交给王思远 2、16号期限改到下周五 3、10号紧急": each entry said plainly on its own.
  // ("3号处理如下：1、分类改为…；2、期限…": settings of one item, read below with its number.)
  // "8号…派给物业，期限五个工作日；5号噪音改普通；12号催一下蓝天宇": each sentence about its item too.
  const list = tableAsSentences(text) === null ? (listAsSentences(text) ?? text).split(/[。；;\n]+/u).filter((s) => s.trim() !== '') : [];
  const withIds = list.filter((s) => itemIdsIn(normalizeText(s)).length > 0).length;
  // ("23号：1、交物业公司…；2、期限3个工作日。24号…": an entry without a number is its item's.)
  if (withIds >= 2) return ownEntries(list).map(plainOfficeWords).join('。');
  // "1.2号件优先级调紧急 2.期限三天 3.分类改安全隐患": one item's settings, listed.
  if (withIds === 1 && list.length >= 2 && !ITEM_LEAD.test(text) && listAsSentences(text) !== null && itemIdsIn(normalizeText(list[0]!)).length > 0) text = list.join('，');
  const table = tableAsSentences(text);
  const spoken = table === null ? plainSpokenWords(eachGetsTheTail(text)) : text;
  // Dictation cut into sentences ("…合并了。催一下物业 4号…"): each about its own item, as above.
  if (table === null && spoken !== text && spoken.split(/[。；;\n]+/u).filter((s) => itemIdsIn(normalizeText(s)).length > 0).length >= 2 && withIds < 2) return plainOfficeWords(spoken);
  let out = table ?? spoken;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  // Each clause about its own item is said plainly on its own ("12号…给小何，13号门禁给周网格").
  const clauses = itemClauses(out);
  const ofItems = clauses.filter((c) => itemIdsIn(normalizeText(c)).some((m) => /[号#]/u.test(c.slice(m.index, m.index + m.length)))).length >= 2;
  out = ofItems ? clauses.map(shorthand).join('') : shorthand(out);
  if (ITEM_LEAD.test(out)) out = out.replace(LIST_MARK, '').replace(/[；;]/gu, '，');
  return out;
}

/** Sentences without an item number that set something ("期限3个工作日") joined to the one before. */
function ownEntries(list: string[]): string[] {
  const out: string[] = [];
  for (const s of list) {
    if (out.length > 0 && itemIdsIn(normalizeText(s)).length === 0 && SETTING_ENTRY.test(s.trim())) out[out.length - 1] += `，${s.trim()}`;
    else out.push(s);
  }
  return out;
}
const SETTING_ENTRY = /^(?:\d[、.．)）]\s*)?(?:期限|限|时限|分类|设为|设成|改为|加急|紧急|优先|交给|交|派给)/u;

/** The shorthand of one clause said plainly; "另外4号…" is read from its number. */
function shorthand(clause: string): string {
  const lead = /^[\s,，]*(?:另外|还有|然后|以及)?\s*/u.exec(clause)![0];
  let out = clause.slice(lead.length);
  for (const [re, to] of SHORTHAND) out = typeof to === 'string' ? out.replace(re, to) : out.replace(re, to as (...a: string[]) => string);
  // ("12号跟11号是一个事 合并 11号交…": a clause said plainly still ends where it did.)
  const trail = /[\s,，。；;!！]*$/u.exec(clause)![0];
  return lead + (trail !== '' && !/[\s,，。；;!！]$/u.test(out) ? `${out}${trail}` : out);
}

/**
 * An official's message as the bot reads it: said plainly when that makes commands of it, else as
 * typed, so that news and words for a resident reach them in the official's own words.
 */
export function officeCommands(text: string): string {
  const plain = plainOfficeWords(text);
  if (plain === text) return text;
  const cmd = parseCommand(plain);
  return parseCommands(plain) !== null || (cmd.type !== 'text' && cmd.type !== 'empty' && cmd.type !== 'invalid') ? plain : text;
}
