import { QUESTION_END, trimFillers } from './fillers.ts';
import { findRating } from './find-rating.ts';
import { itemIdsIn } from './item-id.ts';
import type { Command } from './command-types.ts';
import { parseInvite } from './parse-official-args.ts';
import { statsSpanSaid } from './stats-span.ts';
import { officialTail } from './parse-official-tail.ts';
import { confirm, fromTail, STATUS_TAIL } from './parse-item-tail.ts';

// Commands as people say them, the item number anywhere: "12号我来", "#12 搞定了", "我来认领12号",
// "12号怎么样了". Every pattern covers the whole message (fillers aside), so "3号楼我来看看",
// "5月12号我来" or "12号我来不了" never read as a claim.

const SUPPORT_HEAD_WORDS =
  /^(?:同|同上|同样|同样的问题|一样|一样的问题|我也是|我家也是|我家那边也是|我们那边也是|我们也是|附议|\+1|加一|跟|我也遇到了?|我也要反映这个|我也反映|我也要反映)$/u;
const PROGRESS_HEAD = /^(?:更新一下|更新下|更新|汇报一下|汇报|说一下|报告一下|跟进一下)$/u;
// "好的我这边收到了 …", "那3号我自己认领吧": an acknowledgement before the number says nothing.
const ACK_HEAD = /^(?:(?:那|那么|那就|好的?|好嘞|行|嗯|收到了?|ok|我这边|顺便|另外|还有|然后|您好|你好|请问一下|请问|想问一下|问一下|我问一下|俺问一下|一下|各位好|大家好|书记|老师|我回来了|(?:刚才)?(?:说|发|写|打)错了|不对|不是(?:转告|转达|带话|让你转告|查询?)|是把|把|是)[\s,，。!！]*)+$/iu;
// What comes between the number and the verb: "12号的事办完了", "12号这个我来".
const TAIL_LEAD = /^(?:的|事情?|活儿?|单子|问题|心愿|这个|这件事|这单|那个|也|[\s,，])*/u;
// "我的12号怎么样了", "我报的12号到哪了": whose item it is changes nothing.
const OWN_HEAD = /^(?:把|对|我对|关于|我|我的|我那个|我提的|我报的|我反映的|我许的|我家的)$/u;
const RATE_HEAD = /^(?:给|为)$/u;
const CLAIM_HEAD = /^(?:(?:我们?)?(?:可以|能|想|要)?(?:来|去)?(?:认领|认令|任领|认岭|接单|接|领取?|负责|承接|包|来办|来做)(?:了|下|一下)?|我们?来|我们?要|我们?(?:马上|现在)?(?:去|来)(?:弄|看|办|处理|修|找|帮|帮忙|送)(?:一下|下|看)?(?:吧)?)$/u;
const DONE_HEAD = /^(?:我们?)?(?:已经?|都)?(?:完成|办结|办完|搞定|做完|修好|处理完|处理好|弄好|办好)(?:了)?$/u;
const STATUS_HEAD = /^(?:我)?(?:帮我)?(?:想)?(?:查|查查|查一下|查下|查看|查询|看看|看一下|看下|瞅瞅|瞅一下|瞧瞧|问一下|问下|问问|知道|了解一下)(?:我的|我报的|我提的)?$/u;
const WITHDRAW_HEAD = /^(?:我)?(?:要|想)?(?:撤销|撤回|取消)(?:一下|掉)?(?:我的)?$/u;
const SUPPORT_HEAD = SUPPORT_HEAD_WORDS;
const RELAY_HEAD = /(?:带个?话|捎个?话|转告(?:一下)?|转达(?:一下)?)[\s,，:：]*$|^回(?:复)?$/u;
// "帮我问哈3号那个杨师傅…", "想问一下2号的家属，…": a question for someone about the item, not its status.
const ASK_HEAD = /^(?:帮我|麻烦你?|请你?|替我|我)?(?:想)?(?:问哈|问一下|问问|问下)$/u;
const RELEASE_HEAD = /^(?:那)?(?:我)?(?:就)?(?:放了|放弃|退了|不搞了|不做了)$/u;
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
const INVITE_ASK = /^(?:妹子|小连|连心|@\S+\s*)?\s*(?:再|帮我|给我|请|麻烦|给[\u4e00-\u9fa5]{1,8}?(?:的)?(?:社工|志愿者|同志|党员|干部|网格员|人))*(?:生成|发|要|来|开|做|弄|创建|整|搞)(?:一下)?(?:一个|个|一张|张)?((?:党员志愿者|党员|志愿者|成员|干部|网格员|工作人员)?)(?:的)?(?:邀请码|(?<=党员|志愿者|成员|干部|网格员)码)(?:一个|1个|一张)?(?:撒|嘛|吧|呗|哈)?(?:$|[\s,，。;；!！])/u;
const HELP_PHRASE =
  /^(?:(?:这个)?(?:咋|怎么|如何)(?:用|使用|弄|操作)(?:啊|呀|呢)?(?:这个)?(?:\s*(?:我)?(?:不会弄|不会用|不懂|不会))?|(?:志愿者|党员|居民|我)?(?:能|可以)(?:干|做)(?:啥|什么)[\s,，]*(?:命令|指令)(?:都)?有(?:哪些|啥|什么)|(?:你|这个|小助手|这个机器人|机器人)?(?:都)?(?:能|会|可以)(?:干|做|帮)(?:啥|什么|些什么|我什么|我啥)(?:啊|呀|呢)?|(?:我)?(?:能|可以)用(?:哪些|什么)(?:命令|指令|功能))$/u;
const STATS_PHRASE =
  /^统计一下[\s\S]{0,10}$|^(?:看看|看一下|看下|查看|查查|查一下)?(?:这周|本周|这礼拜|这星期|这个月|本月|上个?月|今年|最近)?(?:咱|我们|本|咱们)?(?:社区)?(?:的)?(?:这周|本周|这个月|本月|上个?月|今年|最近)?(?:的)?(?:统计|数据)(?:情况)?(?:怎么样|咋样|如何)?(?:了|吗|呢)?$/u;
const LOGIN_PHRASE = /^(?:我)?(?:要|想)?(?:进|登录|登陆|上|打开|用)(?:一下)?(?:电脑)?(?:上)?(?:看看|看一下|看|查查|查一下)?(?:后台|控制台|管理后台|网页版|台账)(?:看看|看一下)?$/u;
const SEPARATORS = /^[\s:,.;!，。：；、！]*/u;
const TRAILING_CLAUSE_PUNCT = /[\s,，。;；!！]+$/u;

/** A command in free word order, or null. `norm` is the normalised text, `raw` as typed (same offsets). */
export function parseFreeOrder(norm: string, raw: string): Command | null {
  // "周强在弄对吧": 吧 is a filler, but 对吧 asks.
  const tag = /(?:对吧|是吧|对不对|是不是)[\s?？。.!！]*$/u.exec(norm);
  let { start, end } = trimFillers(tag ? norm.slice(0, tag.index) : norm);
  let question = tag !== null;
  const q = QUESTION_END.exec(norm.slice(start, end));
  if (q) {
    question = true;
    ({ start, end } = trimFillers(norm, start, end - q[0].length));
  }
  const t = norm.slice(start, end);
  if (t === '') return null;
  // Notes and reasons run to the end of the message as typed, thanks and all.
  const fullEnd = norm.replace(/[\s。.!！~～]+$/u, '').length;
  // "给17号打分 5", "是给1号打分 四分": the score for that item.
  const scoreFor = /^(?:我)?(?:是|就是)?(?:想)?给\s*#?(\d{1,6})\s*号?(?:打分|评分|打个分|打星|评价)[\s,，:：]*(?:打|给)?([1-5一二三四五])?\s*(?:分|星|颗星)?/u.exec(t);
  if (scoreFor) {
    const rating = scoreFor[2] ? Math.max(' 一二三四五'.indexOf(scoreFor[2]), 0) || Number(scoreFor[2]) : (findRating(t.slice(scoreFor[0].length))?.rating ?? null);
    if (typeof rating === 'number') return { type: 'confirm', id: Number(scoreFor[1]), rating, comment: '' };
  }
  if (LIST_PHRASE.test(t) || LIST_MORE.test(t)) return { type: 'list' };
  if (MINE_PHRASE.test(t) || MINE_MORE.test(t) || MINE_HELD.test(t)) return { type: 'mine' };
  if (HELP_PHRASE.test(t)) return { type: 'help' };
  if (STATS_PHRASE.test(t)) return { type: 'stats', span: statsSpanSaid(t) };
  if (LOGIN_PHRASE.test(t)) return { type: 'login' };
  // "您好，我是社区办公室张晓敏，邀请码：JCN93CYJ，请核实。": joining, with the code inside a sentence.
  const given = /邀请码\s*(?:是|为|:|：)?\s*([A-Za-z0-9]{6,12})(?![A-Za-z0-9])/u.exec(t);
  if (given && /[A-Za-z]/u.test(given[1]!)) return { type: 'join', code: given[1]!.toUpperCase() };
  const invite = INVITE_ASK.exec(t);
  if (invite) {
    // "…邀请码 能用10次的": the number of uses, if said; other words are the reason.
    const uses = /(?:能用|可以用|可用|用)?(\d{1,4}|[一二两三四五六七八九十百]+)(?:次|回|遍|个人)/u.exec(t.slice(invite[0].length));
    return parseInvite(`${invite[1]!.replace('党员志愿者', '党员')}${uses ? ` ${uses[1]}次` : ''}`, false);
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
  // Before the acknowledgements: "想问一下" opens a question as often as it opens a relay.
  if (ASK_HEAD.test(head) && tail !== '' && !STATUS_TAIL.test(tail) && !/怎么样|咋样|进展|进度|到哪|谁在|有人|修好|办好|弄好/u.test(tail)) return { type: 'tell', id, note: rawTail.replace(/^(?:的|那个)\s*/u, '').trim() };
  if (head === '' || OWN_HEAD.test(head) || ACK_HEAD.test(head)) return fromTail(id, tail, rawTail, question, hash);
  if (RATE_HEAD.test(head) && findRating(tail)?.index === 0) return confirm(id, tail, rawTail);
  const headRating = findRating(head);
  if (headRating && headRating.index === 0 && headRating.length === head.length && tail === '') return confirm(id, head, head);
  if (CONFIRM_HEAD.test(head)) return confirm(id, tail, rawTail);
  // "不是查 是让你给赵姐带个话 14号到底要帮啥忙": words to pass on, about that item.
  if (RELAY_HEAD.test(head) && tail !== '') return { type: 'tell', id, note: rawTail.trim() };
  // "不是撤回4号！", "谁让你撤了？？6号恢复": the withdrawal put right.
  // "撤错了 1号恢复": the mistake named before the number.
  if (/(?:不是|没让|谁让你?)(?:要)?撤(?:回)?了?[?？!！\s]*$/u.test(head) || (/撤(?:回)?错了?[,，。!！\s]*$/u.test(head) && /^(?:恢复|还要|不撤|$)/u.test(tail))) return { type: 'restore', id };
  if (RELEASE_HEAD.test(head)) return { type: 'release', id, reason: rawTail.replace(/^(?:嘛|吧|了)\s*/u, '').trim() };
  if (DISPUTE_HEAD.test(head)) return { type: 'dispute', id, reason: rawTail.trim() };
  if (STATUS_HEAD.test(head) && (tail === '' || STATUS_TAIL.test(tail) || question)) return { type: 'status', id };
  // "跟4号钟伯说 下礼拜五拆线我还陪阿婆去": words for that item's other side, not a "same here".
  const toThem = /^(?:跟|和|给|替我跟)$/u.test(head) ? /^(?:的)?[\u4e00-\u9fa5]{1,5}?(?:(?:说|讲)(?!好|过|了|定)|带个话)(?:一下|一声)?[\s,，:：]+(\S[\s\S]*)$/u.exec(rawTail) : null;
  if (toThem) return { type: 'tell', id, note: toThem[1]!.trim() };
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
  // "我妈家厨房漏水那个1号现在谁在弄啊？": a question about it, after what it is.
  if (clauseHead !== null && tail !== '' && question && fromTail(id, tail, rawTail, true, hash)?.type === 'status') return { type: 'status', id };
  if (clauseHead !== null && tail !== '' && !question) {
    const told = fromTail(id, tail, rawTail, false, hash);
    if (told && (told.type === 'progress' || told.type === 'done')) return { ...told, note: `${clauseHead.replace(TRAILING_CLAUSE_PUNCT, '')} ${told.note}`.trim() };
    if (told && ['claim', 'release', 'withdraw', 'priority', 'category', 'deadline', 'assign', 'reject', 'reopen', 'merge', 'snooze', 'status'].includes(told.type)) return told;
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
