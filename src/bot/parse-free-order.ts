import { confirmArgs } from './confirm-args.ts';
import { QUESTION_END, trimFillers } from './fillers.ts';
import { findRating } from './find-rating.ts';
import { itemIdsIn } from './item-id.ts';
import type { Command } from './parse-command.ts';
import { parseInvite } from './parse-official-args.ts';
import { officialTail } from './parse-official-tail.ts';
import { DEFAULT_SNOOZE_DAYS, MAX_SNOOZE_DAYS, snoozeDays } from './snooze-days.ts';

// Commands as people say them, the item number anywhere: "12号我来", "#12 搞定了", "我来认领12号",
// "12号怎么样了". Every pattern covers the whole message (fillers aside), so "3号楼我来看看",
// "5月12号我来" or "12号我来不了" never read as a claim.

/** What follows an item number when someone asks about it: "12号怎么样了", "#12 有人管吗". */
export const STATUS_TAIL =
  /^(?:的)?(?:现在)?(?:进展|进度|情况|状态|处理|办理|修|办)?(?:得|的)?(?:怎么样|咋样|怎样|如何|到哪(?:一步|儿|里)?|什么情况|啥情况|查询|查一下|有人(?:管|认领|接|处理|跟进)|有没有人(?:管|认领|接|处理)|有消息|有进展|进展|进度|情况|状态|(?:修|办|弄|处理|搞)(?:好|完)?(?:了)?(?:没|没有)|(?:现在)?谁在?(?:管|负责|处理|办|跟|弄|修|搞)|谁接了?|(?:是)?谁(?:办|弄|修|接|管)的|点样|搞咗未|搞掂未|整好没|弄好没|(?:咋|怎么)(?:还)?没(?:有)?人(?:管|来|修|认领|处理)?|(?:还)?没(?:有)?人(?:管|认领|接|处理)|有人管没|(?:什么|啥)时候(?:能|可以|来)?(?:修|弄|办|处理)?(?:好|完)?|(?:要)?多久|几天能?(?:修|弄|办)?(?:好|完)?)(?:了|啊|呀|呢)*$/u;

const DISPUTE_TAIL =
  /^(?:我)?(?:(?:很|非常|特别)?不满意|重办|有问题|(?:还|都)?没(?:有)?(?:修|弄|办|处理|解决|搞)(?:好|完)?|还没(?:有)?(?:好|来|人来)|根本没|没人来|没有人来|还是(?:老样子|那样|一样|没好|坏的|不行|不亮|漏|堵|有问题)|老样子|又(?:坏|不亮|漏|堵|停|出问题|不行)|不行)/u;
const DISPUTE_WORD = /^(?:我)?(?:(?:很|非常|特别)?不满意|重办)[\s,，。:：]*/u;
const CONFIRM_WORD = /^(?:我)?(?:已)?(?:确认|评价)(?:一下|下)?[\s,，。:：]*/u;
const PRAISE_ONLY = /^(?:[\s,，。.!！]|挺好的?|很好|非常好|真好|不错|好的|谢谢|感谢|辛苦了|修好了|已经修好了|已经好了|满意)*$/u;
const WITHDRAW_TAIL =
  /^(?:我)?(?:要|想)?(?:撤回|撤销|撤了?|撤掉|不要了?|不需要了?|不用了?|取消|作废|不办了?|不想要了?|不用(?:弄|修|办|管|来|处理)了?)(?:吧|啦)?(?:[\s,，。:：]+([\s\S]*))?$/u;
const RELEASE_TAIL =
  /^(?:我)?(?:放弃|退出|退单|(?:做|来|去|办|弄|干|搞|接|跑)不(?:了|成|过来)?(?:了)?|不(?:做|来|去|办|弄|干|接|管)(?:了)?|没空|没时间|有事|(?:还是)?(?:交给|让|换)(?:别人|其他人|别的人|别的志愿者)(?:来|去)?(?:做|办|接|弄)?(?:吧)?|(?:还是)?换个?人(?:吧)?)(?:[\s,，。:：]*([\s\S]*))?$/u;
const DONE_PREFIX = '(?:我们?|这边|今天|刚才|刚刚|上午|下午|昨天|晚上|刚|已经?|都|已|也|终于)*';
const DONE_TAIL = new RegExp(
  `^${DONE_PREFIX}(?:完成|办结|办完|办好|做完|做好|修好|修完|弄好|搞定|处理好|处理完(?:毕)?|(?<=已|已经)处理(?!中)|解决|完工|换好|装好|送到|送好|送过去|买好|修复|更换好?|清理(?:干净|完|好)?|清好|打扫干净|ok|done|finished|好)(?:了|啦)?(?:[\\s,，。.;；!！:：]+([\\s\\S]*))?$`,
  'iu',
);
// "12号已经送到老人家里了": what was done, said in one breath; the whole of it is the note.
const DONE_SAID = new RegExp(`^${DONE_PREFIX}(?:送到|送去|送过去|修好|换好|装好|买好|清理干净|打扫干净|联系好)(?:了)?[\\u4e00-\\u9fa5]`, 'u');
const CLAIM_TAIL =
  /^(?:(?:我们?|由我|让我)(?:马上|现在|这就|今天|明天|下午|上午|晚上|一会儿?|待会儿?|等下|周末)?(?:来|去)(?:认领|接单|接|领|负责|办|做|处理|跟进|帮忙完成|帮忙解决|帮忙办|帮忙|帮|包|弄|修|看看|看一下|跑一趟|去一趟|搞定|完成|解决)?|我们?(?:自己)?(?:可以|能)?(?:认领|接单|接|领|负责|要|包|可以|能做|能办|能去|去|帮忙|来办|来做)|交给我|给我|归我|认领|接单)(?:一下|吧|了|嘛|呗|哈)*(?:[\s,，。;；!！]+([\s\S]*))?$/u;
// "3号灯换好了", "十号空调修好了 加了点氟", "19号找到了 …": a thing and what was done to it, in the
// first clause; "… 草丛里也弄干净了 搞定", "21号 管子接好了 完成": the done word last.
const DONE_CLAUSE = /^[^\s,，。;；!！]{0,14}?(?<!没|不|未|没有|还没)(?:(?:修|换|弄|装|接|处理|办|做|搞|清理|打扫|送|收拾|疏通|通|找|重新弄|重新处理|安排|调解|上|查|复查|检查|陪|解决|理|剪|洗)(?:好|完|到|通|干净)(?:了|啦)?|(?:换|装|补|焊)(?:上)?了|(?:教|学)会了)(?=$|[\s,，。;；!！])/u;
const DONE_LAST = /^([\s\S]*?[^\s,，。])[\s,，。;；!！]+(?:搞定|完成|办结|ok|OK|done)(?:了|啦)?$/u;
// "我去弄一下", "我看看去", "我马上过去", "我来找": someone setting off to do it.
const SETTING_OFF =
  /^我们?(?:也)?(?:能|可以)(?:去|来|帮)(?:吧)?$|^(?:我们?)?(?:明天|后天|下午|上午|晚上|今晚|周末)(?:就)?(?:去|来|过去)(?:吧)?$|^(?:我们?|我这边)(?:马上|现在|这就|立刻|一会儿?|待会儿?|等下|下午|上午|明天|今天|后天|晚上|周末|先){0,2}(?:就)?(?:过去看看?|过去看一下|过去|去找|来找|去看看?|来看看?|看看去|去看一下|去弄|来弄|去办|来办|去处理|来处理|去修|来修|去帮忙|来帮忙|去送|来送|去跑一趟)(?:一下|下)?(?:吧)?(?:[\s,，。;；!！]+[\s\S]*)?$/u;
// "我们单元也漏水", "我们楼也这样", "我家那边也是": the same trouble here too.
const SAME_HERE = /^(?:我|我们|我家|我们家|咱|咱们)(?:这边|那边|这里|单元|楼|楼里|楼道|小区|家|屋头|屋里)?(?:也|同样)(?!去|来|做|帮|可以|能)[\u4e00-\u9fa5]{0,12}(?:\s+[\u4e00-\u9fa5\d]{1,10})?$/u;
// "我也要反映这个 22号", "同样的问题 7号 …": a +1 that names the item after the words.
const SUPPORT_HEAD_WORDS =
  /^(?:同|同上|同样|同样的问题|一样|一样的问题|我也是|我家也是|我家那边也是|我们那边也是|我们也是|附议|\+1|加一|跟|我也遇到了?|我也要反映这个|我也反映|我也要反映)$/u;
// "6号先别提醒我了 过两天再说", "6号暂停提醒三天": no reminders for a while.
const SNOOZE_TAIL = /^(?:先|暂时|这几天|这两天)*(?:别|不要|暂停|停止?|暂时别|先别)(?:再)?(?:提醒|催)(?:我)?(?:了)?\s*([\s\S]*)$/u;
// "13号正在处理 电工下午来", "4号有进展了 供电所说…", "已经报给供电所了": how it is going.
const PROGRESS_SAID =
  /^(?!我|那天|今天|明天|昨天)[\u4e00-\u9fa5]{0,4}?(?:有(?:新)?进展了|正在(?:处理|修|查|办|联系|弄|装|换|跟进|协调|等|检查|排查|解决)|在(?:处理|办|修|弄|联系|跟进|等)|已经?(?:报给|联系|约了|约好|通知|找了|找好|反映给|上报|交给|报修|买了|买好|救出|(?:跟|和|向|给)[\u4e00-\u9fa5]{1,6}(?:说|讲|反映|联系|打了招呼|打了电话))|(?:买好|约好|联系好|问过|问好)了|还在|等(?:配件|师傅|物业|厂家|回复))/u;
const PROGRESS_HEAD = /^(?:更新一下|更新下|更新|汇报一下|汇报|说一下|报告一下|跟进一下)$/u;
// "…阀门没关严 已经处理好了": done said in a later clause.
const DONE_ANY = /(?:^|[\s,，。;；!！])(?:(?:已经?|都)(?:处理|修|弄|办|搞|换|装|解决|清理)(?:好|完|掉)(?:了|啦)?|能用了?|好使了?|可以用了?|不漏了?|完事了?|(?:已经?)?重新(?:接|修|换|装|弄|处理|搞|安)好了?|(?:这回|现在|终于)(?:彻底|完全|都)?(?:亮|通|好|不漏|能用)了|[\u4e00-\u9fa5]{0,4}已经?送(?:到|回|去)[\u4e00-\u9fa5]{0,8}了|[\u4e00-\u9fa5]{0,4}(?<!没|不|未)(?:拧|装|接|换|修|整|弄)(?:上|好|起)了|[\u4e00-\u9fa5]{0,4}(?<!没|不|未|还没)(?:清运|运走|拉走|清|扫|收拾|处理|送)(?:完|好|到)?了|(?:应该)?没(?:问题|事)了|搞掂了?|[\u4e00-\u9fa5]{0,3}(?:都|已经?)(?:挪|搬|清|拉|运|拖)走了)(?:$|[\s,，。;；!！])|^[\u4e00-\u9fa5]{0,6}?(?:已经?)?送(?:到|去|过去)[\u4e00-\u9fa5]{0,8}(?:了|啦)?$|^完事/u;
// "燃气公司的人已经到了 正在查管道", "明天上午去装": under way ("15号我正在上班" is not: a verb of the work).
const PROGRESS_ANY = /正在(?:处理|修|查|办|联系|弄|装|换|跟进|协调|等|检查|排查|解决|往|送)|^约(?:了|好了)|已经到了|已经来了|人到了|送医院|打了12345|已经打了|(?:明天|后天)(?:上午|下午|晚上)?(?:再)?去(?:装|换|修|送|弄|看)|(?:明天|后天|下午|晚上|回头|改天)(?:再)?(?:找|叫|约|请)[\u4e00-\u9fa5]{1,4}?(?:来|去)/u;
// "…我也不懂 还是退了吧", "…我接了".
const RELEASE_ANY = /(?:^|[\s,，。;；!！])(?:还是退了?吧?|退了吧?|不弄了|弄不了了?|不接了|交给别人吧?)(?:$|[\s,，。;；!！])/u;
// "我陪赵奶奶去吧": going with someone is taking it on; "已经陪奶奶去过医院了" is having done it.
// "我去敲门说说", "明天给李大爷送过去": setting off to do it.
const CLAIM_SAID = /^我们?(?:顺路|顺便|正好顺路)(?:$|[\s,，。])|(?:^|[\s,，。])(?:下班|放学|一会儿?|等下|待会儿?)(?:就|后)?(?:过去|去)(?:吧)?$|(?:^|[\s,，。])我们?(?:先)?(?:去|来)(?:敲门|说说|问问|劝劝|沟通|协调|调解|整|弄|修)(?:一下|说说)?(?:吧)?(?:$|[\s,，。])|^我们?(?:来|去)(?:教|陪|帮|给)[\u4e00-\u9fa5]{1,6}?(?:吧|嘛)?(?:$|[\s,，。])|^我们?(?:接着|继续|接手)(?:弄|做|办|跟|管)?(?:吧|嘛)?(?:$|[\s,，。])|(?:明天|今天|下午|晚上|一会儿?|周末)(?:就)?给[\u4e00-\u9fa5]{1,6}?送(?:过去|去)(?:吧)?$/u;
const ACCOMPANY_CLAIM = /^我们?(?:来|去)?陪[\u4e00-\u9fa5]{1,6}?(?:去|过去|一起去|走一趟)(?:吧)?(?:$|[\s,，。;；!！])/u;
const ACCOMPANY_DONE = /^(?:我们?)?(?:(?:已经?|刚|刚刚)陪[\u4e00-\u9fa5]{1,8}?(?:去过|去了|看过|看完|回来)|陪[\u4e00-\u9fa5]{1,8}?(?:看完|去过|办完))/u;
// "到了 看了下是阀芯坏了 …", "我已经联系燃气公司了": there and on it (a verb of the work, not 我在上班).
const PROGRESS_VISITED = /^(?:我们?)?(?:已经|刚|刚刚)?(?:到了|到现场了|去了|去看了|看了下?|看过了|去看过了|上去看了)(?=$|[\s,，。;；])|^我们?(?:已经?|刚|刚刚)(?:报给|联系了?|约了|约好|通知了?|找了|找好|反映给|上报|报修|打了电话|打电话给)/u;
// "我这周出差去不了了 谁能帮忙接一下": giving it back, said anywhere.
const RELEASE_SAID = /(?:去不了了|来不了了|顾不上了|接不了了|弄不了了|做不了了|办不了了|整不动|弄不动|搞不定|先撂这儿了?|撂下了|先不接(?:了)?(?=$|[\s,，。])|我不接(?:了)?(?=$|[\s,，。])|先放一放|让别人接吧)|谁(?:能|来|可以)(?:帮忙)?接(?:一下|手|过去)/u;
// "路灯我去看看", "楼道灯那个我明天上午过去": the thing named before 我 and what they do.
// "电梯修好没有", "头发理好了", "这回彻底好了": a thing, then what became of it.
const OBJECT_NOUN = /^[\u4e00-\u9fa5]{1,4}?(?=(?:已经|都|又|还|这回|终于)?(?:修|弄|换|装|理|剪|清|处理|办|搞|送|教|学)(?:好|完|到|会|干净)|已经|这回)/u;
const OBJECT_BEFORE_ME = /^[\u4e00-\u9fa5]{1,5}?(?:那个|这个|的事|的活)?(?=我们?(?:来|去|接|认领|明天|今天|后天|下午|上午|晚上|马上|这就|现在|陪|自己|已经))/u;
// "好的我这边收到了 …", "那3号我自己认领吧": an acknowledgement before the number says nothing.
const ACK_HEAD = /^(?:(?:那|那么|那就|好的?|好嘞|行|嗯|收到了?|ok|我这边|顺便|另外|还有|然后|您好|你好|各位好|大家好|书记|老师|我回来了)[\s,，。!！]*)+$/iu;
const CLAIM_ANY = /(?:^|[\s,，。;；!！])(?:我接了|我来接|我认领了?|这个我来)(?:吧)?$/u;
// "一号那个灯到底咋回事啊", "咋还没修好": asking about it.
const STATUS_ANY = /咋整了|有人来没有?|咋没动静|怎么没动静|还没人修|咋回事|怎么回事|咋还没|怎么还没|到底(?:怎么样|咋样|修没修|弄没弄|有没有人)|有没有人管|有人管没有|啥情况|什么情况/u;
// "垃圾的事", "灯的那个": what the item is about, before what is said of it.
const OBJECT_LEAD = /^[\u4e00-\u9fa5]{1,6}?(?:的事情?|的活儿?|的那个|那个事|那件事|的问题|这个|那个|的)(?=我|已|都|刚|修|换|弄|装|接|处理|办|做|搞|交给|派给|转给|改成|改为|设成|设为)/u;
const SUPPORT_TAIL =
  /^(?:\+1|附议|加一|我也是|我家也是|我们也是|我这也是|我这边也是|我也一样|我家也一样|一样|同样|同问|同上|也是|我也遇到(?:过)?|我家也这样|我也有这个问题|我家也有这个问题|我们楼也是|我们这也是|我们这边也是|我家也有|我们也有|我(?:家|们|们家|们楼)?也有(?:同样的|一样的|这个|这种)(?:问题|情况)|同样的问题|一样的问题)$/u;
const PROGRESS_TAIL = /^(?:的)?(?:进展|进度|更新|跟进)(?:[\s:：,，]+|是)/u;

// What comes between the number and the verb: "12号的事办完了", "12号这个我来".
const TAIL_LEAD = /^(?:的|事情?|活儿?|单子|问题|心愿|这个|这件事|这单|那个|也|[\s,，])*/u;
// "我的12号怎么样了", "我报的12号到哪了": whose item it is changes nothing.
const OWN_HEAD = /^(?:把|对|我对|关于|我|我的|我那个|我提的|我报的|我反映的|我许的|我家的)$/u;
// "12号办得很好，谢谢": praise without a rating still confirms.
const PRAISE_TAIL = /^(?:办|修|弄|处理|做|干)得(?:很|挺|非常|特别|真|太)?(?:好|不错|快|及时|棒|漂亮|满意)/u;
const RATE_HEAD = /^(?:给|为)$/u;
const CLAIM_HEAD = /^(?:(?:我们?)?(?:可以|能|想|要)?(?:来|去)?(?:认领|认令|任领|认岭|接单|接|领取?|负责|承接|包|来办|来做)(?:了|下|一下)?|我们?来|我们?要|我们?(?:马上|现在)?(?:去|来)(?:弄|看|办|处理|修|找|帮|帮忙|送)(?:一下|下|看)?(?:吧)?)$/u;
const DONE_HEAD = /^(?:我们?)?(?:已经?|都)?(?:完成|办结|办完|搞定|做完|修好|处理完|处理好|弄好|办好)(?:了)?$/u;
const STATUS_HEAD = /^(?:我)?(?:帮我)?(?:想)?(?:查|查查|查一下|查下|查看|查询|看看|看一下|看下|瞅瞅|瞅一下|瞧瞧|问一下|问问|知道|了解一下)(?:我的|我报的|我提的)?$/u;
const WITHDRAW_HEAD = /^(?:我)?(?:要|想)?(?:撤销|撤回|取消)(?:一下|掉)?(?:我的)?$/u;
const SUPPORT_HEAD = SUPPORT_HEAD_WORDS;
const CONFIRM_HEAD = /^(?:我)?(?:确认|评价)(?:一下|下)?$/u;
const DISPUTE_HEAD = /^(?:我)?(?:对)?(?:不满意|重办)$/u;

const LIST_PHRASE =
  /^(?:(?:看看)?(?:还有)?啥单子没人接|有啥活儿?没|有啥活儿?没有|待认领的(?:还有几个|有几个|还有哪些|有哪些)|还有几个待认领的?)(?:[\s,，]+(?:发个单子看看|发来看看|看看))?$|^(?:(?:(?:还有|有)(?:哪些|什么|啥|没有)?|哪些|什么|啥)(?:可以|可|能|要|需要)?(?:认领|领|接|帮忙|帮)的?(?:事|事情|任务|事项|单子?|心愿|活儿?)?(?:吗|呢|没有)?|(?:现在)?(?:有)?(?:哪些|什么)?(?:待认领|待领取|没人认领)的?(?:事|事情|任务|事项|单子?|心愿)?(?:有哪些|有什么|吗|呢)?)$/u;
const MINE_PHRASE =
  /^我(?:的|认领的|接的|提的|反映的|报的|许的)(?:事|事情|事项|问题|心愿|单子?|任务|那个)?(?:现在)?(?:怎么样|咋样|进展|处理得怎么样|办得怎么样|有进展|有人管|有哪些|都有哪些)(?:了|吗|呢)?$/u;
const MINE_MORE =
  /^(?:看看|查查|查一下|看一下)?我(?:的|提的|提过的|反映的|反映过的|报的|报过的|许的|认领的)(?:那些|那几个|那个)?(?:事|事情|事项|问题|心愿|单子?)?(?:现在)?(?:都)?(?:咋样|怎么样|进展|处理得怎么样|办得怎么样|办得咋样|弄得咋样|修得咋样|处理得咋样)?(?:了|吗|呢|啊)?$|^我(?:那个|的|家那个|家的)[\u4e00-\u9fa5]{1,8}?(?:的事儿?|那事儿?)?(?:咋样|怎么样|办得咋样|修得咋样|弄得咋样|有人管没|搞咗未|点样)(?:了|啊|呢|呀)?$/u;
const LIST_MORE =
  /^(?:今天|现在|最近|这两天|这周)?(?:(?:现在)?(?:还有|有)?(?:哪些|啥|什么)(?:要帮忙|需要帮忙|没人认领|没人接)的(?:活儿?|事儿?|事情)?(?:不|吗|呢)?|有啥要帮忙的不)$|^(?:有没有|还有没有|有什么|有啥|还有啥|还有什么)(?:没人(?:接|认领|管)的|要帮忙的|需要帮忙的|可以做的|能做的|要做的)?(?:活儿?|事儿?|事情|任务|单子?)(?:吗|呢|没有|干)?$/u;
// "我手上有哪些活", "我手里还有几个单子".
const MINE_HELD = /^我(?:现在)?(?:手上|手里|手头)(?:上)?(?:都|还)?(?:有|接了)?(?:哪些|什么|啥|几个|几件|多少)(?:活儿?|事儿?|事情|任务|单子?)?(?:吗|呢|啊)?$/u;
// "再给我生成一个党员邀请码 新来了两个志愿者": asking for a code, the role in between, a reason after.
const INVITE_ASK = /^(?:再|帮我|给我|请|麻烦)*(?:生成|发|要|来|开|做|弄|创建)(?:一下)?(?:一个|个|一张|张)?((?:党员|志愿者|成员|干部|网格员|工作人员)?)(?:的)?(?:邀请码|(?<=党员|志愿者|成员|干部|网格员)码)(?:$|[\s,，。;；!！])/u;
const HELP_PHRASE =
  /^(?:(?:这个)?(?:咋|怎么|如何)(?:用|使用|弄|操作)(?:啊|呀|呢)?(?:这个)?(?:\s*(?:我)?(?:不会弄|不会用|不懂|不会))?|(?:志愿者|党员|居民|我)?(?:能|可以)(?:干|做)(?:啥|什么)[\s,，]*(?:命令|指令)(?:都)?有(?:哪些|啥|什么)|(?:你|这个|小助手|这个机器人|机器人)?(?:都)?(?:能|会|可以)(?:干|做|帮)(?:啥|什么|些什么|我什么|我啥)(?:啊|呀|呢)?|(?:我)?(?:能|可以)用(?:哪些|什么)(?:命令|指令|功能))$/u;
const STATS_PHRASE =
  /^统计一下[\s\S]{0,10}$|^(?:看看|看一下|看下|查看|查查|查一下)?(?:这周|本周|这礼拜|这星期|这个月|本月|最近)?(?:咱|我们|本|咱们)?(?:社区)?(?:的)?(?:这周|本周|这个月|本月|最近)?(?:的)?(?:统计|数据)(?:情况)?(?:怎么样|咋样|如何)?(?:了|吗|呢)?$/u;
const LOGIN_PHRASE = /^(?:我)?(?:要|想)?(?:进|登录|登陆|上|打开|用)(?:一下)?(?:电脑)?(?:上)?(?:看看|看一下|看|查查|查一下)?(?:后台|控制台|管理后台|网页版|台账)(?:看看|看一下)?$/u;
const SEPARATORS = /^[\s:,.;!，。：；、！]*/u;
const TRAILING_CLAUSE_PUNCT = /[\s,，。;；!！]+$/u;

/** A command in free word order, or null. `norm` is the normalised text, `raw` as typed (same offsets). */
export function parseFreeOrder(norm: string, raw: string): Command | null {
  let { start, end } = trimFillers(norm);
  let question = false;
  const q = QUESTION_END.exec(norm.slice(start, end));
  if (q) {
    question = true;
    ({ start, end } = trimFillers(norm, start, end - q[0].length));
  }
  const t = norm.slice(start, end);
  if (t === '') return null;
  // Notes and reasons run to the end of the message as typed, thanks and all.
  const fullEnd = norm.replace(/[\s。.!！~～]+$/u, '').length;
  if (LIST_PHRASE.test(t) || LIST_MORE.test(t)) return { type: 'list' };
  if (MINE_PHRASE.test(t) || MINE_MORE.test(t) || MINE_HELD.test(t)) return { type: 'mine' };
  if (HELP_PHRASE.test(t)) return { type: 'help' };
  if (STATS_PHRASE.test(t)) return { type: 'stats' };
  if (LOGIN_PHRASE.test(t)) return { type: 'login' };
  const invite = INVITE_ASK.exec(t);
  if (invite) {
    // "…邀请码 能用10次的": the number of uses, if said; other words are the reason.
    const uses = /(?:能用|可以用|可用|用)?(\d{1,4}|[一二两三四五六七八九十百]+)(?:次|个人)/u.exec(t.slice(invite[0].length));
    return parseInvite(`${invite[1]!}${uses ? ` ${uses[1]}次` : ''}`, false);
  }

  for (const m of itemIdsIn(t)) {
    const i = m.index;
    const after = i + m.length;
    // "5号那天我去不了了", "12号上午我去看了": a day of the month, not item 5.
    if (/^(?:那天|当天|那会儿?|上午|下午|晚上|早上|中午|凌晨|傍晚)/u.test(t.slice(after)) && !t.slice(i, after).includes('#')) continue;
    const tailStart = after + (t.slice(after).match(SEPARATORS)?.[0].length ?? 0);
    const tail = t.slice(tailStart);
    const rawTail = raw.slice(start + tailStart, Math.max(fullEnd, start + tailStart));
    const hash = t.slice(i, after).includes('#');
    // The number starts a clause, or follows what the item is ("王阿姨修水龙头那个1号我来").
    const clauseHead = i > 0 && (/[\s,，。;；!！]/u.test(t[i - 1]!) || /(?:的|那个|这个)$/u.test(t.slice(0, i))) ? raw.slice(start, start + i).trim() : null;
    const cmd = fromParts(t.slice(0, i).trim(), m.id, tail, rawTail, question, hash, clauseHead);
    if (cmd) return cmd;
  }
  return null;
}

/** `clauseHead`: the words before the number as typed, when the number starts a clause of its own. */
function fromParts(head: string, id: number, fullTail: string, fullRawTail: string, question: boolean, hash: boolean, clauseHead: string | null): Command | null {
  const lead = TAIL_LEAD.exec(fullTail)![0].length;
  const tail = fullTail.slice(lead);
  const rawTail = fullRawTail.slice(lead);
  if (head === '' || OWN_HEAD.test(head) || ACK_HEAD.test(head)) return fromTail(id, tail, rawTail, question, hash);
  if (RATE_HEAD.test(head) && findRating(tail)?.index === 0) return confirm(id, tail, rawTail);
  const headRating = findRating(head);
  if (headRating && headRating.index === 0 && headRating.length === head.length && tail === '') return confirm(id, head, head);
  if (CONFIRM_HEAD.test(head)) return confirm(id, tail, rawTail);
  if (DISPUTE_HEAD.test(head)) return { type: 'dispute', id, reason: rawTail.trim() };
  if (STATUS_HEAD.test(head) && (tail === '' || STATUS_TAIL.test(tail) || question)) return { type: 'status', id };
  // "同样的问题 7号 我们单元电梯也卡过": what follows is their own words of it.
  if (SUPPORT_HEAD.test(head) && !question) return { type: 'support', id };
  if (PROGRESS_HEAD.test(head) && tail !== '' && !question) return { type: 'progress', id, note: rawTail.trim() };
  // "电梯修好了 6号可以结了"
  if (/^可以(?:算)?(?:办)?(?:结|完成)(?:单|案)?了?(?:$|[\s,，。])/u.test(tail) && !question) return { type: 'done', id, note: head };
  // "设置7号为紧急", "把14号并到13号"
  if (/^(?:设置|设|把|将|先把|就把|再把)$/u.test(head)) {
    const set = officialTail(id, tail, rawTail);
    // "我想把五号…都接下来": taking it on.
    if (set || !/^(?:这(?:两|几)?(?:件|个)事?|那(?:件|个)事?)?(?:都)?(?:接下来|接了|认领了?|包了|领了|揽下来)(?:吧)?$/u.test(tail)) return set;
    return { type: 'claim', id };
  }
  if (/^我?(?:想|要|来)把$/u.test(head) && /^(?:这(?:两|几)?(?:件|个)事?|那(?:件|个)事?)?(?:都)?(?:接下来|接了|认领了?|包了|领了|揽下来)(?:吧)?$/u.test(tail)) return { type: 'claim', id };
  // "我去弄一下#7 我就住2号楼": the rest is about them.
  if (CLAIM_HEAD.test(head) && !question && (tail === '' || !/^(?:[\s和跟与、,，]*(?:#|第)?[\d〇零一二两三四五六七八九十]+号?)/u.test(tail))) return { type: 'claim', id };
  // "重新受理十八号 物业不管 还是社区来协调"
  if (/^(?:重新受理|重新打开|重开|重新办理)$/u.test(head)) return { type: 'reopen', id, reason: rawTail.trim() };
  // "不好意思 可能是线路的问题 6号我明天再找电工来看": the number starts a clause of its own, and
  // what follows it says what they did; the words before are part of the note.
  if (clauseHead !== null && tail !== '' && !question) {
    const told = fromTail(id, tail, rawTail, false, hash);
    if (told && (told.type === 'progress' || told.type === 'done')) return { ...told, note: `${clauseHead.replace(TRAILING_CLAUSE_PUNCT, '')} ${told.note}`.trim() };
    if (told && ['claim', 'release', 'withdraw', 'priority', 'category', 'deadline', 'assign', 'reject', 'reopen', 'merge', 'snooze'].includes(told.type)) return told;
  }
  // "垃圾清完了 拍了照 2号", "我在12栋楼下 我先去看看 8号": the number last, after what they say.
  if (clauseHead !== null && tail === '' && !question && head.length === clauseHead.length) {
    const last = /[\s,，。;；!！]([^\s,，。;；!！]+)$/u.exec(head)?.[1];
    for (const [said, saidRaw] of [[head, clauseHead], ...(last ? [[last, clauseHead.slice(clauseHead.length - last.length)]] : [])] as Array<[string, string]>) {
      // "认领 12 13" names two items: no command for the last one.
      if (/(?:^|[\s,，])(?:#|第)?\d{1,6}号?(?=$|[\s,，])/u.test(said)) continue;
      // "东西送到了吗 3号" asks.
      if (/[吗么呢没?？]$/u.test(said)) return { type: 'status', id };
      const told = fromTail(id, said, saidRaw, false, hash);
      // Progress is too weak a sign with the number trailing ("票买好了 6号" is a date).
      if (told && ['claim', 'done', 'release', 'support'].includes(told.type)) return told;
    }
  }
  if (tail !== '') return null;
  if (DONE_HEAD.test(head)) return question ? { type: 'status', id } : { type: 'done', id, note: '' };
  if (WITHDRAW_HEAD.test(head)) return { type: 'withdraw', id, reason: '' };
  if (SUPPORT_HEAD.test(head)) return { type: 'support', id };
  return null;
}

function fromTail(id: number, tail: string, rawTail: string, question: boolean, hash: boolean): Command | null {
  // "#12" or "12号？" alone: what about it?
  if (tail === '') return hash || question ? { type: 'status', id } : null;
  if (STATUS_TAIL.test(tail)) return { type: 'status', id };
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
  let m = WITHDRAW_TAIL.exec(tail);
  if (m) return { type: 'withdraw', id, reason: noteAt(rawTail, tail, m[1]) };
  m = RELEASE_TAIL.exec(tail);
  if (m) return { type: 'release', id, reason: noteAt(rawTail, tail, m[1]) };
  // "明天之内弄好", "三天内处理完": a time limit, not news that it is done.
  if (/^(?:要|必须|务必)?(?:\d{1,2}|[一二两三四五六七八九十]{1,3}|明天|后天)(?:个工作日|个?天|日)?(?:之内|以内|内)/u.test(tail)) return officialTail(id, tail, rawTail);
  m = DONE_TAIL.exec(tail);
  if (m) return { type: 'done', id, note: noteAt(rawTail, tail, m[1]) };
  if (DONE_SAID.test(tail)) return { type: 'done', id, note: rawTail.trim() };
  if (PRAISE_TAIL.test(tail)) return { type: 'confirm', id, rating: null, comment: rawTail.trim() };
  m = CLAIM_TAIL.exec(tail);
  if (m) {
    // "12号我去了，修好了" tells that it is done, not that they will do it.
    const done = m[1] ? DONE_TAIL.exec(m[1]) : null;
    if (done) return { type: 'done', id, note: noteAt(rawTail, tail, done[1]) };
    return { type: 'claim', id };
  }
  if (SUPPORT_TAIL.test(tail) || SAME_HERE.test(tail)) return { type: 'support', id };
  const official = officialTail(id, tail, rawTail);
  if (official) return official;
  m = SNOOZE_TAIL.exec(tail);
  if (m) {
    const first = m[1]!.split(/[\s,，。;；]+/u)[0] ?? '';
    const days = first === '' ? DEFAULT_SNOOZE_DAYS : snoozeDays(first.replace(/(?:吧|再说|再提醒)+$/u, ''));
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
  if (/再提醒我?|暂停提醒|别(?:再)?(?:提醒|催)我?/u.test(tail)) return { type: 'snooze', id, days: DEFAULT_SNOOZE_DAYS };
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

function confirm(id: number, norm: string, raw: string): Command {
  const args = confirmArgs(norm, raw);
  if (args === 'bad_rating') return { type: 'invalid', command: 'confirm', problem: 'bad_rating' };
  return { type: 'confirm', id, ...args };
}

/** The note that follows a verb, cut from the text as typed (`tail` is a prefix of `rawTail`). */
function noteAt(rawTail: string, tail: string, group: string | undefined): string {
  if (!group) return '';
  return rawTail.slice(tail.length - group.length).trim();
}
