import { normalizeText } from './normalize-text.ts';
import { TROUBLE } from './request-words.ts';

// Words that are no request: a greeting ("你好", "在吗") gets the welcome, an acknowledgement
// ("好的", "嗯", "收到") of something the bot said needs no answer at all, and neither starts a
// dialogue ("收到：“好的” 这是哪一类？" was the old answer).

const EDGE = '[\\s,，。.!！~～…?？]|[\\u{1F300}-\\u{1FAFF}\\u2600-\\u27BF\\uFE0F]';
const ACK = new RegExp(
  `^(?:${EDGE}|好的?|好滴|好嘞|好哒|好吧|那好吧|那就好|那就行|那好|那太好了|晓得了|麻烦(?:你们|您|你)了|辛苦(?:你们|您|你)?了|行|行的|行吧|可以|嗯+|哦+|噢+|喔+|收到|收到了|知道了|明白了?|了解|懂了|对+|对的|是的|是啊|没错|ok|okay|👌|👍)+$`,
  'iu',
);
const GREETING = new RegExp(
  `^(?:${EDGE}|你好|您好|你们好|在吗|在不在|有人吗|有人在吗|请问|是社区吗|是不是社区|是社区的吗|这个是社区的吗|这是社区的吗|是连心吗|社区吗|hi|hello|哈喽|嗨|早上好|上午好|中午好|下午好|晚上好|早安|晚安|早|小助手|连心|小连)+(?:啊|呀|吗|呢)?(?:${EDGE})*$`,
  'iu',
);

export function isAcknowledgement(text: string): boolean {
  const t = normalizeText(text).trim();
  return t !== '' && ACK.test(t);
}

/** "行，那我先看两天效果再说", "中 中 俺明个在家等着": taking note of an answer, asking nothing. */
export function isTakingNote(text: string): boolean {
  const t = normalizeText(text).trim();
  return [...t].length <= 24 && TAKING_NOTE.test(t) && !/[?？吗]/u.test(t) && !TROUBLE.test(t);
}
const TAKING_NOTE = /^(?:行|好的?|嗯+|中|哦|那|知道了|明白了?|晓得了|收到)[，,。\s]*[\s\S]{0,18}?(?:再说|看看(?:效果)?|等着看|等着|等他|等她|等你们|等等|等一等|等消息|不急|知道了|在家等)(?:他|她|你们)?[吧啊哈了呢。!！]*$/u;

/** Only emoji and punctuation: "😭😭", "🌹", "？". */
export function isOnlySymbols(text: string): boolean {
  const t = normalizeText(text).trim();
  return t !== '' && !/[\p{L}\p{N}]/u.test(t);
}

export function isGreeting(text: string): boolean {
  const t = normalizeText(text).trim();
  return GREETING.test(t) && /\p{L}/u.test(t);
}

// "喂你好我跟你说啊…", "你好 小区门口…", "咋没反应呢 我说想…": the opening before what is asked.
const OPENING =
  /^(?:(?:喂+|哎+|唉+|嗨|hi|hello|连心(?:你好|您好|啊|呀)?|你好啊?|您好|大家好|在吗|在不在|请问一下|请问|我想问一下|想问一下|打扰(?:一下|了)|不好意思|我跟你说个事儿?|我跟你说啊?|跟你说个事儿?|我说|咋没反应呢?|怎么没反应呢?|有人吗|有冇人(?:啊|呀|在)?|有没有人(?:啊|在)?|帮帮忙)[\s,，。.!！?？~～…啊呀哈嘛]*)+/iu;

/** The words of a request without a greeting or "are you there" before them (they are filed and posted). */
export function withoutOpening(text: string): string {
  const m = OPENING.exec(text.trim());
  if (!m) return text;
  const rest = text.trim().slice(m[0].length).trim();
  return [...rest].length >= 4 ? rest : text;
}

/** "今天天气真好", "吃了吗": small talk, whatever praise is in it. */
export function isSmallTalkTopic(norm: string): boolean {
  // "我想反映个事情 …下雨天都泡烂了": a request that mentions the weather is still a request.
  // "@连心 你话今个礼拜六会唔会落雨", "猪肉都起价了 @连心 你话系唔系": the bot asked its opinion.
  return /天气|下雨|落雨|下雪|吃饭|吃了吗|早上好|晚上好|过节|节日快乐|场波|球赛|起价|涨价|你话|你觉得|你都(?:睇|看)|你说是不是/u.test(norm) && !/满意|谢|修|弄|办|好了|反映|报修|投诉|没人(?:管|收拾|清|修)|堆/u.test(norm);
}

// "王姐 …", "吴书记 …", "老马，…": someone called by name at the start — words to a person, not to the bot.
export const CALLS_SOMEONE = /^(?:[\u4e00-\u9fa5](?:书记|主任|姐|哥|叔|姨|婶|嫂|阿姨|大爷|奶奶|爷爷|师傅|老师)|老[\u4e00-\u9fa5]|小[\u4e00-\u9fa5])(?:啊|呀)?[\s,，]+/u;

/** Words written to a neighbour, sent to the bot by mistake. */
export function looksMeantForSomeoneElse(text: string): boolean {
  const t = normalizeText(text).trim();
  // "老公下班记得买鸡蛋": family spoken to by what they are.
  if (/^(?:老公|老婆|媳妇|儿子|闺女|老妈|妈|爸|宝贝)[\s,，]*(?:记得|别忘了?|回来|下班|晚上|你)/u.test(t)) return true;
  return CALLS_SOMEONE.test(t) && /你(?!们)/u.test(t.replace(CALLS_SOMEONE, '')) && !/社区|连心|机器人|登记|帮我|麻烦|能不能/u.test(t);
}

// "没事没事 吓我一跳": reassurance among neighbours, with more to say (not leaving a draft).
const REASSURANCE = /^(?:没事|没关系|不要紧|不碍事)(?:的|了|啦|哈)?[\s,，。!！]*(?:没事(?:的|了|啦|哈)?[\s,，。!！]*)?(?=\S)(?!.*(?:登记|取消|不报|不用|我是问|不是新))/u;
export const isReassurance = (norm: string): boolean => REASSURANCE.test(norm);

// "大家好，本周六上午九点在活动室开居民议事会，欢迎参加": a notice to everyone, with nothing wrong or wanted in it.
const NOTICE = /^(?:各位(?:居民|邻居|业主|街坊)?|大家好|通知|温馨提示|提醒大家)|欢迎(?:大家)?参加|(?:请|望)(?:大家|各位)(?:相互转告|准时|积极|注意)|居民议事会|(?:开|召开)[^，。]{0,6}会/u;
export const isNotice = (norm: string): boolean => NOTICE.test(norm) && !/坏|漏|堵|不亮|没人管|帮我|想请|反映|投诉/u.test(norm);
