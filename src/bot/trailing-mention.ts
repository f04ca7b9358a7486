import { detectEmergency } from './detect-emergency.ts';
import { REQUEST } from './request-words.ts';

/**
 * The words for the bot when "@连心" stands after others: those before a trailing one ("…味儿老大了
 * @连心"), those after one in the middle ("婆婆出院了 我又有空了 @连心 现在还有啥没人接的"); null
 * when the message does not name the bot so (a leading @ is the parser's).
 */
export function trailingMention(text: string, botName: string): string | null {
  const t = text.trimEnd();
  for (const at of ['@', '＠']) {
    const mention = `${at}${botName}`;
    if (botName === '' || t.length <= mention.length) continue;
    if (t.endsWith(mention)) return t.slice(0, -mention.length).trimEnd();
    const i = t.indexOf(mention);
    if (i <= 0) continue;
    const after = t.slice(i + mention.length).trim();
    if (after === '') continue;
    // "有事都可以在群里@连心说": the bot spoken of, not spoken to.
    if (/^(?:说|讲|发|反映|留言|提|报|私聊|问|后面)/u.test(after) || /(?:打个?|输入|发个|点一下|在群里)\s*$/u.test(t.slice(0, i))) return null;
    // "煤气味特别冲 @连心 快叫人来": what comes before is the matter; the words after only call for help.
    const first = t.slice(0, i).trim();
    if (detectEmergency(first) || ([...after].length <= 8 && REQUEST.test(first) && !REQUEST.test(after))) return `${first} ${after}`;
    return after;
  }
  return null;
}
