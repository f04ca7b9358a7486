import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { extractPlace } from '../../src/bot/extract-place.ts';
import { findRating } from '../../src/bot/find-rating.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { guessCategory } from '../../src/domain/classify.ts';

// Older residents and phones set to 繁體 write traditional characters: the bot reads them as it
// reads simplified ones, and keeps what they wrote as they wrote it.

describe('traditional characters', () => {
  it('are read as simplified, one character for one, so what was written keeps its length', () => {
    const written = '反映 3號樓東門的路燈壞了 請幫忙處理';
    expect(normalizeText(written)).toBe('反映 3号楼东门的路灯坏了 请帮忙处理');
    expect(normalizeText(written)).toHaveLength(written.length);
    // Characters that simplified text uses too stay as they are.
    expect(normalizeText('著名的乾隆 瞭望 狼藉')).toBe('著名的乾隆 瞭望 狼藉');
  });

  it.each([
    ['認領 12', { type: 'claim', id: 12 }],
    ['我來認領十二號', { type: 'claim', id: 12 }],
    ['12號完成了', { type: 'done', id: 12 }],
    ['確認 3 滿意', { type: 'confirm', id: 3 }],
    ['幫助', { type: 'help' }],
    ['查詢 5', { type: 'status', id: 5 }],
  ])('%j is the same command as in simplified', (text, expected) => {
    expect(parseCommand(text)).toMatchObject(expected);
  });

  it('keeps a wish in the characters it was written in', () => {
    expect(parseCommand('心願 幫忙修一下水龍頭')).toMatchObject({ type: 'wish', text: '幫忙修一下水龍頭' });
  });

  it('finds places, urgency, ratings, skips and categories', () => {
    expect(extractPlace('3號樓東門的路燈壞了')).toBe('3號樓東門');
    expect(detectEmergency('5號樓一樓有很大的煤氣味')).not.toBeNull();
    expect(detectEmergency('樓下著火了')).not.toBeNull();
    expect(findRating(normalizeText('非常滿意'))?.rating).toBe(5);
    expect(isSkip('沒有照片')).toBe(true);
    expect(guessCategory(normalizeText('路燈壞了'), ['基础设施', '环境卫生'])).toBe('基础设施');
  });
});
