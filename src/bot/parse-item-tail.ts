import { LATER_WORK, UNDER_WAY } from './talk-about.ts';
import { confirmArgs } from './confirm-args.ts';
import { findRating } from './find-rating.ts';
import type { Command } from './command-types.ts';
import { officialTail } from './parse-official-tail.ts';
import { DEFAULT_SNOOZE_DAYS, MAX_SNOOZE_DAYS, snoozeDays } from './snooze-days.ts';
import { dayRef } from './working-days.ts';
import { DEFAULT_CATEGORIES } from '../domain/types.ts';

// What people say after an item number, and what it makes: "…怎么样了" asks, "…我来" takes it on,
// "…修好了" is done, "…先别提醒我了" pauses. Each pattern covers the whole tail (fillers aside);
// parse-free-order.ts finds the number and what stands before it.

/** What follows an item number when someone asks about it: "12号怎么样了", "#12 有人管吗". */
export const STATUS_TAIL =
  /^(?:的)?(?:现在)?(?:进展|进度|情况|状态|处理|办理|修|办)?(?:得|的)?(?:怎么样|咋样|怎样|如何|到哪(?:一步|儿|里)?|什么情况|啥情况|查询|查一下|有人(?:管|认领|接|处理|跟进)|有没有人(?:管|认领|接|处理)|有消息|有进展|进展|进度|情况|状态|(?:修|办|弄|处理|搞)(?:好|完)?(?:了)?(?:没|没有)|(?:现在)?谁在?(?:管|负责|处理|办|跟|弄|修|搞)|谁接了?|(?:是)?谁(?:办|弄|修|接|管)的|点样|搞成点|而家(?:搞成)?点|搞咗未|搞掂未|有冇(?:人)?(?:嚟|来)|整好没|弄好没|(?:咋|怎么)(?:还)?没(?:有)?人(?:管|来|修|认领|处理)?|(?:还)?没(?:有)?人(?:管|认领|接|处理)|有人管没|(?:什么|啥)时候(?:能|可以|来)?(?:修|弄|办|处理)?(?:好|完)?|(?:要)?多久|几天能?(?:修|弄|办)?(?:好|完)?)(?:了|啊|呀|呢)*$/u;

const DISPUTE_TAIL =
  /^(?:我)?(?:(?:很|非常|特别)?不满意|重办|有问题|(?:还|都)?没(?:有)?(?:修|弄|办|处理|解决|搞)(?:好|完)?|还没(?:有)?(?:好|来|人来)|根本没|没人来|没有人来|还是(?:老样子|那样|一样|没好|坏的|不行|不亮|漏|堵|有问题)|老样子|又(?:坏|不亮|漏|堵|停|出问题|不行)|不行)/u;
const DISPUTE_WORD = /^(?:我)?(?:(?:很|非常|特别)?不满意|重办)[\s,，。:：]*/u;
const CONFIRM_WORD = /^(?:我)?(?:已)?(?:确认|评价)(?:一下|下)?[\s,，。:：]*/u;
const PRAISE_ONLY = /^(?:[\s,，。.!！]|(?:刚刚|刚才)?(?:忘(?:记)?|漏)(?:了)?(?:打分|评分|打星)了?|挺好的?|很好|非常好|真好|不错|好的|谢谢|感谢|辛苦了|修好了|已经修好了|已经好了|满意)*$/u;
const WITHDRAW_TAIL =
  /^(?:我)?(?:要|想)?(?:撤回|撤销|撤了?|撤掉|不要了?|不需要了?|不用了?|取消|作废|不办了?|不想要了?|不用(?:弄|修|办|管|来|处理)了?|(?:覅|别|不要)(?:再)?(?:弄|修|来|办|管|麻烦)了)(?:吧|啦)?(?:[\s,，。:：]+([\s\S]*))?$/u;
const RELEASE_TAIL =
  /^(?:我)?(?:还是|只能|就)?(?:放弃|退出|退单|(?:做|来|去|办|弄|干|搞|接|跑)不(?:了|成|过来)?(?:了)?|不(?:做|来|去|办|弄|干|接|管)(?:了)?|没空|没时间|有事|(?:还是)?(?:交给|让|换)(?:别人|其他人|别的人|别的志愿者)(?:来|去)?(?:做|办|接|弄)?(?:吧)?|(?:还是)?换个?人(?:吧)?)(?:吧|了|啦)?(?:[\s,，。:：]*([\s\S]*))?$/u;
const CLOSED_SAID = /(?:^|[\s,，。])(?:可以|能)(?:办)?结(?:了|啦)?(?=$|[\s,，。!！])/u; // "…电工下午来换了灯泡…可以结了": closed, said so
const DONE_PREFIX = '(?:我们?|这边|今天|刚才|刚刚|上午|下午|昨天|晚上|刚|已经?|都|已|也|终于)*';
const DONE_TAIL = new RegExp(
  `^${DONE_PREFIX}(?:完成|办结|办完|办好|做完|做好|修好|修完|弄好|搞定|(?:搬|送|装|换|清|扛|剪|剃|理|洗|陪|抹|刷|铺|贴|补|焊|垫)(?:完|好)|(?<=已|已经)(?:挂上|约上|订上|交上|缴上|挂好|约好)|处理好|处理完(?:毕)?|(?<=已|已经)处理(?!中)|解决|完工|换好|装好|送到|送好|送过去|买好|修复|更换好?|清理(?:干净|完|好)?|清好|打扫干净|结(?=了)|协调好|谈好|ok|done|finished|好)(?:了|啦)?(?:[\\s,，。.;；!！:：]+([\\s\\S]*))?$`,
  'iu',
);
// "12号已经送到老人家里了": what was done, said in one breath; the whole of it is the note.
const DONE_SAID = new RegExp(`^${DONE_PREFIX}(?:送到|送去|送过去|修好|换好|装好|买好|清理干净|打扫干净|联系好)(?:了)?[\\u4e00-\\u9fa5]`, 'u');
const CLAIM_TAIL =
  /^(?:我们?(?:周末|明天|后天|下午|晚上|改天|抽空|有空)(?:一起|顺便|过去|去)?(?:弄|修|装|办|做|搞|换)(?:了|吧)?(?=$|[\s,，。])|(?:我们?(?:自己)?|由我|让我)(?:马上|现在|这就|今天|明天|下午|上午|晚上|一会儿?|待会儿?|等下|周末)?(?:来|去)(?:认领|接单|接|领|负责|办|做|处理|跟进|协调|跟(?![你他她您]|着)|帮忙完成|帮忙解决|帮忙办|帮忙|帮|包|弄|修|看看|看一下|跑一趟|去一趟|搞定|完成|解决)?|我们?(?:自己)?(?:可以|能)?(?:认领|接单|接|领|负责|要|包|可以|能做|能办|能去|去|帮忙|来办|来做)|交给我|给我|归我|认领|接单)(?:一下|吧|了|嘛|呗|哈)*(?:[\s,，。;；!！]+([\s\S]*))?$/u;
const CLAIM_MORE = /(?:^|[\s,，。])?(?<![不没])我也(?:认领|接了|领了|来接)(?:了|吧|啦)?(?=$|[\s,，。!！])|(?:^|[\s,，。])(?:[Ii]'?ll take (?:it|this)|[Ii] take (?:it|this)|[Ii]'?ve got (?:it|this)|[Oo]n it)(?=$|[\s,，。!！])|^(?:我(?:马上|这就|立刻|现在)(?:到|过来|过去|上来)|我(?:开车)?(?:送|陪)(?:吧)?(?=$|[\s,，。!！])|(?:顺手)?(?:也)?(?:接|包|领)(?:了|啦)|我(?:也)?(?:拿|包|领)(?:了|啦)?(?=$|[\s,，。!！]))|(?:^|[\s,，。])我(?:自己)?(?:去|来)(?:调解|协调|跟进)(?:吧)?$|(?:^|[\s,，。!！])(?:冲鸭?|冲冲冲|(?<=[\s,，。!！])接了?|(?:也)?算我的)[!！]*$|我熟[^，。]{0,2}(?:$|[\s,，。])|(?:周[一二三四五六日]|明天|后天|今晚|下午)[^，。\s]{0,4}过去(?:吧)?[!！。]*$/u;
// "3号灯换好了", "十号空调修好了 加了点氟", "19号找到了 …": a thing and what was done to it, in the
// first clause; "… 草丛里也弄干净了 搞定", "21号 管子接好了 完成": the done word last.
const DONE_CLAUSE = /^[^\s,，。;；!！]{0,14}?(?<!没|不|未|没有|还没|没给|没帮|没有给|没替)(?:(?:修|换|弄|装|接|处理|办|做|搞|清理|打扫|送|收拾|疏通|通|找|重新弄|重新处理|安排|调解|上|查|复查|检查|陪|解决|理|剪|剃|洗|调|抹|刷|铺|贴|交|缴|充|付|补|垫|焊)(?:好|完|到|通|干净)(?:了|啦)?|(?:换|装|补|焊)(?:上)?了|(?:教|学)会了|(?:搬|送|拿|扛)(?:下去|上去|过去|回去)(?:了|(?=$))|(?:下水道|管子|水管|马桶|管道)(?:已经)?通(?:了|(?=$)))(?=$|[\s,，。;；!！])/u;
const DONE_LAST = /^([\s\S]*?[^\s,，。])(?:[\s,，。;；!！]+(?:这个|这单|就|这事儿?|两个都|都|全都|全部)?(?:算)?(?<![内前要得须快紧让请])(?:搞定|完成|办结|办完|弄完|齐活|完事|ok|OK|done)(?:了|啦|吧)?[。.!！✅]*|(?<=^[\u4e00-\u9fa5]{1,6})(?<!算|算是|是否|没)(?:搞定|完成|办结)(?:了|啦)?)$/u;
// "我去弄一下", "我看看去", "我马上过去", "我来找": someone setting off to do it.
const SETTING_OFF =
  /^我们?(?:也)?(?:能|可以)(?:去|来|帮)(?:吧)?$|^(?:我们?)?(?:明天|后天|下午|上午|晚上|今晚|周末)(?:就)?(?:去|来|过去)(?:吧)?$|^(?:我们?|我这边)(?:马上|现在|这就|立刻|一会儿?|待会儿?|等下|下午|上午|明天|今天|后天|晚上|周末|先){0,2}(?:就)?(?:过去看看?|过去看一下|过去|去找|来找|去看看?|来看看?|看看去|去看一下|去弄|来弄|去办|来办|去处理|来处理|去修|来修|去帮忙|来帮忙|去送|来送|去跑一趟)(?:一下|下)?(?:吧)?(?:[\s,，。;；!！]+[\s\S]*)?$/u;
// "我们单元也漏水", "我们楼也这样", "我家那边也是": the same trouble here too.
const SAME_HERE = /^(?:我|我们|我家|我们家|咱|咱们)(?:这边|那边|这里|单元|楼|楼里|楼道|小区|家|屋头|屋里)?(?:也|同样)(?!去|来|做|帮|可以|能|会|接)[\u4e00-\u9fa5]{0,12}(?:\s+[\u4e00-\u9fa5\d]{1,10})?$/u;
// "6号先别提醒我了 过两天再说", "6号暂停提醒三天": no reminders for a while.
const SNOOZE_TAIL = /^(?:先|暂时|这几天|这两天)*(?:别|不要|暂停|停止?|暂时别|先别)(?:再)?(?:提醒|催)(?:我)?(?:了)?\s*([\s\S]*)$/u;
// "13号正在处理 电工下午来", "4号有进展了 供电所说…", "已经报给供电所了": how it is going.
const PROGRESS_SAID =
  /^(?!我|那天|今天|明天|昨天)[\u4e00-\u9fa5]{0,4}?(?:有(?:新)?进展了|正在(?:处理|修|查|办|联系|弄|装|换|跟进|协调|等|检查|排查|解决)|在(?:处理|办|修|弄|联系|跟进|等)|已经?(?:报给|联系|约了|约好|通知|找了|找好|反映给|上报|交给|报修|买了|买好|救出|(?:跟|和|向|给)[\u4e00-\u9fa5]{1,6}(?:说|讲|反映|联系|打了招呼|打了电话))|(?:买好|约好|联系好|问过|问好)了|还在|等(?:配件|师傅|物业|厂家|回复))/u;
// "…阀门没关严 已经处理好了": done said in a later clause.
const DONE_ANY = /(?:^|[\s,，。;；!！])(?:[\u4e00-\u9fa5]{0,4}?(?:已经?|都)(?:处理|修|弄|办|搞|换|装|解决|清理|调)(?:好|完|掉)(?:了|啦)?|能用了?|好使了?|可以用了?|不漏了?|完事了?|(?:已经?)?重新(?:接|修|换|装|弄|处理|搞|安)好了?|(?:这回|现在|终于)(?:彻底|完全|都)?(?:亮|通|好|不漏|能用)了|[\u4e00-\u9fa5]{0,4}已经?送(?:到|回|去)[\u4e00-\u9fa5]{0,8}了|送上(?:去|楼|来)了|[\u4e00-\u9fa5]{0,4}(?<!没|不|未)(?:拧|装|接|换|修|整|弄)(?:上|好|起)了|[\u4e00-\u9fa5]{0,4}(?<!没|不|未|还没)(?:清运|运走|拉走|清|扫|收拾|处理|送)(?:完|好|到)?了|(?:应该)?没(?:问题|事)了|搞掂了?|[\u4e00-\u9fa5]{0,6}(?:都|已经?)(?:挪|搬|清|拉|运|拖)走了|[\u4e00-\u9fa5]{0,8}(?:已经|都|现在)?(?:会用|正常|恢复正常|盖好|不返水|不冒水)(?:了|$)|不(?:滴|漏|滑|响|堵|晃)(?:了|$)|[\u4e00-\u9fa5]{0,6}已(?:经)?更换[\u4e00-\u9fa5]{0,6}|(?:全部|都)?恢复(?:照明|正常|供水|供电)|算(?:是)?(?:协调|处理|解决|办|谈)好了|(?:装|放|搬|送)回(?:去|来|原处)了|送[\u4e00-\u9fa5]{0,2}到家了|换了(?:个|一个)?新[\u4e00-\u9fa5]{0,4}|(?:已经?|都)(?:完成|办完|弄完)(?:了|$)|(?:这单|这个|这件)?(?:我)?(?:先|就)?(?:结(?:了|$)|结掉|结案)(?:吧)?|[\u4e00-\u9fa5]{0,6}已经把[\u4e00-\u9fa5]{1,8}(?:清|弄|修|换|搞|处理|打扫|收拾)(?:干净|好|完)(?:了|$)|[\u4e00-\u9fa5]{0,6}(?:撒|铲|扫|清|运)完[\u4e00-\u9fa5]{0,2}(?:了|$))(?:$|[\s,，。;；!！])|^[\u4e00-\u9fa5]{0,6}?(?:已经?)?送(?:到|去|过去)[\u4e00-\u9fa5]{0,8}(?:了|啦)?$|^完事/u;
// "燃气公司的人已经到了 正在查管道", "明天上午去装": under way ("15号我正在上班" is not: a verb of the work).
const PROGRESS_ANY = /正在(?:处理|修|查|办|联系|弄|装|换|跟进|协调|等|检查|排查|解决|往|送)|^约(?:了|好了)|已经到了|已经来了|人到了|送医院|打了12345|已经打了|(?:明天|后天)(?:上午|下午|晚上)?(?:再)?去(?:装|换|修|送|弄|看)|(?:明天|后天|下午|晚上|回头|改天)(?:再)?(?:找|叫|约|请)[\u4e00-\u9fa5]{1,4}?(?:来|去)/u;
// "…我也不懂 还是退了吧", "…我接了".
const RELEASE_ANY = /(?:^|[\s,，。;；!！])(?:我|俺)?(?:还是退了?吧?|放弃(?:了|吧)|退了吧?|不弄了|弄不了了?|不接了|交给别人吧?|(?:只能)?(?:退|放)回去(?:了|吧)?|让给别人(?:吧)?)(?:$|[\s,，。;；!！])/u;
// "我陪赵奶奶去吧": going with someone is taking it on; "已经陪奶奶去过医院了" is having done it.
// "我去敲门说说", "明天给李大爷送过去": setting off to do it.
const CLAIM_SAID = /^我们?(?:顺路|顺便|正好顺路)(?:$|[\s,，。])|^(?:我们?)?(?:下班|放学|一会儿?|等下|待会儿?|明天|今晚|晚上|下午|上午)?(?:就|后)?(?:顺路|顺便|抽空)(?:就)?(?:去|过去)(?:换|修|弄|看|送|买|拿|帮|处理|清|扛|搬)(?:一下)?(?:吧)?$|(?:^|[\s,，。])(?:下班|放学|一会儿?|等下|待会儿?)(?:就|后)?(?:过去|去)(?:吧)?$|(?:^|[\s,，。])我们?(?:先)?(?:去|来)(?:敲门|说说|问问|劝劝|沟通|协调|调解|整|弄|修)(?:一下|说说)?(?:吧)?(?:$|[\s,，。])|^我们?(?:来|去)(?:教|陪|帮|给)[\u4e00-\u9fa5]{1,6}?(?:吧|嘛)?(?:$|[\s,，。])|^我们?(?:接着|继续|接手)(?:弄|做|办|跟|管)?(?:吧|嘛)?(?:$|[\s,，。])|(?:明天|今天|下午|晚上|一会儿?|周末)(?:就)?给[\u4e00-\u9fa5]{1,6}?送(?:过去|去)(?:吧)?$/u;
const ACCOMPANY_CLAIM = /^我们?(?:来|去)?陪[\u4e00-\u9fa5]{1,6}?(?:去|过去|一起去|走一趟)(?:吧)?(?:$|[\s,，。;；!！])/u;
const ACCOMPANY_DONE = /^(?:我们?)?(?:(?:已经?|刚|刚刚)陪[\u4e00-\u9fa5]{1,8}?(?:去过|去了|看过|看完|回来)|陪[\u4e00-\u9fa5]{1,8}?(?:看完|去过|办完))/u;
// "到了 看了下是阀芯坏了 …", "我已经联系燃气公司了": there and on it (a verb of the work, not 我在上班).
const PROGRESS_VISITED = /^(?:我们?)?(?:已经|刚|刚刚)?(?:到了|到现场了|去了|去看了|看了下?|看过了|去看过了|上去看了)(?=$|[\s,，。;；])|^我们?(?:已经?|刚|刚刚)(?:报给|联系了?|约了|约好|通知了?|找了|找好|反映给|上报|报修|打了电话|打电话给)/u;
// "我这周出差去不了了 谁能帮忙接一下": giving it back, said anywhere.
const RELEASE_SAID = /(?:先放了(?=$|[\s,，。!！吧啊])|放了吧|搞不赢|忙不过来|腾不出(?:手|空|时间)|(?:哥|姐|叔|姨|师傅)[^，。]{0,4}帮我接(?:一下|下)?|回不来|去不了了|来不了了|顾不上了|接不了了|弄不了了|做不了了|办不了了|整不动|弄不动|搞不定|先撂这儿了?|撂下了|先不接(?:了)?(?=$|[\s,，。])|我不接(?:了)?(?=$|[\s,，。])|先放一放|让别人接吧)|谁(?:能|来|可以)(?:帮忙)?接(?:一下|手|过去)/u;
// "路灯我去看看", "楼道灯那个我明天上午过去": the thing named before 我 and what they do.
// "电梯修好没有", "头发理好了", "这回彻底好了": a thing, then what became of it.
const OBJECT_NOUN = /^[\u4e00-\u9fa5]{1,4}?(?=(?:已经|都|又|还|这回|终于)?(?:修|弄|换|装|理|剪|清|处理|办|搞|送|教|学)(?:好|完|到|会|干净)|已经|这回)/u;
const OBJECT_BEFORE_ME = /^[\u4e00-\u9fa5]{1,5}?(?:那个|这个|的事|的活)?(?=我们?(?:来|去|接|认领|明天|今天|后天|下午|上午|晚上|马上|这就|现在|陪|自己|已经))/u;
const CLAIM_ANY = /(?:^|[\s,，。;；!！])(?:我接了|我来接|我认领了?|这个我来|我来帮忙|我来弄|我来办)(?:吧)?$|^[\u4e00-\u9fa5]{0,4}归我(?:了|吧|啦)?(?=$|[\s,，。])|(?:^|[\s,，。])(?:我)?马上(?:就)?(?:到|过去|去)(?:$|[\s,，。])|^我(?:这就|马上|立马|现在就)(?:去|过去|赶过去)/u;
// "一号那个灯到底咋回事啊", "咋还没修好": asking about it.
const STATUS_ANY = /咋整了|有人来没有?|咋没动静|怎么没动静|还没人修|咋回事|怎么回事|咋还没|怎么还没|到底(?:怎么样|咋样|修没修|弄没弄|有没有人)|有没有人管|有人管没有|啥情况|什么情况/u;
// "垃圾的事", "灯的那个": what the item is about, before what is said of it.
const OBJECT_LEAD = /^[\u4e00-\u9fa5]{1,6}?(?:的事情?|的活儿?|的那个|那个事|那件事|的问题|这个|那个|的)(?=我|已|都|刚|修|换|弄|装|接|处理|办|做|搞|交给|派给|转给|改成|改为|设成|设为)|^[\u4e00-\u9fa5]{1,3}(?=交给|交(?=[\u4e00-\u9fa5]{2,6}(?:处理|$|[\s,，。]))|转给|派给)/u;
const SUPPORT_TAIL =
  /^(?:\+1|附议|加一|我也是|我家也是|我们也是|我这也是|我这边也是|我也一样|我家也一样|一样|同样|同问|同上|也是|我也遇到(?:过)?|我家也这样|我也有这个问题|我家也有这个问题|我们楼也是|我们这也是|我们这边也是|我家也有|我们也有|我(?:也)?附议|算我一票|我也赞成|我赞成|我(?:家|们|们家|们楼)?也有(?:同样的|一样的|这个|这种)(?:问题|情况)|同样的问题|一样的问题)$/u;
const PROGRESS_TAIL = /^(?:的)?(?:进展|进度|更新|跟进)(?:[\s:：,，]+|是)/u;

// "你帮我问问她", "给赵姐带个话": the bot asked to pass a question on.
const ASK_THEM = /(?:你|麻烦你|请你)?(?:帮我|帮忙|替我)?(?:问问|问一下|问一声)(?:她|他|提出人|居民|住户|老人家?|[\u4e00-\u9fa5]{1,2}(?:姐|哥|叔|姨|大爷|大妈|奶奶|爷爷|老师|师傅))|(?:给|跟)[\u4e00-\u9fa5]{1,4}?带个?话|捎个?话/u;
const ASK_THEM_WORDS = /[\s,，。]*(?:不是查[\s,，。]*)?(?:是)?(?:让你)?(?:你|麻烦你|请你)?(?:帮我|帮忙|替我)?(?:问问|问一下|问一声)(?:她|他|提出人|居民|住户|老人家?|[\u4e00-\u9fa5]{1,2}(?:姐|哥|叔|姨|大爷|大妈|奶奶|爷爷|老师|师傅))(?:吧|呗|哈)?|(?:给|跟)[\u4e00-\u9fa5]{1,4}?带个?话/gu;

// "12号办得很好，谢谢": praise without a rating still confirms.
const PRAISE_TAIL = /^(?:办|修|弄|处理|做|干)得(?:很|挺|非常|特别|真|太)?(?:好|不错|快|及时|棒|漂亮|满意)/u;
// "灯泡换了 还是不亮 估计线路问题": something done, and the trouble still there — news, not done.
const DONE_VOICE = /(?<![不没未])(?:现在|这回|终于|已经|灯)(?:又|都|也)?(?:亮|通|好使|能用)了/u;
const STILL_BROKEN = /还是(?:不|没|坏|臭|漏|堵|响|滴)|(?:^|[\s,，。])[^，。\s]{0,6}得(?:物业|找|让|叫|请|等)|没(?:给|帮)(?:修|弄|办)好|还没(?:好|修好|弄好)|没(?:修好|弄好|解决)|估计是?|还得/u;

/** A command from what follows an item number (normalised `tail`, `rawTail` as typed), or null. */
export function fromTail(id: number, tail: string, rawTail: string, asked: boolean, hash: boolean): Command | null {
  // "17号大概哪天送过去？奶奶家米快吃完了", "15号修好了伐 …": the first clause asks (伐 is 吗 in 吴语).
  // "2号那个灯啥时候能修好啊": when, not that it is.
  const question = asked || /^[^\s,，。;；!！]{0,16}(?:[?？]|(?:吗|么|伐|没有?)(?=$|[\s,，。?？]))/u.test(tail) || /^[^\s,，。;；!！]{0,8}(?:啥时候|什么时候|几时|哪天|多久)/u.test(tail);
  // "11号还没焊呢，礼拜三才来，怎么就算办结了？": asked, but a dispute.
  if (/(?:怎么|咋)就(?:算)?(?:办结|完成|结|修好)(?:了|$)|这叫(?:修好|办好|办结)/u.test(tail)) return { type: 'dispute', id, reason: rawTail.trim() };
  // "4号呢": how it goes.
  if (/^(?:呢|嘞|咧|啦)[?？]*$/u.test(tail) || (tail === '' && /^\s*(?:呢|嘞)[?？]*\s*$/u.test(rawTail))) return { type: 'status', id };
  // "3号 13845102266": a phone number given for the other side, never a score.
  if (/^(?:我的?)?(?:电话|手机|号码)?[\s:：是]*1\d{10}(?:\s|$)/u.test(tail) || /^\d{3,4}-?\d{7,8}$/u.test(tail.trim())) return { type: 'tell', id, note: rawTail.trim() };
  // "8号 进度：视频通话教会了，健康码下周再去教": said to be progress.
  if (/^(?:进度|进展)[\s:：，,。]/u.test(tail)) return { type: 'progress', id, note: rawTail.replace(/^\s*(?:进度|进展)[\s:：，,。]*/u, '').trim() };
  // "2号 跟志愿者说药是硝苯地平缓释片": words to pass on to the other side.
  const passOn = /^(?:跟|和|给|替我跟)([\u4e00-\u9fa5]{1,5}?)(?:(?:说|讲)(?!好|过|了|定)|带个话)(?:一下|一声)?[\s,，:：]*(\S[\s\S]*)$/u.exec(tail);
  if (passOn) return { type: 'tell', id, note: rawTail.slice(passOn[0].length - passOn[2]!.length).trim() };
  // "14号我接了，杨师傅晓不晓得是哪家…？", "23号理发我来 …李爷爷方便吗": taken on first; the question is the resident's.
  if (asked && /^(?:[\u4e00-\u9fa5]{1,10}?(?:那个|的事)?我们?(?=来|接)|我们?)?(?:接了|来了?|来吧|认领了?|接下了)[\s,，。]/u.test(tail)) return { type: 'claim', id };
  if (/^(?:完了|完事|中了|好了|妥了|齐活|搞掂)(?:啊|啦|哈)?[\s。.!！]*$/u.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  const told = fromTailWords(id, tail, rawTail, question, hash);
  // "垃圾是拉走了 可桶子没冲洗…这个不算办好吧": the completion itself disputed. ("16 完了": done in one word, above.)
  if (told?.type === 'done' && !question && /不算(?:是)?(?:办好|修好|办完|弄好|好|完)|这也叫|哪能算|怎么能算|咋能算|不能算/u.test(tail)) return { type: 'dispute', id, reason: rawTail.trim() };
  if ((told?.type === 'done' || told?.type === 'progress') && !question && CLOSED_SAID.test(tail) && !STILL_BROKEN.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  if (told?.type === 'done' && (STILL_BROKEN.test(tail) || LATER_WORK.test(tail) || UNDER_WAY.test(tail)) && !question) return { type: 'progress', id, note: rawTail.trim() };
  // "…整不了 退回去吧": giving it back outweighs the steps told before it.
  if (told?.type === 'progress' && RELEASE_ANY.test(tail)) return { type: 'release', id, reason: rawTail.trim() };
  // "周强在弄对吧": asked, not told.
  if (question && (told === null || told.type === 'progress') && tail !== '') return { type: 'status', id };
  return told;
}

function fromTailWords(id: number, tail: string, rawTail: string, question: boolean, hash: boolean): Command | null {
  // "#12" or "12号？" alone: what about it?
  if (tail === '') return hash || question ? { type: 'status', id } : null;
  if (STATUS_TAIL.test(tail)) return { type: 'status', id };
  // "…要帮啥忙啊？…你帮我问问她": a question for the other side, passed on (转告).
  if (ASK_THEM.test(tail)) return { type: 'tell', id, note: rawTail.replace(ASK_THEM_WORDS, '').replace(/[\s,，。]+$/u, '').trim() || rawTail.trim() };
  // "12号完成了吗？", "12号有人接吗" ask; they do not tell.
  if (question && (DONE_TAIL.test(tail) || CLAIM_TAIL.test(tail) || DISPUTE_TAIL.test(tail))) return { type: 'status', id };
  if (DISPUTE_TAIL.test(tail)) {
    const word = DISPUTE_WORD.exec(tail);
    return { type: 'dispute', id, reason: (word ? rawTail.slice(word[0].length) : rawTail).trim() };
  }
  const confirmWord = CONFIRM_WORD.exec(tail);
  if (confirmWord) return confirm(id, tail.slice(confirmWord[0].length), rawTail.slice(confirmWord[0].length));
  const rating = findRating(tail);
  if (rating && (rating.index === 0 || PRAISE_ONLY.test(tail.slice(0, rating.index)))) return confirm(id, tail, rawTail);
  // "3号地点应为东门口人行道，并非我家": the place put right.
  const place = /^(?:的)?(?:地点|地址|位置)(?:应为|应该是|应该在|应是|改为|改成|更正为|是|在|为)[：:]?\s*([^，,。；;！!]{2,40})/u.exec(tail);
  if (place && !question) return { type: 'place', id, place: rawTail.slice(place[0].length - place[1]!.length, place[0].length).trim() };
  // "17号内容有误 应为：只换灯泡", "7号内容改为…": the words put right.
  const words = /^(?:的)?(?:内容|事项内容|描述)(?:有误|错了|不对|登记错了)?[\s,，。]*(?:应为|应该是|应是|改为|改成|更正为|实际是|实际上是)[：:]?\s*(\S[\s\S]{1,199})$/u.exec(tail);
  // (From where the words begin: the tail may have lost a trailing 了 that the text keeps.)
  if (words && !question) return { type: 'content', id, text: rawTail.slice(words[0].length - words[1]!.length).trim() };
  if (/^(?:的)?(?:内容|描述)(?:有误|错了|不对|登记错了)/u.test(tail)) return { type: 'invalid', command: 'content', problem: 'missing_text' };
  // "请把1号恢复成已办结" after a wrong reopening: done again, no note.
  if (/^(?:给)?(?:恢复|改回|还原|退回)(?:成|为|到)?(?:已经?)?(?:办结|完成|办完)(?:状态)?(?:吧)?[\s。.!！]*$/u.test(tail)) return { type: 'done', id, note: '' };
  // "6号恢复", "4号还要的", "6号不撤了": a withdrawal put right.
  if (/^(?:要)?(?:恢复(?:一下)?|还是要(?:额|的|嘅)?(?=$|[\s,，。!！])|还要(?:的|呢|啊)?|不撤了?|别撤|不要撤|撤错了?)(?:吧|啊|！|!)*(?=$|[\s,，。!！])/u.test(tail)) return { type: 'restore', id };
  let m = WITHDRAW_TAIL.exec(tail);
  if (m) return { type: 'withdraw', id, reason: noteAt(rawTail, tail, m[1]) };
  m = RELEASE_TAIL.exec(tail);
  if (m) return { type: 'release', id, reason: noteAt(rawTail, tail, m[1]) };
  // "明天之内弄好", "三天内处理完": a time limit, not news that it is done.
  if (/^(?:要|必须|务必)?(?:\d{1,2}|[一二两三四五六七八九十]{1,3}|明天|后天)(?:个工作日|个?天|日)?(?:之内|以内|内|(?<=明天|后天)(?:之前|前))/u.test(tail)) return officialTail(id, tail, rawTail);
  // "今天之内弄好": today is the day (an official's limit; a holder's promise, run-commands.ts).
  if (/^(?:要|必须|务必)?(?:今天|今日|今晚)(?:之内|以内|内|之前|前)/u.test(tail)) return { type: 'deadline', id, by: { today: true } };
  // "下周三之前要弄好": a day to have it done by, not news that it is.
  const by = /^([^\s,，。]{1,8}?)(?:之前|以前|前)(?:要|得|必须|务必)?(?:弄好|办完|修好|完成|办好|处理好|解决|搞定|清完|弄完|给个结果|给结果|有个结果|答复|回复|反馈)?(?:吧)?$/u.exec(tail);
  if (by && dayRef(by[1]!)) return { type: 'deadline', id, by: dayRef(by[1]!)! };
  // "物业已更换…墙面待晾干后再修补，暂不办结": news, the completion expressly not yet.
  if (/暂不办结|暂时不(?:办结|结)|先不(?:办结|结)|不要办结|别办结|暂不结/u.test(tail)) return { type: 'progress', id, note: rawTail.trim() };
  // "13号我马上到！", "16我拿了", "5号…顺手也包了 冲鸭": taken on, not done.
  if (CLAIM_MORE.test(tail) && !question) return { type: 'claim', id };
  m = DONE_TAIL.exec(tail);
  if (m) return { type: 'done', id, note: noteAt(rawTail, tail, m[1]) };
  if (DONE_SAID.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  // "路灯供电所今天来人换了灯头现在亮了李大爷你晚上出去看看": said by voice, without a stop.
  if (DONE_VOICE.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  if (PRAISE_TAIL.test(tail)) return { type: 'confirm', id, rating: null, comment: rawTail.trim() };
  m = CLAIM_TAIL.exec(tail);
  if (m) {
    // "12号我去了，修好了" tells that it is done, not that they will do it.
    const done = m[1] ? DONE_TAIL.exec(m[1]) : null;
    if (done) return { type: 'done', id, note: noteAt(rawTail, tail, done[1]) };
    return { type: 'claim', id };
  }
  if (SUPPORT_TAIL.test(tail) || SAME_HERE.test(tail)) return { type: 'support', id };
  // "3号那个坑分类改成基础设施": what it is, then the setting.
  const named = /^(?:那个|这个|那|这)?[\u4e00-\u9fa5]{1,4}?(?=分类|类别|期限|时限|优先级|设为|设成|改为|改成|交给|转给)/u.exec(tail);
  const setting = named ? officialTail(id, tail.slice(named[0].length), rawTail.slice(named[0].length)) : null;
  // ("5号垃圾分类不规范" names no category: a complaint, not a setting.)
  const official = officialTail(id, tail, rawTail) ?? (setting && (setting.type !== 'category' || (DEFAULT_CATEGORIES as readonly string[]).includes(setting.category)) ? setting : null);
  if (official) return official;
  m = SNOOZE_TAIL.exec(tail);
  if (m) {
    // "先别提醒 观察一周": the days said anywhere after.
    const first = /(?:\d{1,2}|[一二两三四五六七八九十半]{1,3})\s*(?:个)?(?:天|日|周|星期|礼拜|月)/u.exec(m[1]!)?.[0] ?? m[1]!.split(/[\s,，。;；]+/u)[0] ?? '';
    const days = first === '' ? DEFAULT_SNOOZE_DAYS : snoozeDays(first.replace(/(?:吧|再说|再提醒)+$/u, '').replace(/\s+/gu, ''));
    return { type: 'snooze', id, days: days !== null && days >= 1 && days <= MAX_SNOOZE_DAYS ? days : DEFAULT_SNOOZE_DAYS };
  }
  if (question) return null;
  if (DONE_CLAUSE.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  m = DONE_LAST.exec(tail);
  if (m) return { type: 'done', id, note: rawTail.slice(0, m[1]!.length).trim() };
  if (ACCOMPANY_DONE.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  // A later clause saying it is done outweighs the steps told before it.
  if (DONE_ANY.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  if (SETTING_OFF.test(tail) || ACCOMPANY_CLAIM.test(tail) || CLAIM_SAID.test(tail)) return { type: 'claim', id };
  if (PROGRESS_SAID.test(tail) || PROGRESS_VISITED.test(tail)) return { type: 'progress', id, note: rawTail.trim() };
  const told = progressTail(id, tail, rawTail);
  if (told) return told;
  // "7号怎么样了 有人管没": the question first, more words after.
  const clause = /^[^\s,，。;；]+/u.exec(tail)?.[0] ?? '';
  if (clause !== tail && STATUS_TAIL.test(clause)) return { type: 'status', id };
  // "配件还没到 先放一放，过几天再提醒我": not giving it back, only no reminders for now.
  // "…流程较长，请暂停提醒一周": the days said after it.
  const pause = /(?:再提醒我?|暂停提醒|(?:别|不用)(?:再)?(?:提醒|催)我?)([\s\S]{0,8})/u.exec(tail);
  if (pause) {
    const said = /(?:\d{1,2}|[一二两三四五六七八九十半]{1,3})\s*(?:个)?(?:天|日|周|星期|礼拜|月)/u.exec(pause[1]!)?.[0];
    const days = said ? snoozeDays(said.replace(/\s+/gu, '')) : null;
    return { type: 'snooze', id, days: days !== null && days >= 1 && days <= MAX_SNOOZE_DAYS ? days : DEFAULT_SNOOZE_DAYS };
  }
  if (RELEASE_ANY.test(tail) || RELEASE_SAID.test(tail)) return { type: 'release', id, reason: rawTail.trim() };
  if (CLAIM_ANY.test(tail)) return { type: 'claim', id };
  if (PROGRESS_ANY.test(tail)) return { type: 'progress', id, note: rawTail.trim() };
  if (STATUS_ANY.test(tail)) return { type: 'status', id };
  const object = OBJECT_LEAD.exec(tail);
  if (object) return fromTail(id, tail.slice(object[0].length), rawTail.slice(object[0].length), question, hash);
  const noun = OBJECT_NOUN.exec(tail);
  if (noun) {
    const rest = tail.slice(noun[0].length);
    if (/^(?:[\u4e00-\u9fa5]{0,4})(?:没有|没|吗|了没)$/u.test(rest) || question) return { type: 'status', id };
    const told = fromTail(id, rest, rawTail.slice(noun[0].length), question, hash);
    if (told && ['done', 'progress'].includes(told.type)) return { ...told, note: rawTail.trim() } as Command;
  }
  const thing = OBJECT_BEFORE_ME.exec(tail);
  if (thing) {
    const told = fromTail(id, tail.slice(thing[0].length), rawTail.slice(thing[0].length), question, hash);
    if (told && ['claim', 'progress', 'done', 'release'].includes(told.type)) return told;
  }
  return progressTail(id, tail, rawTail);
}

function progressTail(id: number, tail: string, rawTail: string): Command | null {
  const p = PROGRESS_TAIL.exec(tail);
  if (p) return { type: 'progress', id, note: rawTail.slice(p[0].length).trim() };
  return null;
}

export function confirm(id: number, norm: string, raw: string): Command {
  const args = confirmArgs(norm, raw);
  if (args === 'bad_rating') return { type: 'invalid', command: 'confirm', problem: 'bad_rating' };
  return { type: 'confirm', id, ...args };
}

/** The note that follows a verb, cut from the text as typed (`tail` is a prefix of `rawTail`). */
function noteAt(rawTail: string, tail: string, group: string | undefined): string {
  if (!group) return '';
  return rawTail.slice(tail.length - group.length).trim();
}
