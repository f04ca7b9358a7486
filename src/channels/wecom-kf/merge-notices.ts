const MORE = '回复“我的”查看全部。';
const ELLIPSIS = '…';
const MIN_SHARE = 60;

/**
 * Several notices for one resident as one message that fits `maxBytes` (UTF-8):
 * "您有 3 条新进展：\n1. …\n2. …\n3. …". When they do not fit, each keeps an equal share of the room
 * and is cut with "…" (the newest kept when there are very many), and the message ends by pointing at
 * "我的", which lists the resident's items.
 */
export function mergeNotices(notices: readonly string[], maxBytes: number): string {
  if (notices.length === 1) return cut(notices[0]!, maxBytes);
  const head = `您有 ${notices.length} 条新进展：`;
  const lines = notices.map((n, i) => `${i + 1}. ${n.replace(/\s*\n\s*/gu, ' ').trim()}`);
  const whole = [head, ...lines].join('\n');
  if (bytes(whole) <= maxBytes) return whole;
  // Each kept line gets an equal share of the room, at least MIN_SHARE bytes; with very many
  // notices only the newest that fit are kept (the oldest are the most likely stale).
  const room = maxBytes - bytes(head) - bytes(MORE) - 2;
  const kept = Math.max(1, Math.min(lines.length, Math.floor(room / (MIN_SHARE + 1))));
  const share = Math.floor(room / kept) - 1;
  const text = [head, ...lines.slice(-kept).map((l) => cut(l, share)), MORE].join('\n');
  return bytes(text) <= maxBytes ? text : cut(text, maxBytes);
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `s` cut at a character boundary so that it and "…" fit in `max` bytes. */
function cut(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  let out = '';
  let used = bytes(ELLIPSIS);
  for (const ch of s) {
    const b = bytes(ch);
    if (used + b > max) break;
    out += ch;
    used += b;
  }
  return out + ELLIPSIS;
}
