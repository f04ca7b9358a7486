import { CHINESE_NUMBER, parseChineseNumber } from './chinese-number.ts';

export const MAX_ITEM_ID = 2_147_483_647;

// After a bare number these make it a time, a quantity, a rating or a place, not an item:
// 12点, 2个, 5星, 5分, 3天, 12路, 3单元, 第4步.
// "11分类错了": 分类 is no score.
const NOT_ID_AFTER_NUMBER = /^(?!分类)[★⭐🌟#＃\d.点时分秒星颗个次天日月年周岁元块毛角人户楼栋幢层室米斤克路期区座排单步遍趟批页届件条项%％]/u;
// After 号: 3号楼, 12号院, 2号线, 5号门, 8号床 are places; 12号单 / 12号件 are items.
// 6号路灯 is item 6's street lamp (a 路灯 is no road).
const NOT_ID_AFTER_HAO = /^(?:楼|院|线|床|梯|门(?!禁)|口|室|房(?!管)|车(?!主)|店|铺|窗|柜|箱|位|机|桥|路(?!灯)|地(?!下|点|址)|坑|厅|馆|场|区|栋|幢)/u;
// A number in words must end here, or "认领一下" would read as 认领 1.
const WORD_NUMBER_END = /^(?:$|[\s,，。.!！?？:：;；、~～)）]|[了吧啦哈呀啊呢吗嘛])/u;

const MONEY_BEFORE = /(?:钱|价|费|账)(?:是|为|一共|共)?\s*$|(?:给了|花了|付了|找了|收了|一共|总共|合计|共计|退了)(?:我|他|她|您)?\s*$/u;

const PHONE_BEFORE = /(?:电话|手机|座机|号码)(?:是|为)?[:：]?\s*$/u;

const HOTLINE_NUMBERS = new Set(['110', '119', '120', '122', '12345', '12319', '95598']);

const ID = new RegExp(`^(?:第|编号|单号|no\\.?)?\\s*#?\\s*(?:(\\d{1,12})|(${CHINESE_NUMBER}))(\\s*号(?:单子?|件)?)?`, 'iu');

export type ItemIdMatch = { id: number; length: number };

/**
 * Reads an item number at the start of (normalised) text: `12`, `#12`, `12号`, `第12号`, `十二`,
 * `十二号`, `编号12`. Numbers that are clearly something else (12点, 3号楼, 5星) are not ids.
 */
export function readItemId(text: string): ItemIdMatch | null {
  const m = ID.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  if (m[3]) {
    if (NOT_ID_AFTER_HAO.test(after)) return null;
  } else if (m[1] !== undefined) {
    // "9# 已联系物业": the mark after the number (a 网格员's shorthand); "3#楼" is a building.
    if (/^[#＃](?![楼栋幢单元门院座号])/u.test(after) && !text.startsWith('#')) return { id: Math.min(Number(m[1]), MAX_ITEM_ID), length: m[0].length + 1 };
    if (NOT_ID_AFTER_NUMBER.test(after)) return null;
    // 13807316650: a mobile number, never an item.
    if (/^1[3-9]\d{9}$/u.test(m[1])) return null;
    // "和1202的住户", "1202那家": a bare room number with the people who live there.
    if (!text.startsWith('#') && m[1].length >= 3 && /^\s*(?:的)?(?:住户|邻居|业主|租户|房东|亲戚|朋友|车主|人家|那家|那户|这家|家|(?:老|小)[\u4e00-\u9fa5](?![号楼栋])|(?:大爷|大妈|奶奶|爷爷|阿姨|叔|婶|嫂|老太太|老头))/u.test(after)) return null;
  } else if (!WORD_NUMBER_END.test(after)) {
    return null;
  }
  const value = m[1] !== undefined ? Number(m[1]) : parseChineseNumber(m[2]!);
  if (value === null) return null;
  return { id: Math.min(value, MAX_ITEM_ID), length: m[0].length };
}

const ID_START = /^(?:#|第|编号|\d|[〇零一二两三四五六七八九十]+号)/u;

/**
 * Every item number written at the start of a word in (normalised) text, with where it stands:
 * "7号", "#7", "第七号" (not the 17 inside "170").
 */
export function itemIdsIn(text: string): Array<ItemIdMatch & { index: number }> {
  const found: Array<ItemIdMatch & { index: number }> = [];
  for (let i = 0; i < text.length; i++) {
    // Not inside a number: the 17 of "170", the 一号 of "十一号", the 十号 of "二十号".
    // "15号16号": a 号 that ends a number before it starts no number of its own.
    const afterHao = i > 1 && text[i - 1] === '号' && /[\d〇零一二两三四五六七八九十百]/u.test(text[i - 2]!) && /\d/u.test(text[i]!);
    // "12月3号": a day of the month.
    if (i > 0 && !afterHao && /[\d#第编号〇零一二两三四五六七八九十百月]/u.test(text[i - 1]!)) continue;
    // "十一 交供电所", "十八 我来": a bare number in words counts only as the first word.
    if (!ID_START.test(text.slice(i)) && !(i === 0 && /^[〇零一二两三四五六七八九十百]+[\s,，:：]/u.test(text))) continue;
    const m = readItemId(text.slice(i));
    // "120已经到了", "打了110": a public number said bare in words is no item ("认领 120", "#120" and
    // "120号" still are: after a command word the parser reads the number itself).
    if (m && HOTLINE_NUMBERS.has(text.slice(i, i + m.length).trim())) continue;
    // "5号电池还有没": a battery size, not item 5.
    if (m && /^电池/u.test(text.slice(i + m.length))) continue;
    // "米钱是62", "他给了30": a bare sum of money, not an item.
    // ("11号602装修扰民", "五幢502漏水": a bare room number after an item or a building is no item.)
    if (m && /^\d{3,4}$/u.test(text.slice(i, i + m.length)) && /(?:号|幢|栋|楼|单元)$/u.test(text.slice(0, i)) && !/^\s*号/u.test(text.slice(i + m.length))) continue;
    // ("屋里电话 64187723": a number said as a phone's, not an item.)
    if (m && /^\d+$/u.test(text.slice(i, i + m.length).trim()) && (MONEY_BEFORE.test(text.slice(Math.max(0, i - 4), i)) || PHONE_BEFORE.test(text.slice(Math.max(0, i - 4), i)))) continue;
    if (m) found.push({ ...m, index: i });
  }
  return found;
}

/** "15号那个漫步机…": another item named (with 号 or #; a bare 301 is a room, "20号见" a day). */
export function namesAnotherItem(said: string, itemId: number): boolean {
  return itemIdsIn(said).some((m) => m.id !== itemId && /[号#]/u.test(said.slice(Math.max(0, m.index - 1), m.index + m.length)) && !/^(?:见|那天|上午|下午|晚上|早上)/u.test(said.slice(m.index + m.length)));
}
