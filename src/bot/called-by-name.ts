import { normalizeText } from './normalize-text.ts';

// "你好小连 吃了吗 刚才群里说的你看到没 旧冰箱要抬下楼", "小连啊 我家门口楼道那个灯坏了": the bot
// called by its name (or 小 and its first character, as elderly residents call it), with a greeting,
// before what is asked. Pure.

const GREETING = '(?:(?:你好|您好|喂|哎|嗨)[，,\\s]*)?';
const AFTER_NAME = '(?:啊|呀|哈|你好|您好)?[，,。！!\\s]*(?:(?:你)?吃(?:了|饭了|过了|过饭了)(?:吗|没|么|没有)?|在吗|在不在|忙(?:不忙|吗)|早(?:上好|啊)?|晚上好)?[，,。！!？?～~\\s]*';

const patterns = new Map<string, RegExp[]>();
/** Built once per name: every message passes here. */
function patternsFor(botName: string): RegExp[] {
  let made = patterns.get(botName);
  if (!made) {
    const names = /^[\u4e00-\u9fa5]{2}$/u.test(botName) ? [botName, `小${botName[0]}`] : botName === '' ? [] : [botName];
    const quoted = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    made = quoted.map((name) => new RegExp(`^\\s*(?:@${name}\\s*)?${GREETING}${name}${AFTER_NAME}`, 'u'));
    patterns.set(botName, made);
  }
  return made;
}

/** What follows the bot's name and a greeting at the start (`rest`, '' when nothing does); null when it is not called so. */
export function calledByName(text: string, botName: string): { rest: string } | null {
  const norm = normalizeText(text);
  for (const re of patternsFor(botName)) {
    const m = re.exec(norm);
    // "小连你好" needs what follows to be a new word: not "小连家" (a neighbour's name).
    if (m && (m[0].length === norm.length || /[\s，,。！!？?～~]$|你好|您好|吃|在|忙|早|晚|啊|呀|哈$/u.test(m[0]))) return { rest: text.slice(m[0].length).trim() };
  }
  return null;
}
