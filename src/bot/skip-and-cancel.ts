import { normalizeText } from './normalize-text.ts';

// Answers to "有照片吗？", "在哪里？", "方便留个电话吗？" that mean "nothing to add". They must never
// be stored as content ("地点：跳过吧", "补充：没有照片" were). Checked on the whole message.

const STRIP_END = /(?:[\s,，。.、!！~～…]|了|啦|吧|哈+|呀|啊|哦|喔|嘞|呢|嘛|哟|呗|喇|㗎|谢谢(?:你|您|你们|了|啦)?|多谢|感谢|[\u{1F300}-\u{1FAFF}\u2600-\u27BF\uFE0F])+$/u;
const PUNCT_END = /(?:[\s,，。.、!！~～…]|谢谢|[\u{1F300}-\u{1FAFF}\u2600-\u27BF\uFE0F])+$/u;
const STRIP_START = /^(?:[\s,，。.、!！~～]|好的?|嗯+|哦|噢|那|那就|这个|那个|先|我)+/u;
const OBJECT = '(?:照片|图片|相片|图|照|拍照|拍的|视频|电话|手机号?|号码|联系方式|地址|地点|位置|在哪里?|哪里|补充|其他的?|别的|要补充的|什么)';
const SKIP_WORD =
  '(?:不流|莫照|莫拍|没照|不照了|呒没|冇得|唔使|唔驶|唔洗|唔要|唔需要|不用留|跳过|略过|下一步|说不好|不好说|没法拍|没法照|没法发|没办法拍|登记|回头再说|以后再说|回头发|回头拍|等会儿?再?拍|等下拍|拍不|发不|照不|留不|没得|木有|没的|算了不留|算了不用|算了不发|算了不拍|不方便留|留不了|拍不到|照不了|不想发|不想拍|不想留|不想说|不用|不需要|不必|不要|别|没有|没|无|暂无|暂时没有|算|不发|不拍|没拍|拍不了|发不了|不会发|不会拍|不留|不方便|不想留|不知道|不清楚|说不清|省略|免|冇|没相|冇图|莫得|莫有|没得|就这些|就这样|就这么多|没别的|没什么|没啥|skip|no|none|nope|n/?a|pass)';
const SKIP = new RegExp(`^(?:${OBJECT}(?:就|也|先|暂时|还是)?)?${SKIP_WORD}(?:${OBJECT})?(?:了|吧|啦)?$`, 'iu');

const CANCEL =
  /^(?:算了[\s,，]*)?(?:不用)?(?:取消|不要了|不报了|不提了|不弄了|不办了|不反映了|不许了|不许愿了|不用管了|不用办了|作废|撤销|删了|删掉|删除|重来|重新来|退出|不说了|cancel|stop|quit|exit)(?:吧|了|啦)?$/iu;

/**
 * True for an answer that skips the question: 跳过, 跳过吧, 没有, 没有照片, 不用了, 算了, 不发了, 无,
 * 不需要, 没了, 不留电话, 不方便. Only the whole message counts ("没有人管" is content).
 * "不要了" is a cancellation, not a skip (see isCancel): check isCancel first.
 */
/** "拍了 在手机里呢 咋发给你啊": how to send a photo. */
export const HOW_TO_SEND_PHOTO = /(?:照片|相片|图片|图)?[^，。]{0,6}(?:咋|怎么|如何|怎样)(?:个)?(?:发|传|弄|给)(?:给你|过去|上来|上去|照片|相片|图片)?(?:啊|呀|呢|哇)?[?？]*$/u;

export function isSkip(text: string): boolean {
  if (tidy(text) === '' || isCancel(text)) return false;
  // "没有，就这样吧", "不用了，谢谢": every clause skips (or only thanks).
  const clauses = normalizeText(text).split(/[,，。;；、!！]+/u).map(tidy).filter((c) => c !== '');
  if (clauses.length > 0 && clauses.every((c) => SKIP.test(c))) return true;
  // "拍不了 晚上太黑了", "不用了 孙子会陪着": the answer first, then why.
  const first = tidy(normalizeText(text).trim().split(/[\s,，。;；、!！]+/u)[0] ?? '');
  if (first !== '' && SKIP.test(first) && !/^(?:没有?|无)$/u.test(first)) return true;
  // "店里忙 没空拍 你们直接来看就知道了", "拍啥子照片哦 人命关天的事": no photo, whatever else is said.
  if (/^(?:我们|我|俺|阿拉)?(?:还是)?(?:电话)?(?:就)?不(?:用)?留(?:了|啦|电话)?|直接来敲门|敲门就(?:行|是了?)|不会看短信|^电话等|记勿牢|记不住|不记得(?:号码|电话)|(?:电话|号码)回头(?:再)?(?:告诉|给)|(?:哪能|怎么|咋|咋个|么样)拍|冇拍|没相|^眉有|^冒得|^么得|^不会(?:弄|用|发)?(?:啊|呀)?$|^否$|(?:勿|不)会拍|拍(?:勿|不)来|(?:群里)?发不(?:上去|出去)|网(?:太)?卡|(?:拍|照)(?:了)?[^，。]{0,6}(?:看不清|黑的|黑乎乎)|点(?:样)?影相?|没空拍|没时间拍|拍啥子?照片?|拍什么照片|照啥相|拍不清|不用拍|(?:这个|那个)?(?:就)?不(?:拍|照)了吧?|照不出来?|拍不出来?|(?:有|有啥|有什么|有么子|有啥子)(?:可|好)?(?:照|拍)的|来看就知道|一看就知道|先登记吧|跳过(?:吧|了|啦)?$|没(?:有|得)?照片|先这样吧|^(?:没有)+$|不会(?:弄|拍|发)(?:照片|相片)|覅了|^覅[。!！]*$|不(?:晓|会)(?:得)?(?:翕相|影相|拍照|拍)|没拍|拍不出来|拍不了|(?:电话)?(?:就)?别留了|(?:照片|相片|拍照)[^，。]{0,3}不会|(?:现在|暂时|眼下)(?:还)?(?:没得|没有|冇)(?:照片|相片)?$|(?:照片|相片)?(?:等|让)[^，。]{0,10}(?:回来|有空)?(?:再|给我|帮我)?拍|拍了再发|回头(?:再)?(?:拍|发)|(?:地址|地点|门牌)[^，。]{0,3}(?:不讲|不说|不告诉|不留)|(?:哪有|没有|没啥)(?:啥|什么)?(?:地点|地址)/u.test(normalizeText(text))) return true;
  // "我看不见哪里拍得照片咯冇得冇得", "没有 我不会弄那个", "照不来": cannot, so none.
  const said = normalizeText(text).replace(/\s+/gu, '');
  if ([...said].length <= 30 && /(?:拍|照|相片|图)/u.test(said) && /看不见|看不清|眼睛不好|眼神不好|瞎|不会(?:弄|搞|用)|弄不来|搞不来|没得|没有/u.test(said)) return true;
  if ([...said].length <= 16 && (/^(?:照|拍|影)(?:勿|不)来|^(?:没有|没得|没)[^，。]{0,3}(?:不会(?:弄|搞|用)|弄不来|搞不来)/u.test(said))) return true;
  // "没有 介还用拍嘛": no, then why a photo at all.
  const firstWord = tidy(normalizeText(text).trim().split(/[\s,，。;；、!！]+/u)[0] ?? '');
  if ([...normalizeText(text)].length <= 24 && /^(?:没有|没|冇|冇得|没得)$/u.test(firstWord) && /拍|照片|相片|图/u.test(normalizeText(text))) return true;
  // "问政策哪来的照片😂 没有": about the photo, then no.
  const lastWord = tidy(normalizeText(text).trim().split(/[\s,，。;；、!！]+/u).at(-1) ?? '');
  if ([...normalizeText(text)].length <= 24 && /照片|相片|拍|图/u.test(normalizeText(text)) && /^(?:没有|没|冇|没得|木有|莫得|无)$/u.test(lastWord)) return true;
  // "看不清 莫照": a reason, then no photo.
  if ([...normalizeText(text)].length <= 24 && /^(?:莫|没|不|冇)(?:照|拍)(?:了|啦)?$/u.test(lastWord)) return true;
  // "没带手机拍不了": a short message that says it cannot be done.
  const whole = normalizeText(text).replace(/\s+/gu, '');
  return whole.length <= 16 && /拍不了|唔识影|唔会影|不会拍|发不上来|传不上来?|上传不了|发不出去|没法拍|拍不到|没办法拍|不方便拍|照不了|发不了|没法发|(?:等会儿?|等下|等歇|晏歇|等一歇|回头|晚点|一会儿?|晚上|明天|下午|下班)[\u4e00-\u9fa5]{0,4}?拍/u.test(whole);
}

/** True for a message that drops the draft: 取消, 不要了, 算了不报了, 不反映了, cancel. */
export function isCancel(text: string): boolean {
  // 了 matters here: "不要了" drops the draft, "不要" (a photo?) only skips.
  const t = normalizeText(text).trim().replace(PUNCT_END, '').replace(STRIP_START, '').replace(/\s+/gu, '');
  // "取消那一条吧，谢谢": the thanks and the draft named do not make it anything else.
  const plain = t.replace(/[，,。]*(?:谢谢|多谢|谢了)(?:你|您|啦|了)?$/u, '').replace(/[，,。]+$/u, '').replace(/^(?:帮我|麻烦)?(取消|删了|删掉|作废|撤销)(?:掉)?(?:刚才)?(?:那一?条|这一?条|那个|这个|它)(?:心愿|问题|事|登记)?/u, '$1');
  return CANCEL.test(t) || CANCEL.test(plain);
}

function tidy(text: string): string {
  return normalizeText(text).trim().replace(STRIP_END, '').replace(STRIP_START, '').replace(/\s+/gu, '');
}

// "不是 不用登记 我就是说声谢谢", "不是新的 我说的是7号的进展": to "是心愿还是反映问题？" this says
// there is nothing to file.
const NOT_A_REQUEST = /^不是(?:的|啊|呀)?(?:[\s,，。]|新的)|不用(?:登记|记|记录|记下来|报)|没(?:要|想|说要)(?:登记|报|反映|许愿)|别(?:再)?问了|(?:不(?:要|想|用)|覅|甭|别)再?登记|(?:就|只)是(?:想)?(?:说声|说一声|道个|表示)(?:谢谢|感谢)|(?:就|只)是(?:问问|说说|随便说说|聊聊)/u;
// "不是，是反映问题" names a kind: that is an answer, not a refusal.
const NAMES_A_KIND = /心愿|许愿|反映|问题|报修|投诉/u;

/** True for an answer to "what is it?" that says nothing is to be filed. */
export function isNotARequest(text: string): boolean {
  const t = normalizeText(text).trim();
  return NOT_A_REQUEST.test(t) && !NAMES_A_KIND.test(t);
}

// "取消取消", "算了不登了", "都不是 我是问小张几点来", "不是新的 我问的是我那个心愿": the draft is not
// wanted; what follows may ask something else.
const ESCAPE =
  /^(?:@\S+\s*)?(?:哎呀|哎哟|唉呀|唉|哎|嗯|哦|好吧|那|哈哈+|呵呵|嘿嘿)?[\s,，]*(?:(?:取消|算了|不登了|勿要登记了?|唔要登记|(?:嗰条|这条|那条|呢条)?唔使登记|(?:此|这)(?:并)?非新(?:事|事项)|啥一啊二的?|(?:唔係|唔系|勿是|不是)新(?:嘅|嘢|额|的|我)?(?:事体|事情|事|问题)?(?:呀|啊)?|不登记了|不用登记?了?|不用不用|没事没事|不记了|没事了|没事|不是这个意思|(?:我)?不是又(?:提|报|反映)(?:事情|新事|事)?|发错了?|发错人了?|不是给你的|不是发给你的|不是新的?(?:事|问题|心愿)?|都不是|啥也不是|什么都不是|哪个都不是|不是要登记|不是不是|不对|我不是要(?:反映|许愿|登记|提心愿|提问题|报)(?:什么|啥)?|(?:我|俺)?(?:就是|就|只是)?问问[\s,，]*(?:不是|没)(?:要)?(?:反映|报|登记)(?:啥|什么)?|(?:现在)?没事[\s,，]*(?:我|俺)?(?:就)?问问|不是(?:反映问题|反映|心愿|要登记)|不是(?:的|啊|呀)?(?=[\s,，。.!！了吧啦]|$))[\s,，。.!！了吧啦]*)+/u;
const SAID_AGAIN = /^(?:是)?(?:我们|我|俺|阿拉)?(?:是说|是问|问的是|说的是|就是想?问问?|就问问|只是问问|是想问|想问的是|要问|问|就是|是想|是要|要|想|是夸|就係|就是跟|这是|是)[\s,，:：]*/u;

/** "我是问10号的进度" → "10号的进度": what they say they meant, without saying that they meant it. */
export function withoutSaidAgain(text: string): string {
  return text.trim().replace(SAID_AGAIN, '').trim();
}

/**
 * What is left after words that drop a draft at its first questions, or null when the message does
 * not start so. `rest` has "我是说/我问的是" taken off: "取消 我是说8号没弄好" leaves "8号没弄好".
 */
export function draftEscape(text: string): { rest: string } | null {
  const t = normalizeText(text).trim();
  const m = ESCAPE.exec(t);
  if (!m || m[0].replace(/^@\S+\s*/u, '').trim() === '') return null;
  const rest = text.trim().slice(m[0].length).trim();
  // "不是，是反映问题" answers the question.
  if (/^(?:是|算)?(?:个)?(?:心愿|微心愿|反映问题|反映|问题|报修|[12])(?:吧|啊|呀)?[\s。.!！]*$/u.test(normalizeText(rest))) return null;
  return { rest: rest.replace(SAID_AGAIN, '').trim() };
}

/** A bare answer to a dialogue's question: a number, a skip, a cancel, a word or two. */
export function isBareAnswer(text: string): boolean {
  const t = text.trim();
  return isSkip(t) || isCancel(t) || /^(?:\d{1,2}|[一二两三四五六七八九十]|心愿|微心愿|反映|问题)[\s。.!！]*$/u.test(t);
}
