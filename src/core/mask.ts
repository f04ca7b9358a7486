import { maskHealth } from './mask-health.ts';
/**
 * What a group may see of a resident (SPEC "Talking to the bot": group posts never show a
 * resident's full name, phone number or address; issue 9 item 2: nor ID-card, bank-card or plate
 * numbers tied to a person). The ledger keeps the full text for the people who handle the item;
 * these functions make the copy that is posted to a group, a bulletin, a digest or an export column
 * marked masked.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '居民';
  return `${chars[0]}*`;
}

/**
 * Masks phone, landline, ID-card, bank-card and (tied to a person) plate numbers inside free text.
 *
 * Numbers are found as runs of digits (ASCII or full-width) joined by at most three separators
 * (space, dash, dot, brackets), so "138 1234 5678", "1 3 8 1 2 3 4 5 6 7 8", "(010)6234-5678" and
 * "110101 19900307 123X" are each one run. A run is read from the left, longest match first:
 *
 * - mobile: 11 digits 1[3-9]…, also after +86 / 0086 / (+86)          → 138****5678
 * - landline with area code: 010 / 02X + 8 digits, 0XXX + 7–8 digits   → 010-****678 (extension kept)
 * - landline without area code: 7–8 digits starting 2–9, unless it is a date (20240307), an amount
 *   or count (…元, …号, …室), or an item number (#…)                    → ****678
 * - ID card: 18 digits (last may be X) or 15 digits, with a valid birth date → 11**************4
 * - bank card: 16–19 digits, written whole or in groups of four         → 6222 **** **** 1234
 *
 * Left alone: dates, times, amounts, item numbers (#12), room and building numbers ("302室",
 * "5号楼2单元301": an address is private anyway, the place of a wish is never posted), hotlines
 * (12345, 96777, 400-810-8888) and every other number.
 *
 * Plates (京A12345, 粤B·D12345, 沪A 12345): a plate on its own names a car that anyone on the street
 * can see, and a report about it ("京A12345 堵了消防通道") needs it. It becomes personal data when
 * the text ties it to a person, so a plate is masked (京A****5) when the same text also holds a
 * name-like word (老王, 王秀英的…, 车主, 我家, 他, 邻居 …) or another number masked here.
 */
export function maskSensitive(text: string): string {
  let found = false;
  const masked = text.replace(RUN, (run: string, offset: number) => {
    // Digits touching a star are what is left of a number masked already ("138****5678 159****4321"
    // must not become one 7-digit run "5678 159"): masking twice changes nothing.
    if (text[offset - 1] === '*' || text[offset + run.length] === '*') return run;
    const out = maskRun(run, text, offset);
    if (out !== run) found = true;
    return out;
  });
  if (!PLATE_ANY.test(masked) || (!found && !PERSON.test(masked))) return masked;
  return masked.replace(PLATE, (_m, province: string, city: string, sep: string, tail: string, suffix: string | undefined) => {
    return `${province}${city.toUpperCase()}${sep}${'*'.repeat(tail.length - 1)}${tail.slice(-1).toUpperCase()}${suffix ?? ''}`;
  });
}

/** The name the callers know: contact details are what a group must not see. */
export const maskContact = maskSensitive;

const D = '[0-9\\uFF10-\\uFF19]';
const SEP = '[ \\t\\u00A0\\u3000\\-\\uFF0D.\\uFF0E\\u2013\\u2014()\\uFF08\\uFF09]';
// A run of digit groups; an ID card's final X may follow the last group.
const RUN = new RegExp(`${D}+(?:${SEP}{1,3}${D}+)*(?:[Xx\\uFF38\\uFF58](?![A-Za-z]))?`, 'gu');

const PLATE =
  /([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-HJ-NP-Za-hj-np-z])([\s·•.．-]{0,2})((?=(?:[A-HJ-NP-Za-hj-np-z]*\d){2})[A-HJ-NP-Za-hj-np-z0-9]{5,6})([挂学警港澳领试超])?(?![A-Za-z0-9])/gu;

const PLATE_ANY = new RegExp(PLATE.source, 'u');

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
// Words that tie a plate to a person. "其他" (other) is not "他".
const PERSON = new RegExp(
  [
    '我|俺|本人|自己|(?<!其)[他她]|咱',
    '爸|妈|父亲|母亲|老公|老婆|丈夫|妻子|爱人|儿子|女儿|孩子|爷爷|奶奶|外公|外婆|姥姥|姥爷|家属|家人|亲戚',
    '车主|业主|住户|户主|租户|租客|房东|邻居|先生|女士|师傅|阿姨|叔叔|大爷|大妈|大叔|大姐|姓名|名字|叫',
    `[老小][${SURNAMES}]`,
    `(?:欧阳|司马|诸葛|上官|[${SURNAMES}])\\p{Script=Han}{1,2}(?=的|家|开|停)`,
  ].join('|'),
  'u',
);

type Digit = { d: string; at: number };
type Group = { digits: Digit[] };

function maskRun(run: string, text: string, offset: number): string {
  const groups = groupsOf(run);
  let out = '';
  let copied = 0;
  for (let i = 0; i < groups.length; ) {
    let done = false;
    for (let j = groups.length - 1; j >= i && !done; j--) {
      const slice = groups.slice(i, j + 1);
      const start = slice[0]!.digits[0]!.at;
      const end = slice.at(-1)!.digits.at(-1)!.at + 1;
      const result = classify(slice, run, { before: text.slice(Math.max(0, offset + start - 3), offset + start), after: text.slice(offset + end, offset + end + 4) });
      if (result === null) continue;
      if (result !== KEEP) {
        out += run.slice(copied, start) + result;
        copied = end;
      }
      i = j + 1;
      done = true;
    }
    if (!done) i++;
  }
  return out + run.slice(copied);
}

function groupsOf(run: string): Group[] {
  const groups: Group[] = [];
  let current: Digit[] = [];
  for (let at = 0; at < run.length; at++) {
    const d = asciiDigit(run[at]!);
    if (d !== null) current.push({ d, at });
    else if (current.length > 0) {
      groups.push({ digits: current });
      current = [];
    }
  }
  if (current.length > 0) groups.push({ digits: current });
  return groups;
}

function asciiDigit(ch: string): string | null {
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return ch;
  if (c >= 0xff10 && c <= 0xff19) return String(c - 0xff10);
  if (ch === 'X' || ch === 'x' || ch === '\uFF38' || ch === '\uFF58') return 'X';
  return null;
}

const KEEP = Symbol('keep');

const MOBILE = /^1[3-9]\d{9}$/u;
const LANDLINE_WITH_AREA = /^(?:0[12]\d\d{8}|0[3-9]\d{2}\d{7,8})$/u;
const ID_18 = /^\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/u;
const ID_15 = /^\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/u;
const DATE_8 = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/u;
/** What follows a number that is a count or an amount, not a phone. */
const UNIT_AFTER = /^\s?(?:元|块|圆|万|亿|千|百|角|毛|美元|%|％|号|室|栋|幢|楼|层|单元|户|人|次|个|件|米|平|斤|公斤|克|天|年|月|日|岁|小时|分|秒|辆|台|张|页|k|K)/u;
const MONEY_OR_ITEM_BEFORE = /(?:[#＃¥￥$]|No\.?|编号)\s?$/u;

function classify(groups: Group[], run: string, around: { before: string; after: string }): string | typeof KEEP | null {
  const digits = groups.flatMap((g) => g.digits);
  const s = digits.map((x) => x.d).join('');
  const sizes = groups.map((g) => g.digits.length);
  const xAt = s.indexOf('X');
  if (xAt >= 0 && xAt !== s.length - 1) return null;

  // A date written with separators (2024-03-07, 2024.3.7) is a date, whatever its digits.
  if (groups.length === 3 && sizes[0] === 4 && sizes[1]! <= 2 && sizes[2]! <= 2 && isDate(s.slice(0, 4), groups[1]!, groups[2]!)) return KEEP;

  // A company's 400 / 800 hotline belongs to nobody.
  if (s.length === 10 && /^[48]00/u.test(s)) return KEEP;

  if (xAt < 0) {
    // +86 / 0086 before a mobile: the prefix stays as written.
    for (const prefix of ['0086', '86']) {
      if (s.length === prefix.length + 11 && s.startsWith(prefix) && MOBILE.test(s.slice(prefix.length))) {
        const first = digits[prefix.length]!.at;
        return run.slice(digits[0]!.at, first) + maskMobile(s.slice(prefix.length));
      }
    }
    if (MOBILE.test(s)) return maskMobile(s);
    if (s.length === 12 && s.startsWith('0') && MOBILE.test(s.slice(1))) return maskMobile(s.slice(1));
    if (LANDLINE_WITH_AREA.test(s)) {
      const areaLength = /^0[12]/u.test(s) ? 3 : 4;
      const areaEnd = digits[areaLength - 1]!.at + 1;
      const between = run.slice(areaEnd, digits[areaLength]!.at);
      return `${run.slice(digits[0]!.at, areaEnd)}${between === '' ? '-' : between}****${s.slice(-3)}`;
    }
    if ((s.length === 7 || s.length === 8) && /^[2-9]/u.test(s)) {
      if (DATE_8.test(s)) return KEEP;
      // Written whole, as 3-4 / 4-4 / 4-3, or digit by digit; "23456.78" is a decimal.
      if (groups.length > 1 && !['3-4', '4-4', '4-3'].includes(sizes.join('-')) && sizes.some((n) => n > 1)) return null;
      if (UNIT_AFTER.test(around.after) || MONEY_OR_ITEM_BEFORE.test(around.before)) return KEEP;
      return `****${s.slice(-3)}`;
    }
  }
  if ((s.length === 18 && ID_18.test(s) && idGrouping(sizes, 18)) || (s.length === 15 && ID_15.test(s) && idGrouping(sizes, 15))) {
    return `${s.slice(0, 2)}${'*'.repeat(s.length - 3)}${s.slice(-1)}`;
  }
  if (xAt < 0 && s.length >= 16 && s.length <= 19 && /^[1-9]/u.test(s) && cardGrouping(sizes)) {
    return `${s.slice(0, 4)} **** **** ${s.slice(-4)}`;
  }
  return null;
}

function isDate(year: string, month: Group, day: Group): boolean {
  const m = Number(month.digits.map((x) => x.d).join(''));
  const d = Number(day.digits.map((x) => x.d).join(''));
  return /^(?:19|20)\d\d$/u.test(year) && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** How ID numbers are written: whole, 6-8-4, 6-4-4-4, or in fours; 15-digit ones whole or 6-6-3. */
function idGrouping(sizes: number[], length: 15 | 18): boolean {
  const key = sizes.join('-');
  if (sizes.length === 1) return true;
  return length === 18 ? ['6-8-4', '6-4-4-4', '4-4-4-4-2', '3-3-4-4-4'].includes(key) : key === '6-6-3';
}

/** How card numbers are written: whole, in fours (the last shorter), or 6 + the rest. */
function cardGrouping(sizes: number[]): boolean {
  if (sizes.length === 1) return true;
  if (sizes.length === 2 && sizes[0] === 6) return true;
  return sizes.slice(0, -1).every((n) => n === 4) && sizes.at(-1)! <= 4;
}

function maskMobile(s: string): string {
  return `${s.slice(0, 3)}****${s.slice(7)}`;
}

/**
 * The one function for text a group sees (issue 9 item 2): everything the bot posts into a group
 * chat — announcements, replies to a group, scheduled nudges and bulletins — passes through it on
 * its way to the outbox (src/bot/outgoing.ts for commands, src/schedule/job.ts for schedules), and
 * so should any export column marked masked. It is maskSensitive, plus one rule for text the
 * bot cut short: a digit run that ends at a cut ("电话1381234…") may be the head of a number that
 * is no longer recognisable, so all of its digits are starred. Health conditions are left out.
 */
export function maskForGroup(text: string): string {
  return maskHealth(maskSensitive(text)).replace(CUT_RUN, (run) => (countDigits(run) >= 4 ? run.replace(ANY_DIGIT, '*') : run));
}

const CUT_RUN = new RegExp(`${D}+(?:${SEP}{1,3}${D}+)*(?=…|\\.\\.\\.)`, 'gu');
const ANY_DIGIT = new RegExp(D, 'gu');

function countDigits(run: string): number {
  return run.match(ANY_DIGIT)?.length ?? 0;
}
