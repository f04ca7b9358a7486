/**
 * Removes the bot's @mention from a group message. WeCom delivers group text as typed, e.g.
 * "@连心 认领 12" (100719); the mention may use the robot's display name rather than BOT_NAME, and
 * clients put an ordinary or a U+2005 space after it. So: the bot's own name anywhere as a word, and
 * any @token at the start. The command parser tolerates a leading mention as well.
 */
export function stripMention(text: string, botName: string): string {
  const escaped = botName.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  let t = text.replace(new RegExp(`[@＠]${escaped}(?=$|\\s)`, 'gu'), ' ').trim();
  for (let m = /^[@＠][^\s@＠]*(?:\s+|$)/u.exec(t); m; m = /^[@＠][^\s@＠]*(?:\s+|$)/u.exec(t)) {
    t = t.slice(m[0].length);
  }
  return t.trim();
}
