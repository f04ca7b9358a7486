/**
 * Maps full-width ASCII (U+FF01–U+FF5E) to ASCII and odd spaces to a plain space, one code unit for
 * one code unit, so that offsets found in the normalised text are valid in the original. Users type
 * `＃１２` and `认领　12` on phone keyboards; the content they wrote is kept as they wrote it.
 */
export function normalizeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff) out += ' ';
    else out += text[i];
  }
  return out;
}
