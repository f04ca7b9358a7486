import { normalizeText } from './normalize-text.ts';

// "你好小连 吃了吗 刚才群里说的你看到没 旧冰箱要抬下楼", "小连啊 我家门口楼道那个灯坏了": the bot
// called by its name (or 小 and its first character, as elderly residents call it), with a greeting,
// before what is asked. Pure.

const GREETING = '(?:(?:你好|您好|喂|哎|嗨)[，,\\s]*)?';
const AFTER_NAME = '(?:啊|呀|哈|你好|您好)?[，,。！!\\s]*(?:(?:你)?吃(?:了|饭了|过了|过饭了)(?:吗|没|么|没有)?|在吗|在不在|忙(?:不忙|吗)|早(?:上好|啊)?|晚上好)?[，,。！!？?～~\\s]*';

// "小助手那个那个俺想问问…": what the welcome calls it ("连心小助手"), which is nobody's name.
const HELPER = '小助手';

const patterns = new Map<string, Array<{ re: RegExp; anyNext: boolean }>>();
/** Built once per name: every message passes here. */
function patternsFor(botName: string): Array<{ re: RegExp; anyNext: boolean }> {
  let made = patterns.get(botName);
  if (!made) {
    const names = /^[\u4e00-\u9fa5]{2}$/u.test(botName) ? [botName, `小${botName[0]}`] : botName === '' ? [] : [botName];
    const quote = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    made = [
      ...names.map((n) => ({ re: new RegExp(`^\\s*(?:@${quote(n)}\\s*)?${GREETING}${quote(n)}${AFTER_NAME}`, 'u'), anyNext: false })),
      { re: new RegExp(`^\\s*${GREETING}(?:${botName === '' ? '' : `${quote(botName)}`})?${HELPER}${AFTER_NAME}`, 'u'), anyNext: true },
    ];
    patterns.set(botName, made);
  }
  return made;
}

/** What follows the bot's name and a greeting at the start (`rest`, '' when nothing does); null when it is not called so. */
export function calledByName(text: string, botName: string): { rest: string } | null {
  const norm = normalizeText(text);
  for (const { re, anyNext } of patternsFor(botName)) {
    const m = re.exec(norm);
    // "小连你好" needs what follows to be a new word: not "小连家" (a neighbour's name).
    if (m && (anyNext || m[0].length === norm.length || /[\s，,。！!？?～~]$|你好|您好|吃|在|忙|早|晚|啊|呀|哈$/u.test(m[0]))) return { rest: text.slice(m[0].length).trim() };
  }
  return null;
}
