import { normalizeText } from './normalize-text.ts';

// A resident leaves a number the way they would say it: "138 1234 5678", "138-1234-5678",
// "+86 13812345678", "１３８１２３４５６７８", "(0571)8888-8888", "座机 62345678". The number is
// stored in one form, so it can be masked in every public place and given to the claimant.

export type Phone = {
  kind: 'mobile' | 'landline';
  /** One form: "13812345678", "0571-88888888", or a local "62345678" without area code. */
  number: string;
  /** Where it was written, as typed (for taking it out of the text). */
  index: number;
  text: string;
};

const SPOKEN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 幺: '1', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

// Digit groups joined by at most two separators: spaces, dashes, dots, brackets.
const RUN = /\+?\d+(?:[\s\-—–.·()（）]{1,2}\d+)*/gu;
const MOBILE = /^(?:0{0,2}86)?(1[3-9]\d{9})$/u;
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})(\d{7,8})$/u;
const LOCAL = /^[2-9]\d{6,7}$/u;
// A bare local number only counts after a word that says it is a phone number.
const PHONE_WORD = /(?:电话|座机|固话|号码|手机|联系|打|tel|phone)[^\d]{0,6}$/iu;

/** The first mainland mobile or landline number in the text, or null. */
export function extractPhone(input: string): Phone | null {
  // "一三八零零一二三四五六七八" (said digit by digit, 幺 for 1): one character per digit, so the
  // offsets stay those of the text as typed.
  // "18677O23391": a letter O or l typed among digits is the digit it looks like (same length).
  const text = normalizeText(input)
    .replace(/[〇零幺一二三四五六七八九]{3,}/gu, (run) => [...run].map((c) => SPOKEN_DIGIT[c] ?? c).join(''))
    .replace(/(?<=\d{2})[Oo](?=\d)|(?<=\d)[Oo](?=\d{2})/gu, '0')
    .replace(/(?<=\d{2})[lI](?=\d)|(?<=\d)[lI](?=\d{2})/gu, '1');
  for (const run of text.matchAll(RUN)) {
    const groups = [...run[0].matchAll(/\d+/gu)].map((g) => ({ digits: g[0], at: run.index + g.index }));
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 14; j++) {
        digits += groups[j]!.digits;
        const found = classify(digits, text.slice(0, groups[i]!.at));
        if (!found) continue;
        const start = i === 0 && run[0].startsWith('+') ? run.index : groups[i]!.at;
        const end = groups[j]!.at + groups[j]!.digits.length;
        // "(0571)8888-8888": the bracket belongs to the number.
        const open = start > 0 && /[(（]/u.test(text[start - 1]!) ? start - 1 : start;
        return { ...found, index: open, text: input.slice(open, end) };
      }
    }
  }
  return null;
}

function classify(digits: string, before: string): Pick<Phone, 'kind' | 'number'> | null {
  const mobile = MOBILE.exec(digits);
  if (mobile) return { kind: 'mobile', number: mobile[1]! };
  const landline = LANDLINE.exec(digits);
  if (landline) return { kind: 'landline', number: `${landline[1]}-${landline[2]}` };
  if (LOCAL.test(digits) && PHONE_WORD.test(before)) return { kind: 'landline', number: digits };
  return null;
}
