import { confirmArgs } from './confirm-args.ts';
import { extractPlace, withoutPlace } from './extract-place.ts';
import { THING } from './request-words.ts';
import { normalizeText } from './normalize-text.ts';
import { parseCommand } from './parse-command.ts';
import { CORRECTION_ONLY } from './rerate-reply.ts';
import { isSmallTalkTopic } from './small-talk.ts';
import { stripMentions } from './strip-mentions.ts';
import { sharedWords } from './shares-words.ts';
import { KEEP_ON } from './keep-on-words.ts';

// Answers to the bot's own last question, in the words people use. After "#12 已办结，满意吗？":
// "满意，谢谢" confirms, "还是老样子" disputes. A week after confirmation ("#12 还好吗？"): "好的没问题"
// is fine, "还是老样子" reopens #12, and "又坏了" files a new report linked to #12.
//
// The rule for after confirmation: a fix that never held ("还是老样子", "没修好", "否") reopens the
// item, as SPEC's revisit says; a fix that held and then failed ("又坏了", "又不亮了") is a new
// occurrence, so it becomes a new report linked to the old one, and the old item keeps its
// confirmation and rating. Within the confirm question (before confirmation) both are disputes.

export type ReplyQuestion =
  /** "#12 已办结，满意吗？" sent to the submitter of a done item. */
  | { kind: 'confirm'; itemId: number; itemText?: string }
  /** "#12 还好吗？" sent a week after confirmation (回访). */
  | { kind: 'revisit'; itemId: number; itemText?: string };

export type ReplyMeaning =
  | { kind: 'confirm'; itemId: number; rating: number | null; comment: string }
  | { kind: 'dispute'; itemId: number; reason: string }
  | { kind: 'still_fixed'; itemId: number; comment: string }
  /** After confirmation: it never really worked. Reopen the item to whoever fixed it. */
  | { kind: 'reopen'; itemId: number; reason: string }
  /** After confirmation: it broke again. A new report with `text`, linked to `linkedTo`. */
  | { kind: 'new_report'; linkedTo: number; text: string }
  /** "先观察两天 再说": the verdict comes later; the question stays open. */
  | { kind: 'later'; itemId: number }
  /** "莫给我结了 下个礼拜六还要送的": a need that comes back (keep-on.ts). */
  | { kind: 'keep_on'; itemId: number; note: string };

// Phrases that contain 不/没 but praise: checked before the complaints.
const PRAISE_WITH_NEGATION = /没问题|没有问题|没毛病|没坏|不漏了|不堵了|不错|没事了?|挺不错|不用担心|不愁|(?:乐|高兴|开心|美|好|喜欢|舒服)得不行|(?:得)?不得了/u;
// It broke again after it had been fixed.
const AGAIN = /又[阁閣再]?有?[^，。\s]{0,4}(?:滴水|漏水|渗水)|又往上(?:冒|返|反)|又在?(?:剁|吵|闹|敲|砸|放)|又(?:漫|闪|灭|黑|坏|不亮|漏|堵|停|出问题|不行|不通|没水|没电|响|掉|松|裂|脏|臭|满|冰|冷|凉|不热|会堆|堆|会坏)|再次(?:坏|出现|漏)|又开始|又有|重新坏/u;
// It was never fixed, or the person is not satisfied.
const COMPLAINT =
  /不满意|(?:拿|送|买|配|装|换|修)错(?:了)?(?![^，。]{0,4}(?:没关系|不要紧|没事))|(?:但是|不过|可是|就是|只是)[^。！!]{0,20}(?:还没(?!来得及|顾上)|没放|没装|没弄好|还是会|还会(?:踩|摔|掉|漏|滴|坏)|还在(?:漏|滴|响|冒|晃))|还是[^，。,]{0,6}(?:没反应|没有反应|不行|不好使|用不了|不能用|充不了|打不开|不亮|不通|不出水|没水|没电)(?!的)|not (?:fixed|ok|working)|still (?:broken|not)|^不成|不成啊|莫算完|说了等于(?:没|白)说|等于白(?:修|说|弄|办)|(?:莫|没)得?(?:通|修|弄|整|搞)(?:完|好|通)|没(?:整|弄|修|搞)利索|还(?:在)?(?:忽闪|一闪一闪|闪)|(?:^|[\s,，。])(?:就|只是|就是)[^，。,]{0,8}还(?:有点|有些|在)[^，。,]{0,5}?(?:风|水|响|漏|渗|滴|晃|松|歪|斜|臭|味|闪|堵|冒|冷|凉|钻|吵|脏|卡)|不能算(?:修好|办好|搞好)|(?:修得|做得)?不合格|不算(?:是)?搞好|这叫(?:修好|办好|弄好|通开|完)|还(?:往外|往上)?冒(?:黑)?水|没(?:有)?(?:修|弄|办|处理|解决|搞|换)(?:好|完)?|还没(?:有)?(?:好|修|来|人来|解决|处理)|还是(?:老样子|那样|一样|没好|坏的|坏|不行|不亮|漏|堵|有问题|没修)|老样子|根本没|没人来|没有人来|没来过|不亮|不通|还漏|还在漏|漏水|堵着|还堵|(?<![累饿乐气急忙吓])坏了|坏的|不好使|不能用|用不了|有问题|不行|不得行|唔算|仲系|仲未|冇搞掂|未搞掂|不治根|还在(?:放|响|吵|漏|滴|流|冒|堵|坏)|还黑着|还没(?:完|弄好|修好|办完)|后面还有|(?:啥|怎么|咋|为啥|为什么)就(?:说|算)?(?:办结|办好|办完|完成|结|完|好)了?|(?:^|[^不])没满意|(?:拉|搞|弄|修|清|收拾)(?:走)?了一半|还有(?:几|一些|好多|不少)(?:块|个|袋|堆|处|点)|还?没(?:有)?(?:送|拿|买|搬)?(?:来|到)(?:呢|啊|呀)?(?=$|[\s,，。!！?？])|谁说(?:修|办|弄)?好了|没解决|我没说满意|哪能算|怎么能算|咋能算|(?:一点|一眼)(?:也|都)没(?:小|好|变|少)|还是(?:跳|吵|响|放|闹)到|这也叫(?:修好|办好|弄好|办完|完)|哪里(?:修|弄|办)?好了|还是(?:裂|碎|破)|(?:这|那)?哪(?:叫|算|能叫)(?:是)?(?:修好|办好|弄好|办完|完|修)|这(?:就)?算(?:是)?(?:办完|修好|办好|弄好|完)了?[?？]|不能算(?:办)?完|不算完|还没人管|没人管|唔得|冰凉|冷冰冰|还是冷|不热|不暖和?|没用|没有用|一点用都没有|不管用|治标不治本|治标唔治本|不怎么样|不太好|不大好|差评|糊弄|敷衍|骗人|假的|有啥用|有什么用|又摆回来|又回来了|第二天又|(?:可是|但是|不过)[^。]{0,24}?(?:还有|还在|没动|没清|没弄|没拉)|麻烦再(?:处理|弄|清|修|来)|没弄完|没清完|没办完|修了个寂寞|白修了|说了跟没说一样|跟没(?:修|弄|说|办|管)一样|^不中(?=$|[\s,，。!！])|还是满(?:出来|的|个|了)?|没(?:人)?倒(?:过)?(?:$|[\s,，。])|^(?:否|不是|不好|没有|不)$|不算(?:是)?(?:办好|修好|办完|弄好|好|完)|还是(?:松|晃|歪|斜|冷|凉|就那|一滩|有水|积水)|尚未|未算|未(?:修|弄|整|抹|处理)(?:好|平|完)|忽冷忽热|再行修整|督促|请勿办结|(?:并)?未(?:表示)?满意|没(?:有)?(?:表示|说过?)满意|(?:^|[\s,，。])没好(?:$|[\s,，。啊呢])|(?:可|可是|但是|但|不过)[^。]{0,16}?(?:还是(?!很|挺|不错|好|满意|希望|建议|要|想|得|请|麻烦)|都没有|(?:看|用|收|打)不(?:了|到|开))/u;
const PRAISE =
  /满意|杠好|得劲|倍儿棒|(?:^|[\s,，。])中(?:中)?(?=$|[\s,，。!！])|收着了|好闺女|好孩子|好小伙|修得(?:好|不错|挺好)|好的|好滴|好嘞|好哒|好了|挺好|很好|非常好|真好|太好了|好多了|好着呢|好用|还好|都好|一切正常|正常|可以|行|是的|^是$|对的?|^嗯+$|确认|谢谢|感谢|多谢|辛苦|点赞|^赞|棒|亮了|通了|修好|弄好|搞定|解决了|收到了|拿到了|已收到|用上了|很快|挺快|及时|效率高|态度(?:很|挺|非常)?好|热情|耐心|^ok$|^好$|^好好|多亏(?:了)?|手艺(?:没得说|没说的|好|不错|真好)|没得说|没说的|靠谱|麻利|利索|👍|🙏|好评|要得|安逸|巴适|得劲|杠杠|贼好|老好了|清爽|蛮好|蛮意|灵的|暖和多了|都说好|关严实了|贼结实|这回行|[★⭐]|[一二三四五1-5]\s*(?:颗|粒|个)?\s*[星分]/iu;
const CLOSING_WORD = /^(?:否|不是|不好|不行|(?:很|非常|特别)?不满意)(?:[\s,，。.!！:：;；]+|$)/u;
const ACK_ONLY = /^(?:(?:好的?|好嘛|要得|好滴|好嘞|好哒|是的?|对的?|嗯+|可以|行|ok|确认|收到|没问题|没有问题)[\s,，。.!！~～]*)+$/iu;
const DONE_QUESTIONED = /这也叫|不能算|哪能算|怎么能算|不算完|算(?:是)?(?:办完|修好|办好|完)了?[?？吗吧]|(?:啥|怎么|咋)就(?:算)?(?:办结|完成|结|完|好)了|两(?:个|件)事/u;
// "先观察两天 再说", "等看完了我再说": no verdict yet.
const LATER = /^(?:先|我先|再)?观察(?:两|几|一)?(?:天|下)|先(?:看|用|观察)(?:两|几|一)?(?:天|下|阵)再说|(?:等|过)[^，。]{0,10}(?:再说|再看|再评|再打分)|^(?:先)?(?:看看|用用)再说|再说吧?$/u;
const NEW_REQUEST = /(?:我|俺)(?:还)?想(?:请|找|麻烦|求)(?:一位|一个|个|位)?|(?:能不能|可不可以|谁能)(?:请|找|帮)|(?:我|俺)(?:还)?(?:有|想提)(?:个|一个|件)(?:新的?)?(?:心愿|事|请求)|(?:另外|还有)(?:一|个)(?:件)?(?:事|心愿)/u;
const QUANTITY_AFTER_NUMBER = /^\s*\d+\s+(?:个|人|次|天|点|号|楼|栋|层|位|家)/u;

/**
 * What a message means as an answer to the bot's question, or null when it is not an answer (a
 * command, a new topic, a question back). `itemText`, when given, lets a message about another
 * place ("3号楼的电梯又坏了" after a question about a street lamp in 5栋) count as a new topic.
 */
// "希望不要在坏了" (再, by voice): a hope about later is no complaint now either.
// ("不晓得能坚持几天咯要是又吵起来…", "明天…会不会又停回来咯 你们要盯紧点": a worry too.)
const WORRY = /(?:就|只|就是|只是|但是|可是)?(?:怕|担心|万一|希望(?:不要|别|莫|不会)|(?:要是|如果|假如)(?=[^，,。；;!！]{0,6}又)|不晓得能|不知道能|不晓得会不会|不知道会不会|会不会又)[^，,。；;!！\s]{0,14}|(?:你们|社区)?(?:要|得)?盯(?:紧|着)点?|以后(?:再|又)[^，,。；;!！\s]{0,8}(?:再|还)(?:找|跟|说)[^，,。；;!！\s]{0,8}/gu;

export function understandReply(input: string, question: ReplyQuestion | null): ReplyMeaning | null {
  if (!question) return null;
  // "我是说满意啊 五星 不是不满意": a double negative is a yes.
  const raw = stripMentions(input).trim().replace(/不是不满意/gu, '满意');
  const norm = normalizeText(raw);
  if (norm === '') return null;

  const cmd = parseCommand(raw);
  // "否 12" says no and nothing more.
  const said = cmd.type === 'answer' ? '' : raw;
  let polarity: 'yes' | 'no' | null = null;
  switch (cmd.type) {
    case 'text':
    case 'invalid':
      break;
    case 'thanks':
      polarity = 'yes';
      break;
    case 'answer':
      if (cmd.id !== null && cmd.id !== question.itemId) return null;
      polarity = cmd.yes ? 'yes' : 'no';
      break;
    default:
      // A command names what it is about; it is handled as a command.
      return null;
  }

  // "今天天气真好": small talk, whatever praise is in it.
  if (polarity === null && isSmallTalkTopic(norm)) return null;
  if (polarity === null) {
    // "修是修了 就怕过两天又坏": a worry about later is no complaint now.
    const calm = norm.replace(WORRY, '');
    // "我想请一位会用智能手机的同志帮我预约…我试了好几次都没弄明白": a new request, not a verdict.
    if (NEW_REQUEST.test(calm) && !AGAIN.test(calm) && !/(?:修|弄|办)好|坏|老样子|满意|这个|这事|上次/u.test(calm)) return null;
    const again = AGAIN.test(calm);
    const praiseDespiteNo = PRAISE_WITH_NEGATION.test(calm);
    const rated = confirmArgs(norm, raw);
    // "装是装上了 就是有点斜": granted, but — a complaint, unless a score was given.
    const conceded = /[\u4e00-\u9fa5]是[\u4e00-\u9fa5]{0,3}了?[\s,，]*(?:就是|但是|可是|不过|只是|但|可(?![以能]))/u.test(calm) && !(rated !== 'bad_rating' && rated.rating !== null);
    // "…我基本满意，只是提醒一下旁边又有新垃圾": said outright, the verdict stands; the rest is a remark.
    // ("…不过医生说一样的 满意的", "井盖换好了 满意 车棚那个灯还闪着呢": 满意 as a clause of its own.)
    const saidSatisfied = /(?:基本(?:上)?|总体(?:上)?|整体(?:上)?|还算|算是|我(?:很|挺|非常|还是|也|是)?)满意(?![吗么嘛?？个])|(?:^|[\s,，。!！])(?:还是)?满意(?:的|了|啦|哈|呢|个)?(?=$|[\s,，。!！])/u.test(calm) && !/(?:不|没|冇|未|唔)(?:太|咋|怎么|是很)?满意/u.test(calm);
    const complaint = !saidSatisfied && (again || conceded || (!praiseDespiteNo && COMPLAINT.test(calm)) || (praiseDespiteNo && COMPLAINT.test(calm.replace(PRAISE_WITH_NEGATION, ''))));
    // "等修好了我再评价": a fix still to come is no praise.
    const praise = PRAISE.test(norm.replace(/等[^，,。]{0,8}?(?:修好|弄好|办好|好)了?/gu, '')) || praiseDespiteNo || (rated !== 'bad_rating' && rated.rating !== null && !QUANTITY_AFTER_NUMBER.test(norm));
    // "…这个得说道说道 先给三星吧": a score of 3 or more given with a grumble is a rating, not a complaint.
    // ("通是通了 但是…还是臭烘烘的 一般般嘛": a middling verdict said last is the verdict.)
    const scored = rated !== 'bad_rating' && rated.rating !== null && rated.rating >= 3 && /[1-5一二三四五]\s*(?:颗|粒|个)?\s*(?:星|分)|[⭐★]|扣(?:掉)?[一1两2](?:颗|个|分)|(?:一般般?|凑合|还行|还可以|马马虎虎|过得去)(?:吧|嘛|啦|了|哈|呗)?[\s。.!！~]*$/u.test(norm);
    if (question.kind === 'confirm' && KEEP_ON.test(calm)) return { kind: 'keep_on', itemId: question.itemId, note: raw };
    // "…上次也是好了两天又坏 我先观察几天再评价哈": the verdict put off outright, whatever came before.
    if (question.kind === 'confirm' && /观察(?:两|几|一)?(?:天|下|阵)[^。]{0,4}再(?:评价|评|打分)|先别(?:急着)?(?:给我?)?(?:结|确认|打分)|再打分|(?:别|不要|莫)(?:着急|急着)?(?:给我|给)?(?:急着)?(?:结|确认|办结)(?:了)?(?:啊|哈|呀)?(?:$|[\s,，。!！])|不评价|长期的|每(?:周|个礼拜|礼拜)都要/u.test(calm)) return { kind: 'later', itemId: question.itemId };
    if (question.kind === 'confirm' && !complaint && !praise && LATER.test(calm.replace(/在说/gu, '再说'))) return { kind: 'later', itemId: question.itemId };
    if (complaint && !scored) polarity = 'no';
    else if (praise || scored) polarity = 'yes';
    else return null;
    // "修好了吗？" asks back; it answers nothing.
    if (polarity === 'yes' && /(?:吗|么|[?？])[\s。.!！]*$/u.test(norm) && !/满意|谢/u.test(norm)) return null;
    // "满意 燃气公司来得挺快的": a word that answers the question outright keeps it an answer.
    // "…下水道那个还没人管呢，这个不能算办完了吧", "这还没去呢咋就办结了": the completion itself questioned.
    const answers = (polarity === 'yes' && (/满意|谢|好评|多亏|[★⭐]/u.test(norm) || scored)) || (polarity === 'no' && DONE_QUESTIONED.test(norm));
    // Another place than the item's: a new topic, unless it rates.
    const place = extractPlace(norm);
    // "…确实清干净了，可是2楼拐角那里还有两袋…": the rest of the same job, not another place's.
    const rest = /确实|可是|但是|不过|麻烦再|没弄完|没清完|还有[^。]{0,12}没|一半|还有(?:几|一些|好多|不少)/u.test(norm);
    if (question.itemText && place && !rest && !answers && !normalizeText(question.itemText).includes(normalizeText(place)) && !(rated !== 'bad_rating' && rated.rating !== null)) {
      return null;
    }
    // "8栋电梯又停了" to a question about a rubbish pile: another thing, a new topic.
    const thing = THING.exec(norm)?.[0];
    if (question.itemText && thing && !answers && !normalizeText(question.itemText).includes(thing)) return null;
    // After confirmation, "想问下社区有没有…辅导作业的", "12345打过两次了 没用 社区出面协调一下不行？":
    // a question or an objection that shares nothing with the item is about something else.
    if (question.kind === 'revisit' && /^(?:另(?:外)?|再|还(?:要|想)|我还(?:要|想))反映|(?:两|几)件(?:新)?事|(?:说的是|这是|是)(?:个)?新(?:的)?事|两个事/u.test(norm)) return null;
    // "我奶奶说楼上602卫生间漏水 把我家厕所顶上泡坏了" to "#8 健身器材还好吗？": a trouble of its own,
    // told at length and sharing no words with the item, is a new matter.
    if (question.kind === 'revisit' && question.itemText && !answers && [...norm].length >= 12 && !/老样子|没(?:修|弄|办)?好|还是那样|跟(?:上次|以前|原来)一样|没(?:有)?(?:送|拿|买)?(?:到|来)|确认|没满意/u.test(norm) && sharedWords(withoutPlace(normalizeText(question.itemText)), withoutPlace(norm)) === 0) return null;
    if (question.kind === 'revisit' && question.itemText && !answers && /想问|有没有|能不能|可不可以|社区出面|协调|另(?:外)?反映|再反映|还(?:要|想)反映|(?:两|几)件(?:新)?事|新(?:的)?事|[?？]\s*$/u.test(norm) && !/没(?:修|弄|办)?好|老样子|又|还是/u.test(norm) && sharedWords(withoutPlace(normalizeText(question.itemText)), withoutPlace(norm)) === 0) return null;
  }

  if (question.kind === 'confirm') {
    if (polarity === 'no') return { kind: 'dispute', itemId: question.itemId, reason: reasonOf(said, norm) };
    const args = confirmArgs(norm, raw);
    if (args === 'bad_rating') return { kind: 'confirm', itemId: question.itemId, rating: null, comment: raw };
    // "不是要登记 我是说满意": the words that set the record straight are no comment.
    const comment = args.comment.replace(/^(?:不是要?登记|不是新的?事?|不是)?[\s,，]*(?:我)?(?:是说|是想说|说的是)[\s,，]*/u, '').trim();
    const left = normalizeText(comment);
    return { kind: 'confirm', itemId: question.itemId, rating: args.rating, comment: ACK_ONLY.test(left) || CORRECTION_ONLY.test(left) ? '' : comment };
  }
  if (polarity === 'yes') return { kind: 'still_fixed', itemId: question.itemId, comment: ACK_ONLY.test(norm) ? '' : raw };
  return afterConfirmation(said) === 'new_report'
    ? { kind: 'new_report', linkedTo: question.itemId, text: reasonOf(said, norm) || said }
    : { kind: 'reopen', itemId: question.itemId, reason: reasonOf(said, norm) };
}

/**
 * A complaint about a confirmed item: "又坏了" (it held, then failed) is a new report linked to the
 * old one; anything else ("还是老样子", "没修好") reopens the old one. Also for "不满意 3 又不亮了".
 */
export function afterConfirmation(reason: string): 'reopen' | 'new_report' {
  return AGAIN.test(normalizeText(reason)) ? 'new_report' : 'reopen';
}

/** The complaint without a leading "否" or "不满意": "不满意 灯还是不亮" → "灯还是不亮". */
function reasonOf(raw: string, norm: string): string {
  if (raw === '') return '';
  const word = CLOSING_WORD.exec(norm);
  return (word ? raw.slice(word[0].length) : raw).trim();
}
