import { simplifiedCode } from './simplified-code.ts';

/**
 * Maps full-width ASCII (U+FF01–U+FF5E) to ASCII, odd spaces to a plain space and traditional
 * characters to simplified ones (認領 12, 路燈壞了), one code unit for one code unit, so that offsets
 * found in the normalised text are valid in the original. Users type `＃１２` and `认领　12` on phone
 * keyboards; the content they wrote is kept as they wrote it. A few dialect words that stand for a
 * common one read as it (额 for 我, 咧 for 了 at a word's end, 克 for 去 after 过/回, 明儿 for 明天),
 * and a homophone voice input writes for a word (以经 for 已经).
 */
// Cantonese written as it is said, one character for one: 俾/畀 给, 佢 他, 咗 了, 嘅 的, 喺 在, 嚟 来.
const CANTONESE: Record<number, string> = { 0x4ffe: '给', 0x7540: '给', 0x4f62: '他', 0x5497: '了', 0x5605: '的', 0x55ba: '在', 0x569f: '来' };

export function normalizeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff) out += ' ';
    else if (code === 0x8457 && text.charCodeAt(i + 1) === 0x706b) out += '着'; // 著火: 着火 (著 alone stays: 著名)
    else if (code === 0x989d && !/[金名限数余定份配超差巨总票]/u.test(text[i - 1] ?? '') && !/[度外头定]/u.test(text[i + 1] ?? '')) out += '我'; // 额 (Shaanxi, Gansu): 我
    else if (code === 0x54a7 && /[\u4e00-\u9fa5]/u.test(text[i - 1] ?? '') && !/[大咧]/u.test(text[i - 1] ?? '') && !/[\u4e00-\u9fa5]/u.test(text[i + 1] ?? '')) out += '了'; // 完成咧: 了
    else if (code === 0x514b && (/[过回上出进]/u.test(text[i - 1] ?? '') || /[咧了]/u.test(text[i + 1] ?? ''))) out += '去'; // 过克, 克咧: 去
    else if (code === 0x513f && /[明今昨]/u.test(text[i - 1] ?? '')) out += '天'; // 明儿, 今儿 (northern): 明天, 今天
    else if (code === 0x4ee5 && text[i + 1] === '经') out += '已'; // 以经 (voice input): 已经
    else if (code === 0x5187) out += '没'; // 冇 (Cantonese, 湖北, 江西): 没
    else if (code === 0x6daf && /[系屋冇都个自话爬听唔有是想要家不们]/u.test(text[i + 1] ?? '') && !/[天生]/u.test(text[i - 1] ?? '')) out += '我'; // 涯 (客家): 我
    else if (code === 0x963f && text[i + 1] === '拉' && !/^[伯丁斯]/u.test(text[i + 2] ?? '')) { out += '我们'; i++; } // 阿拉 (沪语): 我们
    else if (code === 0x5ad1) out += '别'; // 嫑 (宁夏, 陕西, 甘肃: 不要): 别
    else if (code === 0x52ff) out += '不'; // 勿 (沪语, 吴语: 勿是, 勿留了, 勿对): 不
    else if (code === 0x539d) out += '家'; // 厝 (闽南: 我厝, 阮厝): 家
    else if (code === 0x4fc2) out += '是'; // 係 (粤语: 唔係, 係咪): 是
    else if (code === 0x5f17 && /[\u4e00-\u9fa5]/u.test(text[i + 1] ?? '') && !/[兰洛雷吉]/u.test(text[i + 1] ?? '')) out += '不'; // 弗 (吴语: 弗是, 弗会, 弗留了): 不
    else if (code === 0x4f13 || code === 0x6bcb || code === 0x8882) out += '不'; // 伓, 毋, 袂 (潮汕, 闽南: 伓满意, 毋是, 袂记得): 不
    else if (code === 0x9020 && text[i + 1] === '音') out += '噪'; // 造音 (voice input): 噪音
    else if (code === 0x52a8 && /[\d一二三四五六七八九十]/u.test(text[i - 1] ?? '') && /[楼单门]/u.test(text[i + 1] ?? '')) out += '栋'; // 七动楼 (voice input): 七栋楼
    else if (CANTONESE[code] !== undefined) out += CANTONESE[code]; // 交俾陈sir, 爆咗, 佢: Mandarin's word
    else if ((code === 0x9017 || code === 0x53e5) && text[i + 1] === '号' && /[\u4e00-\u9fa5]/u.test(text[i - 1] ?? '')) {
      // "…也不亮了逗号麻烦…": punctuation spoken into voice input (two characters for two).
      out += code === 0x9017 ? '， ' : '。 ';
      i++;
    }
    else if (code >= 0x4e00) out += String.fromCharCode(simplifiedCode(code));
    else out += text[i];
  }
  return out;
}

// Stars and thumbs rate; other emoji decorate.
const DECORATION = /(?![\u2B50\u{1F31F}\u{1F44D}\u{1F44E}])\p{Extended_Pictographic}\uFE0F?|\u200D/gu;

/** "十八 我来📱", "2号搞定✅": emoji among words are spaces to the parser (as many code units, so offsets hold). */
export function withoutEmoji(norm: string): string {
  const plain = norm.replace(DECORATION, (e) => ' '.repeat(e.length));
  return /[\p{L}\p{N}]/u.test(plain) ? plain : norm;
}
