/**
 * Splits a message into parts of at most `maxBytes` UTF-8 bytes. Platforms count bytes, not
 * characters (WeCom text 2048 B, webhook markdown 4096 B; DingTalk 20000 B), and a Chinese
 * character is 3 bytes. Splits on line boundaries where it can; a line longer than the budget is
 * cut between code points, never inside one.
 */
export function splitMessage(text: string, maxBytes: number): string[] {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return [text];
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  const flush = () => {
    if (current !== '') parts.push(current);
    current = '';
    currentBytes = 0;
  };
  for (const line of text.split('\n')) {
    const lineBytes = Buffer.byteLength(line, 'utf8');
    const joinBytes = current === '' ? 0 : 1;
    if (currentBytes + joinBytes + lineBytes <= maxBytes) {
      current = current === '' ? line : `${current}\n${line}`;
      currentBytes += joinBytes + lineBytes;
      continue;
    }
    flush();
    if (lineBytes <= maxBytes) {
      current = line;
      currentBytes = lineBytes;
      continue;
    }
    for (const piece of cutByBytes(line, maxBytes)) parts.push(piece);
  }
  flush();
  return parts.filter((p) => p.trim() !== '');
}

function cutByBytes(line: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const ch of line) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > maxBytes) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += ch;
    bytes += b;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
