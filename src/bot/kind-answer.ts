import type { ItemKind } from '../domain/types.ts';
import { TROUBLE } from './request-words.ts';
import { withoutEmoji } from './normalize-text.ts';

// The answer to "这是哪一类？请回复数字：1 微心愿 2 反映问题", in the ways people give it: "2", "选1",
// "是反映问题", "头一个呗 心愿", "应该算第一种吧 比较急", "公家的事儿 选2". Pure.

const KIND_ANSWER = {
  // "是反映问题", "第二个", "选1", "2吧"
  wish: /^(?:是|系|选|我选|算)?(?:第)?(?:1|一|１)(?:个|项)?(?:[\s,，。.!！]|吧|的|是|就|嘛|啦|呗|咯|撒|噻|嘞|哈|哦|$)|^(?:那就|那|就|应该|应当|可能|大概)?(?:算是|是|系|选|我选|算|这是)?(?:个)?(?:心愿|微心愿|许愿|wish)(?:[\s,，。.!！]|吧|把|啊|呀|嘛|的|是|撒|噻|嘞|哈|哦|呗|咯|啦|$)/iu,
  report: /^(?:都|全)?(?:是|系|选|我选|算)?(?:第)?(?:2|二|２)(?:个|项)?(?:[\s,，。.!！]|吧|的|是|就|嘛|啦|呗|咯|撒|噻|嘞|哈|哦|$)|^(?:那就|那|就|应该|应当|可能|大概|都|全)?(?:算是|是|系|选|我选|算|这是)?(?:要)?(?:反映|反映问题|反应问题|反应|问题|报事|报修|投诉|report)(?:[\s,，。.!！]|吧|的|是|嘛|啦|呗|咯|撒|噻|嘞|哈|哦|啊|呀|$)/iu,
};

// "楼道是大家的 算反映问题吧": the kind named last, after why (not "不是心愿").
const KIND_LAST = /(?:^|[\s,，。这那])(?:应该算|应该是|可能算|大概算|算|是|就是|属于|算是|选)?(?:个)?(心愿|微心愿|许愿|反映问题|反映|问题|报修|1|2)(?:一下)?(?:吧|啊|呀|的|嘛|啦|呗)?$/u;
// What says something is wrong: words that add to a report, not only why it is one.
export const TROUBLE_HERE = new RegExp(`${TROUBLE.source}|没人`, 'u');

/** "反映问题吧", "反映问题呗 公共的": the kind, with at most a few words of why; "反映 楼道灯坏了" says more. */
export function kindWithWhy(said: string): boolean {
  // "心愿😂": the emoji says nothing to keep.
  const answer = withoutEmoji(said).trim();
  if (KIND_WORD_ONLY.test(answer)) return true;
  const m = KIND_ANSWER.report.exec(answer) ?? KIND_ANSWER.wish.exec(answer);
  if (!m) return false;
  const rest = answer.slice(m[0].length).trim();
  return rest.length <= 10 && !TROUBLE_HERE.test(rest);
}

// The kind's name and nothing else ("反映问题吧"); "反映 楼道灯坏了" says more.
const KIND_WORD_ONLY = /^(?:都|全)?(?:是|系|选|我选|算|这是)?(?:要)?(?:反映问题|反映|反应问题|反应|问题|报事|报修|投诉|心愿|微心愿|许愿)(?:吧|的|呀|啊|了|撒|噻|嘞|哈|哦)?[\s,，。.!！]*$/u;

// "头一个", "第一种", "后面那个": the options by their place in the question.
const FIRST = /头一个|头一种|第一种|第一个|第一项|前一个|前面那个|上面那个|前面的/u;
const SECOND = /第二种|第二个|第二项|后一个|后面那个|下面那个|后面的/u;
// "公家的事儿 选2": the number chosen, said anywhere.
const CHOSEN = /(?:选|是|回复?|就|拣|揀|揾)\s*([12１２])(?![\d.号#])|^([12])\s*(?:啊|呀|哦|嘛|咯|喽|\s(?:thx|thanks|ok|谢谢))(?=$|[\s,，。])/iu;

// The options in the question's own words: "就是请人帮忙的那个", "是我自己家里的", "大家的事".
const WISH_WORDS = /(?:我|俺)(?:家|屋|厝)(?:里|头)?的[\u4e00-\u9fa5]{0,4}(?=$|[\s，,。])|请(?:人|党员|志愿者)(?:来)?帮(?:个)?忙|^是(?:我|俺)家(?:里)?的|找(?:人|党员)帮忙|帮忙的(?:那个|那种|那类)|帮个忙那个|(?:我|俺)?(?:自己|自个儿?|自家)家?(?:里)?的|(?:^|[\s，,])(?:我|俺)?家里?的(?:$|[\s，,。])|(?:我|俺)(?:家|屋)(?:里|头)?的事|我(?:个人|自己)的(?:事)?|个人的(?:事)?|私事|屋里向|屋里厢|屋企|^(?:我|俺)?(?:家里|屋里|屋头)(?:的|头)?$/u;
const REPORT_WORDS = /公共的|整栋|全楼|整个(?:楼|单元|小区)|公家额|大(?:伙|家伙)的(?:事)?|大家的(?:事)?|公家的|公家嘅|小区的(?:事|问题)|坏了的(?:那个|那种)|有问题的(?:那个|那种)|邻里纠纷|社区出面|^(?:是)?(?:楼道|楼梯|外面|小区里|路上|电梯)的?(?:事|那个)?$/u;

/** The kind an answer chooses, or null. `answer` is normalised and trimmed. */
export function kindAnswer(said: string): ItemKind | null {
  // "1️⃣": a keycap is its digit.
  // "选衣", "揀一", "儿 公家额…": the digits as pinyin input or Cantonese gives them.
  const answer = said.replace(/([0-9])\uFE0F?\u20E3/gu, '$1').replace(/(?<=选|揀|拣|揾)(?:衣|依|伊)/gu, '1').replace(/(?<=选|揀|拣|揾)(?:儿|而)|^(?:儿|而)(?=[\s,，]|$)/gu, '2').trim();
  const last = KIND_LAST.exec(answer)?.[1];
  if (KIND_ANSWER.wish.test(answer) || (last !== undefined && /心愿|许愿|1/u.test(last))) return 'wish';
  if (KIND_ANSWER.report.test(answer) || last !== undefined) return 'report';
  if ([...answer].length > 24) return null;
  const m = CHOSEN.exec(answer);
  const chosen = m?.[1] ?? m?.[2];
  if (chosen) return /[1１]/u.test(chosen) ? 'wish' : 'report';
  if (FIRST.test(answer) && !SECOND.test(answer)) return 'wish';
  if (SECOND.test(answer) && !FIRST.test(answer)) return 'report';
  // "是我家里的窗户不是公家的": what follows 不是 is the option not chosen.
  const chosenPart = answer.replace(/不是[^，,。\s]{1,8}/gu, '');
  if ([...answer].length <= 24 && WISH_WORDS.test(chosenPart) !== REPORT_WORDS.test(chosenPart)) return WISH_WORDS.test(chosenPart) ? 'wish' : 'report';
  return null;
}

// "你看着给算吧", "俺也弄不清算哪样 你看着办吧": the choice left to the bot.
const LEFT_TO_US = /你(?:们)?看着(?:办|算|给算|定|弄|来)|随便|都行|都可以|无所谓|(?:弄|搞|分)不清|(?:我|俺)?(?:也)?(?:不知道|不清楚|不懂|不会选)|哪个都(?:行|可以)/u;

/** Whether an answer to the kind question leaves the choice to the bot. `answer` is normalised. */
export function leavesKindToUs(answer: string): boolean {
  return [...answer].length <= 20 && LEFT_TO_US.test(answer);
}

// The kind said first: "1，…", "2 …", "选1 …", "心愿，…".
const KIND_FIRST = /^\s*(?:选|是)?(?:[12１２]|第?[一二](?:个|种)|心愿|微心愿|反映问题?)(?![\d号楼栋单元])[\s,，。、:：]+/u;

/** "1，我是她儿媳妇帮她打字，就是家里厨房的水龙头关不紧…": what the person tells after answering the kind. */
export function wordsAfterKind(text: string): string {
  const m = KIND_FIRST.exec(text);
  const rest = m ? text.slice(m[0].length).trim() : '';
  return [...rest.replace(/[^\u4e00-\u9fa5]/gu, '')].length >= 12 ? rest : '';
}
