import { describe, expect, it } from 'vitest';
import { addressedToBot, isAddressedToBot, type AddressInput, type AddressReason, type OpenQuestion } from '../../src/bot/is-addressed-to-bot.ts';

const group = (text: string, question: OpenQuestion | null = null, extra: Partial<AddressInput> = {}): AddressInput => ({
  text,
  chat: 'group',
  mentionedBot: false,
  question,
  ...extra,
});

const cases: Array<[string, AddressInput, AddressReason | null]> = [
  // chatter between residents
  ['chatter', group('赵大爷说的对'), null],
  ['laughter', group('哈哈哈'), null],
  ['ack', group('好的'), null],
  ['ack', group('收到'), null],
  ['thanks to a neighbour', group('谢谢王阿姨'), null],
  ['thanks alone', group('谢谢'), null],
  ['yes alone', group('是'), null],
  ['emoji', group('👍👍'), null],
  ['a report told to neighbours', group('3号楼的路灯又坏了，谁知道找谁'), null],
  ['news', group('明天上午停水，大家存点水'), null],
  ['a date', group('5月12号我来不了'), null],
  // commands
  ['claim', group('认领 12'), 'command'],
  ['claim, free order', group('12号我来'), 'command'],
  ['done, free order', group('#12 搞定了'), 'command'],
  ['status', group('12号怎么样了'), 'command'],
  ['half-typed', group('认领 一下'), 'command'],
  ['half-typed', group('进展 已联系，明天上门'), 'command'],
  ['a bare word', group('确认'), null],
  ['a bare word', group('完成！'), null],
  ['agreeing', group('+1'), null],
  ['agreeing with an item', group('+1 12'), 'command'],
  ['report', group('反映 3号楼东门的路灯坏了'), 'command'],
  ['list', group('待认领'), 'command'],
  ['official', group('优先 12 紧急'), 'command'],
  // mentions
  ['mention', group('你好', null, { mentionedBot: true }), 'mention'],
  ['thanks with a mention', group('谢谢', null, { mentionedBot: true }), 'mention'],
  ['typed mention', group('@连心 你好', null, { botNames: ['连心'] }), 'mention'],
  ['someone else', group('@王书记 您看一下', null, { botNames: ['连心'] }), null],
  // answers from the person asked
  ['confirm answer', group('满意，谢谢', { kind: 'confirm', itemId: 3 }), 'answer'],
  ['dispute answer', group('还是老样子', { kind: 'confirm', itemId: 3 }), 'answer'],
  ['revisit answer', group('好的没问题', { kind: 'revisit', itemId: 3 }), 'answer'],
  ['chatter while asked', group('哈哈', { kind: 'confirm', itemId: 3 }), null],
  ['place answer', group('3号楼东门', { kind: 'dialogue', step: 'place' }), 'answer'],
  ['place in words', group('就在篮球场那边', { kind: 'dialogue', step: 'place' }), 'answer'],
  ['skip answer', group('跳过吧', { kind: 'dialogue', step: 'photo' }), 'answer'],
  ['photo', group('', { kind: 'dialogue', step: 'photo' }, { hasAttachment: true }), 'answer'],
  ['chatter at the photo step', group('赵大爷说的对', { kind: 'dialogue', step: 'photo' }), null],
  ['kind answer', group('2', { kind: 'dialogue', step: 'kind' }), 'answer'],
  ['phone answer', group('138 1234 5678', { kind: 'dialogue', step: 'phone' }), 'answer'],
  ['no phone', group('不方便', { kind: 'dialogue', step: 'phone' }), 'answer'],
  ['chatter at the place step', group('好的', { kind: 'dialogue', step: 'place' }), null],
  ['cancel', group('不要了', { kind: 'dialogue', step: 'place' }), 'answer'],
  // emergencies are worth an interruption
  ['gas', group('5号楼煤气味很大！'), 'emergency'],
  ['fire', group('2号楼着火了'), 'emergency'],
  ['plain urgency', group('紧急'), null],
];

describe('addressedToBot', () => {
  it.each(cases)('%s: %j', (_what, input, reason) => expect(addressedToBot(input)).toBe(reason));

  it('takes everything in a direct chat', () => {
    expect(isAddressedToBot({ text: '哈哈', chat: 'direct', mentionedBot: false, question: null })).toBe(true);
    expect(isAddressedToBot(group('哈哈'))).toBe(false);
  });
});
