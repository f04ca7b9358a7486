import { normalizeText } from './normalize-text.ts';

// How people name an elder or a neighbour they speak for: a family name and a title (王奶奶, 李大爷,
// 何伯), 老+family name (老周), or a full name after 居民/住户/业主 (居民李秀英).
const TITLE = '(?:奶奶|爷爷|大爷|大妈|大娘|阿姨|阿婆|婆婆|阿公|阿伯|伯伯|大伯|老伯|叔叔|大叔|大姐|大哥|老师|师傅|老太太|老太|老爷子|嬢嬢|孃孃|伯|婆|姨|叔)';
const SURNAME = '[\\u4e00-\\u9fa5]';
// "3号楼的", "5栋2单元301的", "隔壁的", "独居的": who they are, kept with the name.
const WHERE = '(?:(?:\\d+\\s*(?:号楼|栋|幢|号)(?:\\s*\\d+\\s*单元)?(?:\\s*\\d{3,4}\\s*室?)?|隔壁|对门|楼上|楼下|独居|孤寡|残疾)的?)?';
const PERSON = `${WHERE}(?:${SURNAME}{1,2}${TITLE}|老${SURNAME})`;
const RESIDENT = `(?:居民|住户|业主)\\s*${WHERE}${SURNAME}{2,3}`;
const WHEN = '(?:刚才|刚刚|刚|才|又|今天|今早|上午|下午|早上|晚上|昨天)*';

const FORMS = [
  // "帮3号楼王奶奶登记一个心愿：…", "替隔壁李大爷报一下", "代居民张秀英反映…"
  new RegExp(`^(?:再|还|也)?(?:请|麻烦)?(?:再)?(?:帮|替|代|给)(?:一下)?\\s*(${RESIDENT}|${PERSON})\\s*(?:登记|报修|报|反映|提|申请|许|发)`, 'u'),
  // "王奶奶打电话来说…", "3号楼李大爷刚才来电", "居民张秀英到社区来反映…"
  new RegExp(`^${WHEN}\\s*(${RESIDENT}|${PERSON})\\s*${WHEN}\\s*(?:打电话来|打来电话|打电话过来|打电话到社区|来电话?|到社区来|来社区|来办公室|来找我|找到社区)`, 'u'),
  // "居民张秀英反映…", "住户李大爷说家里…"
  new RegExp(`^${WHEN}\\s*(${RESIDENT}|(?:居民|住户|业主)\\s*${PERSON})\\s*(?:反映|说|讲|要|想|需要)`, 'u'),
];

const WHERE_FIRST = new RegExp(`^(?:居民|住户|业主)?\\s*${WHERE}`, 'u');

/**
 * Whom a request is told for, when its sender speaks for someone else: a resident who phoned the
 * office, an elder without WeChat ("王奶奶打电话来说想找人帮忙买米", "帮3号楼李大爷登记一个心愿").
 * Their name as it was said, without where they live ("李大爷": the words keep that), or null when
 * the sender speaks for themselves.
 */
export function filedFor(text: string): string | null {
  const t = normalizeText(text).trim();
  for (const form of FORMS) {
    const m = form.exec(t);
    if (m) return m[1]!.replace(/\s+/gu, '').replace(WHERE_FIRST, '') || null;
  }
  return null;
}
