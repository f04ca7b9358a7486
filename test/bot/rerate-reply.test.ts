import { describe, expect, it } from 'vitest';
import { rerateOf } from '../../src/bot/rerate-reply.ts';

// After confirming with a score (within the day): what puts the score right, and what does not.
const rows: Array<[string, { rating: number; comment: string } | null]> = [
  ['改成四星吧', { rating: 4, comment: '' }],
  ['刚才打错了 应该是3星 龙头还有点滴水', { rating: 3, comment: '龙头还有点滴水' }],
  ['4星', { rating: 4, comment: '' }],
  ['三颗星吧', { rating: 3, comment: '' }],
  ['不好意思 点错了 是5分', { rating: 5, comment: '' }],
  ['重新打个分 四分吧', { rating: 4, comment: '' }],
  ['改一下评分 3分', { rating: 3, comment: '' }],
  ['其实是一般般', { rating: 3, comment: '' }],
  ['五星好评', { rating: 5, comment: '' }],
  ['按错了，应该是４星', { rating: 4, comment: '' }],
  // Not a score put right: thanks, a word of satisfaction, praise of someone, trouble, a place.
  ['谢谢', null],
  ['满意', null],
  ['给李师傅五星 人很好', null],
  ['又坏了 改成一星', null],
  ['还是老样子', null],
  ['3号楼', null],
  ['我想再反映个事 3号楼灯坏了', null],
  ['', null],
];

describe('rerateOf', () => {
  it.each(rows)('%s', (text, expected) => {
    expect(rerateOf(text)).toEqual(expected);
  });
});
