import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../src/bot/chinese-number.ts';
import { readItemId } from '../../src/bot/item-id.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['九十九', 99], ['两', 2], ['〇', 0],
    ['一百', 100], ['一百零五', 105], ['一千零五十', 1050], ['一二', 12], ['壹拾贰', 12], ['〇五', 5],
  ])('%s → %i', (text, n) => expect(parseChineseNumber(text)).toBe(n));

  it.each(['', '百', '十十', '二二十', '一百零', '一二三四五'])('%j is not a number', (text) =>
    expect(parseChineseNumber(text)).toBeNull(),
  );
});

describe('readItemId', () => {
  it.each([
    ['12', 12], ['#12', 12], ['# 12', 12], ['12号', 12], ['第12号', 12], ['十二', 12], ['十二号', 12],
    ['编号12', 12], ['12号单', 12], ['第十二号 我来', 12],
  ])('%j → %i', (text, id) => expect(readItemId(text)?.id).toBe(id));

  it.each(['3号楼', '12点', '5星', '5分', '2个', '3天', '12路', '3单元', '12号线', '一下', '第一次', '十二点', '12.5', 'abc'])(
    '%j is not an item',
    (text) => expect(readItemId(text)).toBeNull(),
  );
});
