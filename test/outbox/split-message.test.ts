import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../src/outbox/split-message.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('splitMessage', () => {
  it('leaves a message within the budget alone', () => {
    expect(splitMessage('短消息', 2048)).toEqual(['短消息']);
  });

  it('splits on line boundaries, keeps every line whole and in order', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `#${i + 1} 微心愿「帮忙修水龙头」（3天）`);
    const parts = splitMessage(lines.join('\n'), 2048);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(2048);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('cuts an over-long line between characters, never inside one (Chinese 3 bytes, emoji 4)', () => {
    const line = '这是一条很长的消息😀'.repeat(200);
    const parts = splitMessage(line, 100);
    for (const p of parts) {
      expect(bytes(p)).toBeLessThanOrEqual(100);
      expect(p).not.toContain('\uFFFD');
    }
    expect(parts.join('')).toBe(line);
  });
});
