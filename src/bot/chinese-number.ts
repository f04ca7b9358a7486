// Residents write item numbers and ratings in words ("认领十二", "五星", "三天"); voice input and
// older people's habits both produce them. Only what such messages need: 0–9999.

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** One run of Chinese numeral characters, for building larger patterns. */
export const CHINESE_NUMBER = '[〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]+';

/**
 * "十二" → 12, "二十" → 20, "九十九" → 99, "一百零五" → 105, "两" → 2, "〇" → 0; a run of plain digit
 * characters is read digit by digit ("一二" → 12, as in "一二号"). Anything malformed is null.
 */
export function parseChineseNumber(text: string): number | null {
  const chars = [...text];
  if (chars.length === 0) return null;
  if (chars.every((c) => c in DIGITS)) {
    if (chars.length > 4) return null;
    return chars.reduce((n, c) => n * 10 + DIGITS[c]!, 0);
  }
  let total = 0;
  let current: number | null = null;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const c of chars) {
    if (c in DIGITS) {
      const d = DIGITS[c]!;
      if (d === 0) {
        // 零 only between a unit and a digit: 一百零五.
        if (current !== null || lastUnit === Infinity) return null;
        zeroSeen = true;
        continue;
      }
      if (current !== null) return null;
      current = d;
      zeroSeen = false;
    } else {
      const unit = UNITS[c];
      if (unit === undefined || unit >= lastUnit || zeroSeen) return null;
      // "十二": a leading 十 means 一十; "百" alone is not a number people write.
      if (current === null) {
        if (unit !== 10 || total !== 0) return null;
        current = 1;
      }
      total += current * unit;
      current = null;
      lastUnit = unit;
    }
  }
  if (zeroSeen && current === null) return null;
  return total + (current ?? 0);
}

/** A number written in ASCII digits or Chinese numerals; null when it is neither. */
export function parseNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  return parseChineseNumber(text);
}
