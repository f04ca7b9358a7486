import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { itemIdsIn } from '../../src/bot/item-id.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { rerateOf } from '../../src/bot/rerate-reply.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';

// Issue 12, trial 40 (a central-China community in plain Mandarin with 湖北/河南 colour): what it meant.

const said = (text: string) => parseCommands(text) ?? parseCommand(text);

describe('取消 before an item is no withdrawal of it', () => {
  it.each(['取消。4号的地址是7栋1单元402，电话13871234567', '取消 6号能不能快点'])('%s', (text) => {
    expect(said(text)).not.toMatchObject({ type: 'withdraw' });
  });
  it.each([
    ['取消 4号', ''],
    ['取消4号 不需要了', '不需要了'],
  ])('%s still withdraws', (text, reason) => {
    expect(said(text)).toEqual({ type: 'withdraw', id: 4, reason });
  });
});

describe('the office in whole sentences', () => {
  it('each sentence about its own item', () => {
    expect(said('22跟21重复 并了。21加急，交物业找电梯公司，明天之内')).toEqual([
      { type: 'merge', id: 22, into: 21 },
      { type: 'priority', id: 21, priority: 'urgent' },
      { type: 'assign', id: 21, target: { kind: 'unit', name: '物业' } },
      { type: 'deadline', id: 21, by: { daysAhead: 1 } },
    ]);
    expect(said('10号和8号是一回事，都是3栋垃圾没收，10号并到8号去。8号我转给物业保洁，明天下班前清掉')).toEqual([
      { type: 'merge', id: 10, into: 8 },
      { type: 'assign', id: 8, target: { kind: 'unit', name: '物业保洁' } },
      { type: 'deadline', id: 8, by: { daysAhead: 1 } },
    ]);
  });
  it.each([
    ['2号那个滑梯的分类不对，应该是基础设施，另外沙坑里碎玻璃这个也要紧，设个紧急', [{ type: 'category', id: 2, category: '基础设施' }, { type: 'priority', id: 2, priority: 'urgent' }]],
    ['28号快递柜是快递公司的设施，装雨棚要他们出钱，社区没这个经费，先驳回，理由就这么写', { type: 'reject', id: 28, reason: '快递柜是快递公司的设施，装雨棚要他们出钱，社区没这个经费' }],
    ['28号重新受理吧，我去跟物业谈用维修基金装雨棚，交我自己来跟', [{ type: 'reopen', id: 28, reason: '我去跟物业谈用维修基金装雨棚，交我自己来跟' }, { type: 'claim', id: 28 }]],
    ['本人申请认领第9号和第16号两项路灯问题，我有电工证，周日下午可前往查看。', [{ type: 'claim', id: 9 }, { type: 'claim', id: 16 }]],
    ['再搞个党员志愿者的邀请码，下个月有十来个党员要报到', { type: 'invite', role: 'member', uses: 30 }],
    ['16号6栋后面的三盏路灯已更换灯泡，全部恢复照明。', { type: 'done', id: 16 }],
  ])('%s', (text, cmd) => {
    expect(said(text)).toMatchObject(cmd);
  });
  it.each([
    ['我想在办公室电脑上看一下整个台账 怎么弄', { type: 'login' }],
    ['这周哪几个志愿者干得最多，给我排一下', { type: 'stats', topic: 'pioneers' }],
    ['请帮我查询一下本人近期办理事项的情况。', { type: 'mine' }],
    ['你这个小助手还蛮管用 谢谢了', { type: 'thanks' }],
  ])('%s', (text, cmd) => {
    expect(guessIntent(text)).toEqual(cmd);
  });
});

describe('residents and volunteers', () => {
  it('a complaint after "done" disputes it', () => {
    expect(said('8号垃圾是拉走了 可桶子没冲洗 还是一股馊味 苍蝇围着转 这个不算办好吧')).toMatchObject({ type: 'dispute', id: 8 });
  });
  it('a burnt socket waiting for its part is no emergency', () => {
    expect(detectEmergency('反映 2号车棚充电桩插座烧了 物业说在等配件')).toBeNull();
  });
  it.each(['照片拍了 黑的 啥也看不清 算了吧', '手机里有照片 但是群里发不上去 网太卡了', '冇拍 忙着看店', '声音么样拍照片 冇得'])('%s skips the photo', (text) => {
    expect(isSkip(text)).toBe(true);
  });
  it('"按错 是5" puts a score right', () => {
    expect(rerateOf('按错 是5')).toEqual({ rating: 5, comment: '' });
  });
  it.each(['风轮洗干净装回去了 现在声音很小', '陪李奶奶看完眼睛了，医生说恢复得不错。已经送她到家了', '这个事算协调好了', '保洁下午已经换了个新桶盖'])('%s is done', (text) => {
    expect(talkAbout(text).kind).toBe('done');
  });
  it('"5号电池" is a battery', () => {
    expect(itemIdsIn('老王 5号电池还有没')).toEqual([]);
  });
});
