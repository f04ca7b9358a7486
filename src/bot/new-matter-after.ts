import { normalizeText } from './normalize-text.ts';
import { REQUEST } from './request-words.ts';

// Words that open another matter after a verdict: "五星 谢谢小王。另外我家晾衣架坏了…",
// "满意…能不能再帮我配一张门禁卡". Only after a stop, so that "还有点漏" stays part of the verdict.
const LEAD = /[。.!！;；\n]\s*|[，,\s]\s*(?=另外|还有(?:个|一个|件)事|顺便|对了|能不能再|可不可以再|能否再|再帮我|还想)/u;
const OPENS = /^(?:另外|还有(?:个|一个|件)事|顺便(?:说|问)?(?:一下)?|对了|能不能再|可不可以再|能否再|再帮我|还想(?:请|麻烦|让)|我(?:还)?想(?:请|麻烦|找)|麻烦(?:再|帮我)|想请)/u;
const CONNECTOR = /^(?:另外|还有(?:个|一个|件)事|顺便(?:说|问)?(?:一下)?|对了)[，,:：\s]*/u;
const ASKS = /帮|请|修|换|配|买|办|弄|装|坏|漏|堵|能不能|可不可以|能否/u;

/**
 * A verdict and a new matter said in one message: the verdict's words, and the new matter's, or
 * null when the message is all verdict. The new matter must open with its own words and ask for
 * something; the item the verdict is about is not its subject.
 */
export function newMatterAfter(text: string): { verdict: string; matter: string } | null {
  for (let at = 0; at < text.length; ) {
    const stop = LEAD.exec(text.slice(at));
    if (!stop) return null;
    const start = at + stop.index + stop[0].length;
    const rest = text.slice(start);
    if (start > 0 && OPENS.test(rest) && (REQUEST.test(normalizeText(rest)) || ASKS.test(rest.replace(OPENS, '')))) {
      const verdict = text.slice(0, at + stop.index).trim();
      const matter = rest.replace(CONNECTOR, '').trim();
      if (verdict !== '' && matter !== '') return { verdict, matter };
    }
    at = start;
  }
  return null;
}
