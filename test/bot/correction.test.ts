import { describe, expect, it } from 'vitest';
import { parseCorrection } from '../../src/bot/correction.ts';

// "刚才说错了…" (issue 12, trials 14–18): the number meant and the one said by mistake.
const rows: Array<[string, { right: number | null; wrong: number | null } | null]> = [
  ['刚才说错了 是5号不是3号', { right: 5, wrong: 3 }],
  ['不是3号 是5号', { right: 5, wrong: 3 }],
  ['是十二号不是十一号', { right: 12, wrong: 11 }],
  ['3号说错了 应该是5号', { right: 5, wrong: 3 }],
  ['哎呀打错了 应该是12号', { right: 12, wrong: null }],
  ['刚才搞错了，是7号', { right: 7, wrong: null }],
  ['认领错了 我要的是8号', { right: 8, wrong: null }],
  ['刚才那个完成发错了', { right: null, wrong: null }],
  ['我说错了', { right: null, wrong: null }],
  ['发错了 刚才那条是7号何奶奶的 不是9号', { right: 7, wrong: 9 }],
  ['请转告后勤科：来修之前先给我打个电话13807316650，我带他们去', null],
  ['是5号', null],
  ['5号楼的灯还是不亮', null],
  ['我记错了时间 周六上午家里没人 周日才有人 麻烦跟志愿者说一声', null],
];

describe('parseCorrection', () => {
  it.each(rows)('%s', (text, expected) => expect(parseCorrection(text)).toEqual(expected));
});
