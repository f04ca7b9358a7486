import type { Command } from './command-types.ts';
import { normalizeText } from './normalize-text.ts';
import { clearKind } from './clear-kind.ts';
import { REQUEST } from './request-words.ts';
import { figuresAsked, statsSpanSaid } from './stats-span.ts';

// The last try before a message is taken for a new wish or report: a short message addressed to the
// bot that asks for one of the no-argument commands in other words ("现在有啥活没人接的 给我看看",
// "这个月咱们社区的数据统计给我看一下"). Words of a request (something broken, something wanted) are
// never guessed away: those are what a new item is for.

const ID = /\d+号|#\d+|[一二三四五六七八九十]+号/u;

const JOIN_HOW = /(?:当|成为|做|加入)(?:个|一个|一名)?(?:志愿者|volunteer)|怎么加入|如何加入|怎么报到|(?:找谁|哪里|在哪|去哪)(?:要|拿|领)(?:那个)?(?:邀请)?码|邀请码(?:找谁|哪里|在哪|怎么)/u;

const WHAT_IS_IT = /是干(?:啥|嘛|什么)(?:用)?的|干(?:啥|嘛)用的|(?:我|俺)该(?:咋|怎么)说|(?:咋|怎么)跟(?:你|它)说|这个(?:东西|小助手|机器人)?(?:怎么|咋)(?:个)?用/u;
const MINE_FIRST = /^[^：:]{0,6}[：:]?(?:我们俩|我俩|咱俩)(?:现在)?(?:手上|手里)(?:还)?有(?:几个|几件|多少|啥)|^(?:请问)?(?:我|本人)(?:手上|手里|名下|目前承办的|承办的|这边)[^。]{0,16}(?:有|哪些|啥|什么)|^(?:我|本人)(?:的)?(?:在办|手上|名下|承办)(?:的)?(?:事项|事情|事|单子|活)[。.]?$|^(?:我|俺)的?(?:事|事情|那些事|几件事)(?:都|全)?(?:好了|办好了|办了|弄好了|怎么样了?|咋样了?|有人管)(?:吗|没有?|么|嘛|[?？])*$|我(?:报|提|反映)过的[^。]{0,6}(?:在哪|哪里|怎么)看/u;
// "给帮忙的人打分是在哪里打 我上回好像没打上": how to rate.
const RATE_HOW = /(?:打分|评分|打星|评价|打个分)[^，。]{0,6}(?:在哪|哪里|怎么|咋|如何)|(?:在哪|哪里|怎么|咋|如何)(?:个)?(?:打分|评分|打星|评价)/u;

const HELD_BY = /^([\u4e00-\u9fa5]{2,4}?)(?:同志|师傅|老师)?(?:现在|目前)?(?:手上|手里|手头|那边)(?:现在|目前)?(?:还)?(?:有|在办|接了|压着|压了)?(?:几件|几个|哪些|什么|啥|多少|的)(?:活儿?|事儿?|事项|单子?|件)?(?:在办|没(?:办|弄|搞)完的?|未办结的?|在办的|多吗|多不多)?(?:啊|呢|吗)?[?？]?(?:[\s,，]*(?:超期没有?|有超期的吗|超期了吗|有没有超期))?$/u;
const WORKING_OF = /^(?:在办|办理中)\s+(?!列|看|给我|一下)([\u4e00-\u9fa5]{2,4})$|^([\u4e00-\u9fa5]{2,4}?)\s*(?:在办的|手上的|手里的|在办)$/u;
const OWN_ASKED = /(?:我|本人)(?:提|报|反映)过的[^。]{0,8}(?:念|读|说)(?:一遍|一下|给我听)|(?:我们家|我家|咱家)(?:提|报|反映)的[^。]{0,8}(?:事|事情)[^。]{0,8}(?:办完|怎么样|咋样|进展)|(?:我|自己|本人)(?:最近)?(?:完成|办过|办理过?|经手|提交)的(?:全部)?事项|看看自己(?:办过|完成)的|(?:我们|我|本人|阿拉|俺)(?:先后|之前|以前|上次)?(?:提|报|反映|所提)(?:过)?(?:额|嘅|的)?[^。]{0,8}(?:事体|事情|事项|嘢|各事项)[^。]{0,12}(?:办得|哪能|点样|怎么样|进度|情况|而家)|本人名下|(?:睇|看)(?:下|一下)?(?:我嘅|我的)单|^(?:请问)?(?:怎么|咋|如何)(?:查询?|看)(?:进度|进展)|(?:查询?|看)(?:一下)?(?:本人|我)(?:近期|最近|目前)?(?:办理|经办|负责|认领|手上)的?(?:事项|事情|单子|情况)|(?:我|俺)(?:反映|提|报|许)(?:过)?的[^。？?]{0,24}?(?:事|事情|问题|心愿)[^。？?]{0,12}?(?:进展|进度|情况|怎么样|咋样|办得)|(?:查|看)(?:一下|一查|看)?(?:我|俺)(?:提|报|反映)过的(?:所有|全部)?(?:事|事情|问题)/u;

type Guess = Extract<Command, { type: 'help' | 'login' | 'stats' | 'mine' | 'list' | 'working' | 'thanks' | 'join' | 'closed' }>;
const DONE_LIST = /(?<![未没不])(?<!没有)(?:办结|办完|办好|完成|做完)(?!率)(?:了)?的?(?:事情?|事项|单子)?[^。，]{0,6}?(?:列|清单|单子|发我|发给我|给我看)|(?:办结|办完|办好|完成)了?(?:哪些|什么|啥)|已办结的?(?:列表|清单|有哪些)|(?:哪些|什么|啥)[^。，没未]{0,6}(?<![未没不])(?:办结|办完|办好)了/u;
const UNHAPPY_LIST = /^不满意的[?？]*$|(?:不满意|差评|退回来|打回来)的?(?:事情?|事项|单子)?[^。，]{0,6}(?:列|清单|有哪(?:些|几件)|单子)|(?:哪些|有没有)(?:居民|人)[^。，\s]{0,10}(?:不满意|差评|退回)[^。，\s]{0,4}的/u;
// An invite code as the office hands it out: letters and digits, both.
const INVITE_CODE = /(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[A-Za-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,12}(?![A-Za-z0-9])/u;

const GUESSES: Array<[RegExp, Guess]> = [
  // "我想在办公室电脑上看一下整个台账 怎么弄": the console, before any list.
  [/(?:电脑|网页)上?看[^，。]{0,6}台账|台账[^，。]{0,6}(?:怎么|咋)(?:弄|看|打开)/u, { type: 'login' }],
  [/(?:照片|相片|图片)[^，。]{0,4}(?:咋|怎么|如何)(?:个)?(?:发|传)|(?:咋|怎么|如何)(?:发|传)(?:照片|相片|图片)/u, { type: 'help', topic: 'photo' }],
  [/真人还是机器|是(?:不是)?机器人|是真人吗|是人还是/u, { type: 'help', topic: 'who' }],
  [/(?:这玩意儿?|这个东西|你)[^。]{0,4}(?:到底)?(?:咋|怎么)(?:使|用)/u, { type: 'help' }],
  [/怎么用|咋个?用|(?:如何|怎样|怎么)(?:使用|操作)|(?:使用|操作)方法|怎么个用|咋个(?:搞|弄|整)|怎么操作|是干嘛的|是干什么的|做什么用的|是个啥|是什么东西|能帮着?干(?:点)?(?:啥|什么)|(?:能|会)干(?:点)?啥|(?:能|可以)发(?:啥|什么|哪些)命令|(?:能|会)干(?:点)?什么|能做什么|能做啥|(?:能|可以)做些(?:什么|啥)|不太会用|还不会用|都能干|(?:有|用)(?:哪些|什么|啥)功能|哪些命令|什么命令|命令都有|哪些指令|什么指令|指令都有/u, { type: 'help' }],
  // "把现在还没办完的事项给我列一下，谁在办，什么时候到期": what is under way, not how many.
  [/(?:没办完|还没办完|没办结|尚?未办结|在办|正在办|办理中)的?(?:事项?|单子|活)?[^。]{0,16}?(?:列|清单|哪些|给我看|看看|看一下|梳理|汇总|发我|发给我)|(?:还有)?哪些(?:事|事项|单子)?(?:还)?没(?:有)?(?:办完|办结)|各自手上|谁手上[^。，]{0,4}?(?:啥|什么|几件|哪些|哪几件)|(?:都)?谁拿着|手上各有|各(?:自)?有几件|谁在办|(?:列|看)(?:一下|一列)?[^。]{0,8}?(?:没办完|尚?未办结|在办|办理中)的?/u, { type: 'working' }],
  // "有没有快到期还没办完的": under way, soonest due first.
  [/快(?:要)?到期|快超期|要超期了?的|截止到?[^，。]{0,8}(?:还)?没办完/u, { type: 'working' }],
  // "11月份的数据按…分开给我列一下", "10月的呢": a month's figures, before any list.
  [/(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?(?:的)?(?:数据|统计|情况|件数)|^(?:那)?(?:这个?|本|上个?)(?:月|周|礼拜|星期)(?:的)?(?:数字|数据|情况|统计)(?:呢)?[?？]*$|^(?:那)?(?:\d{1,2}|[一二三四五六七八九十]{1,2}|上个?|这个?|本)月份?(?:的)?(?:呢|数据|情况)?[?？]*$/u, { type: 'stats' }],
  [/没人接|没人认领|没人管的|待认领|^待领|需要帮忙的|要帮忙的|有(?:啥|什么)活|(?:哪些|啥|什么)(?:事|活|单子)(?:没|还没)|紧急的事项|列一下|还有(?:单子|活儿?|事儿?)(?:吗|没|不)|有(?:单子|单|活儿?)(?:吗|没)|无人认领|新(?:活|单子)|(?:我|咱)(?:能|可以|来|去)?搭把手|还有(?:什么|啥|哪些)单子|有(?:啥|什么)我能(?:干|做|帮)的|(?:我|咱)能帮(?:上)?(?:点)?(?:啥|什么)忙?/u, { type: 'list' }],
  [/后台|台账|控制台|网页版|(?:给我|发我)(?:一)?个?(?:登录)?链接/u, { type: 'login' }],
  [/我(?:这阵子|最近|这段时间|这些天)?(?:都|现在|之前|以前|上次)?(?:提过|报过|反映过|提的|报的|反映的|手上|手里|接的|认领的|接了)[^，。,]{0,8}(?:哪些|啥|什么|几)|我(?:这个月|这周|今年|这段时间|这阵子|今年以来)?(?:一共|总共)?(?:帮了|办了|做了)(?:几个|几家|几件|多少)|(?:看看|查查|查一下|看一下)?我(?:自己)?的(?:记录|服务记录|台账|志愿记录)|我(?:还)?有(?:啥|什么|哪些|几个|几件)(?:没|还没)(?:干|办|做|弄)完|我(?:这边|手上|手里)(?:还)?有没(?:有)?(?:办|干|做)完|我(?:这|这边)?还(?:有|剩)(?:啥|什么|哪些)|我手上的(?:单|活|事)|我(?:之前|以前)?提的\s*(?:那些|那几个)?(?:事)?\s*(?:都)?(?:办完了没|怎么样了|咋样了)|我的事(?:情)?(?:都)?(?:办完了?没|怎么样了|咋样了)/u, { type: 'mine' }],
  [/(?:谁|哪个|哪位|哪些)(?:志愿者|人|党员|同志)?(?:干|办|做)得(?:最)?多|干得最多|排(?:个)?名|排一下|排个序|先锋榜|排行榜?|(?:谁|哪个|哪位)最(?:积极|能干|卖力)|表扬(?:谁|哪些人|哪几个)/u, { type: 'stats', topic: 'pioneers' }],
  [/统计|数据|(?:一共|总共)(?:有)?(?:好多|多少|几)(?:条|件|个)|一共办了|办了多少|办结了?多少|(?:办|收|提|来)了?几(?:件|个)|多少件|满意率|及时率|办结率|完成率|解决率|在办着?|没办完的|办理中|正在办理|超期|逾期|过期了?(?:的|几)|(?:这周|本周|这个月|本月|今年)(?:的)?(?:情况|办得)(?:怎么样|咋样|如何)|办得(?:怎么样|咋样)|把数(?:字)?给我|(?:数字|数据)发(?:我|给我)|情况汇总|汇总(?:一下)?(?:报|发|给)?我?/u, { type: 'stats' }],
  // "收到了 谢谢小陈 好人啊": thanks with a word of praise, no request in it.
  // "连心小助手真好用，辛苦啦～": praise of the bot itself.
  [/谢谢|感谢|多谢|麻烦(?:你|您|你们)了(?![^，。]{0,6}(?:帮|来|去|看|修|弄))|辛苦(?:了|你|您|啦|咯|喽|哈)|辛苦[\u4e00-\u9fa5]{1,3}(?:啦|了|姐|哥)|(?:真|挺|很|太|蛮|怪|还蛮|还挺)(?:好用|管用)|好用(?:得很|极了|啊|呀)/u, { type: 'thanks' }],
];

/** One of help, login, stats, mine, list or thanks when a short message plainly says it; else null. */
export function guessIntent(text: string): Guess | null {
  const t = normalizeText(text).trim();
  if (t === '') return null;
  // "你好 这个连心是干啥用的啊？我孙子把我拉进群的…我该咋说啊": asking what it is, however long.
  if (WHAT_IS_IT.test(t) && !REQUEST.test(t) && !ID.test(t)) return { type: 'help' };
  // "书记给我的码 7GBYAFW3 我也想当志愿者": the code is in it; joining, not asking how.
  const code = INVITE_CODE.exec(t);
  if (code && (JOIN_HOW.test(t) || /码|报到|报道|加入/u.test(t))) return { type: 'join', code: code[0].toUpperCase() };
  // "…我也是老党员能不能也当个志愿者…怎么报名": how to join, however long.
  if (JOIN_HOW.test(t) && /怎么|咋|能不能|可以吗|行吗|找谁|报名/u.test(t)) return { type: 'help', topic: 'join' };
  if ([...t].length > 40) return null;
  // "我不是党员 能不能当志愿者帮帮忙 找谁要那个码": how to join, though it has words of a request.
  if (JOIN_HOW.test(t)) return { type: 'help', topic: 'join' };
  if (RATE_HOW.test(t)) return { type: 'help', topic: 'rate' };
  // "我手上现在有活吗", "本人名下尚有哪些事项未办结": what they hold, before any list of what is open.
  if (MINE_FIRST.test(t) && !REQUEST.test(t) && !/(?:干|办|做|弄)完了/u.test(t)) return { type: 'mine' };
  // "孙志刚手上现在有几件", "在办 黄德福": what one person holds (for an official; others get their own).
  const held = HELD_BY.exec(t) ?? WORKING_OF.exec(t);
  // "物业小汪手上…": the person, named with where they work.
  const holder = (held?.[1] ?? held?.[2])?.replace(/^(?:物业(?:公司)?|居委会|社区|网格员|志愿者)(?:的)?(?=[\u4e00-\u9fa5]{2,3}$)/u, '');
  if (holder && !/^(?:我|你|他|她|咱|俺|谁|各自|大家|志愿者|还有|现在|目前|哪些|都有)/u.test(holder)) return { type: 'working', holder };
  // "现在还有哪些在办的", "现在谁手上还有没办完的": what is in hand, by whom.
  if (/(?:哪些|什么|啥)[^。]{0,4}在办|在办的(?:有|都有)?(?:哪些|什么|啥)?[?？吗呢]*$|谁手上[^。]{0,6}(?:没办完|在办|未办结|件|单|活)|手上压着/u.test(t)) return { type: 'working' };
  // "我反映的…那两件事，现在有什么进展了吗", "帮我查一下我提过的所有事情的情况吧": their own, however long.
  if (OWN_ASKED.test(t) && !ID.test(t)) return { type: 'mine' };
  // "把这周办好的事情发我 我要写周报", "还有哪些居民不满意的 也列出来": lists of what was closed.
  if (UNHAPPY_LIST.test(t) && !ID.test(t)) return { type: 'closed', which: 'unhappy', span: statsSpanSaid(t) };
  if (DONE_LIST.test(t) && !ID.test(t)) return { type: 'closed', which: 'done', span: statsSpanSaid(t) };
  // "这周每个志愿者各办了几件": who did how much, however the stretch is named.
  if (/每个(?:志愿者|人)[^。]{0,6}(?:几件|多少)|各(?:自)?办了(?:几件|多少)/u.test(t) && !ID.test(t)) return { type: 'stats', topic: 'pioneers' };
  // "这个月各类问题分别有多少": figures, though 问题 is a word of a report.
  if (figuresAsked(t) && !ID.test(t)) return { type: 'stats', span: statsSpanSaid(t) };
  // "麻烦帮我看一下…": a polite opening asks for nothing by itself.
  // ("麻烦你了", "麻烦您告诉我一下": thanks and a polite ask of the bot, no request for help.)
  if ([...t].length > 40 || REQUEST.test(t.replace(/^(?:麻烦|请)(?:你|您)?(?:帮我|帮忙)?/u, '').replace(/麻烦(?:你|您|你们)(?:了|告诉我(?:一下)?|说(?:一下)?)/gu, '')) || ID.test(t)) return null;
  for (const [re, command] of GUESSES) {
    if (!re.test(t)) continue;
    // "俺想找个人教教俺咋用微信视品": someone asked for, to teach them; not a question about the bot.
    if (command.type === 'help' && clearKind(t) === 'wish') return null;
    return command.type === 'stats' && !command.topic ? { type: 'stats', span: statsSpanSaid(t) } : command;
  }
  return null;
}
