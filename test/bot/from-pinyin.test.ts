import { describe, expect, it } from 'vitest';
import { fromPinyin } from '../../src/bot/from-pinyin.ts';

// Trial 26: "meiyou" to the photo question hung the draft; "manyi, xiexie" started a new one;
// "cancel" and "quxiao" were not understood. Known words are read as Chinese; anything else stays.

describe('fromPinyin', () => {
  it.each([
    ['meiyou', '没有'],
    ['mei you', '没有'],
    ['manyi, xiexie', '满意, 谢谢'],
    ['bu shi, wo shi shuo 4 hao man yi, queren 4 5', '不是, 我是说 4号满意, 确认 4 5'],
    ['quxiao', '取消'],
    ['cancel，我是给17号打分 5', '取消，我是给17号打分 5'],
    ['back home了，猫咪胖了一圈哈哈，thanks 赵姐，5 stars', 'back home了，猫咪胖了一圈哈哈，谢谢 赵姐，5星'],
    ['renling 5', '认领 5'],
    ['7号楼3单元楼道里好大一股gas味儿', '7号楼3单元楼道里好大一股煤气味儿'],
  ])('%j → %j', (text, chinese) => expect(fromPinyin(text)).toBe(chinese));

  it.each(['7dong louxia de lajitong man le', '会所gym的treadmill坏了', '报到 SHIXINGA', '报到 K8A3PQRS', '报到 BAEN2345', 'k8a3pqrs', 'claim 12', 'ok fine', '物业的人来了没？still stuck', '楼道灯坏了'])(
    '%j stays as typed',
    (text) => expect(fromPinyin(text)).toBeNull(),
  );
});
