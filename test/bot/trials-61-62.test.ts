import { describe, expect, it } from 'vitest';
import { confirmArgs } from '../../src/bot/confirm-args.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntents } from '../../src/bot/guess-intents.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 61 (四川话 elders, one on voice input; a blind resident; a rider and a retired
// teacher volunteering; a 网格员 with nicknames; a 主任 giving several orders at once) and 62 (福建
// 普通话 elders, a grandson typing for his 客家 grandmother, a programmer and a nurse volunteering,
// a 书记 dictating, 物业's manager).

const official = (text: string) => {
  const plain = officeCommands(text);
  return parseCommands(plain) ?? parseCommand(plain);
};

describe("an official's several orders in one breath, each for its own item", () => {
  it.each([
    [
      '12号垃圾那个给小何骑手，13号门禁给周网格，都两天内办好',
      [
        { type: 'assign', id: 12, target: { kind: 'unit', name: '小何骑手' } },
        { type: 'deadline', id: 12, workingDays: 2 },
        { type: 'assign', id: 13, target: { kind: 'unit', name: '周网格' } },
        { type: 'deadline', id: 13, workingDays: 2 },
      ],
    ],
    [
      '好吧 2号路灯交给王志强 期限三天 6号垃圾也交给王志强 紧急 明天之内 5号跳舞那个我自己来跟',
      [
        { type: 'assign', id: 2, target: { kind: 'unit', name: '王志强' } },
        { type: 'deadline', id: 2, workingDays: 3 },
        { type: 'assign', id: 6, target: { kind: 'unit', name: '王志强' } },
        { type: 'priority', id: 6, priority: 'urgent' },
        { type: 'deadline', id: 6, by: { daysAhead: 1 } },
        { type: 'claim', id: 5 },
      ],
    ],
    [
      '3号不是紧急 改回普通。17号盲道那个才是紧急的 指派给周网格',
      [
        { type: 'priority', id: 3, priority: 'normal' },
        { type: 'priority', id: 17, priority: 'urgent' },
        { type: 'assign', id: 17, target: { kind: 'unit', name: '周网格' } },
      ],
    ],
    ['5号继续由周网格跟，期限改成一周', [{ type: 'assign', id: 5, target: { kind: 'unit', name: '周网格' } }, { type: 'deadline', id: 5, workingDays: 5 }]],
  ])('%s', (text, commands) => expect(official(text)).toEqual(commands));

  it.each([
    ['6号先定个两天期限', { type: 'deadline', id: 6, workingDays: 2 }],
    ['16号指派错了 应该是周网格本人', { type: 'assign', id: 16, target: { kind: 'unit', name: '周网格' } }],
    ['12号现在哪个在办', { type: 'status', id: 12 }],
    ['17号现在什么status', { type: 'status', id: 17 }],
    ['5号 我自己来跟', { type: 'claim', id: 5 }],
    ['5号我来协调', { type: 'claim', id: 5 }],
  ])('%s', (text, command) => expect(official(text)).toEqual(command));

  it('"让周网格带保安去…" hands it to 周网格, not to someone called 周网格带保安', () => {
    expect(official('16号重新打开 让周网格带保安去十栋门口看一下 把人劝离')).toContainEqual({ type: 'assign', id: 16, target: { kind: 'unit', name: '周网格' } });
  });
  it('"13号门禁" is item 13 (an access gate), not gate 13', () => {
    expect(official('13号门禁给周网格')).toEqual({ type: 'assign', id: 13, target: { kind: 'unit', name: '周网格' } });
  });
});

describe('figures and lists, several asked at once', () => {
  it.each([
    ['现在一共有好多条了？哪些还没人管的给我列一下', [{ type: 'stats' }, { type: 'list' }]],
    ['给我报个数 到现在为止办结了几件 群众满意率好多 哪个志愿者办得最多', [{ type: 'stats' }, { type: 'stats', topic: 'pioneers' }]],
    ['现在还有哪些没办完的 按期限排一下 还有这周每个志愿者办了几件', [{ type: 'working' }, { type: 'stats', topic: 'pioneers' }]],
    ['这周的数据', [{ type: 'stats' }]],
  ])('%s', (text, guesses) => expect(guessIntents(text)).toMatchObject(guesses));
});

describe('trial 62: numbers, English and codes inside sentences', () => {
  const said = (text: string) => parseCommands(text) ?? parseCommand(text);
  it.each([
    ['水龙头那个我可以 claim 1，周六上午有空 ok?', [{ type: 'claim', id: 1 }]],
    ['18号健身器材我也认领 要等厂家配件 大概要一个礼拜', { type: 'claim', id: 18 }],
    ['11号车主找到了 是9栋1203的亲戚 已经挪走了 车库口画了黄色禁停线 done', { type: 'done', id: 11 }],
  ])('%s', (text, command) => expect(said(text)).toMatchObject(command));
  it('"@连心 还有7号呢？claim 7 pls" from an official claims it', () => expect(official('@连心 还有7号呢？claim 7 pls')).toEqual([{ type: 'claim', id: 7 }]));
  it('"…我转给李建国书记" hands it to 李建国', () => {
    expect(official('20号野狗的城管来过一次没抓到 这个需要街道协调 我转给李建国书记')).toEqual({ type: 'assign', id: 20, target: { kind: 'unit', name: '李建国' } });
  });
  it('"书记给我的码 7GBYAFW3 我也想当志愿者" joins with the code', () => expect(guessIntents('书记给我的码 7GBYAFW3 我也想当志愿者')).toEqual([{ type: 'join', code: '7GBYAFW3' }]));
  it('"我想当志愿者 怎么报名" is still told how', () => expect(guessIntents('我想当志愿者 怎么报名')).toEqual([{ type: 'help', topic: 'join' }]));
});

describe('help and thanks in other words', () => {
  it.each([
    ['您好，请问我作为志愿者，应该如何使用这个助手？麻烦您告诉我一下，谢谢。', [{ type: 'help' }]],
    ['都不是，我并非要提交心愿或反映问题，只是想了解志愿者的操作方法。', [{ type: 'help' }]],
    ['要得嘛 麻烦你了周娃', [{ type: 'thanks' }]],
    ['麻烦你了 帮我看看水管', []],
  ])('%s', (text, guesses) => expect(guessIntents(text)).toEqual(guesses));
});

describe('alarms raised and not raised', () => {
  it.each(['紧咧 6栋电梯卡在四楼跟五楼中间 里面有一个阿嬷跟小孩 按铃没人应', '2 快点啦 人关在里面'])('%s: someone is trapped in a lift', (text) => {
    expect(detectEmergency(text)?.kinds).toContain('lift');
  });
  it.each(['2 公家的 ７栋门口水沟盖破洞 会跌倒', '我又没有要叫救护车 怎么说打120 吓我一跳'])('%s: no alarm', (text) => expect(detectEmergency(text)).toBeNull());
  it.each(['老人摔倒了 起不来', '等了一会儿 他摔倒了 起不来'])('%s: still an injury', (text) => expect(detectEmergency(text)?.kinds).toContain('injury'));
});

describe('volunteers', () => {
  it('"14 井盖的螺丝锈断了 … 先放了个警示锥" is news, not giving it back', () => {
    expect(parseCommands('14 井盖的螺丝锈断了 已报市政 市政说三天内来换 先放了个警示锥') ?? parseCommand('14 井盖的螺丝锈断了 已报市政 市政说三天内来换 先放了个警示锥')).not.toMatchObject({ type: 'release' });
  });
  it('"…我有事先放了吧" still gives it back', () => expect(parseCommand('14 我有事先放了吧')).toMatchObject({ type: 'release', id: 14 }));
});

describe('residents', () => {
  const gotRubbish = { kind: 'confirm' as const, itemId: 12, itemText: '十二栋西侧垃圾桶旁边堆了很多装修垃圾' };
  it('"我基本满意，只是提醒一下旁边又有新垃圾" confirms; the remark is the comment', () => {
    expect(understandReply('您误会了，这不是紧急情况，不需要报警。我是说十二号的垃圾清走了，我基本满意，只是提醒一下旁边又有新垃圾。', gotRubbish)).toMatchObject({
      kind: 'confirm',
      rating: 4,
      comment: expect.stringContaining('只是提醒一下旁边又有新垃圾') as unknown as string,
    });
  });
  it.each(['我不太满意 又坏了', '满意吗？又坏了'])('%s still disputes', (text) => expect(understandReply(text, gotRubbish)?.kind).toBe('dispute'));
  it('a comment keeps no stray "我，" or "嘛" where the rating word was', () => {
    expect(confirmArgs(normalizeText('小何人好得很，满意嘛'), '小何人好得很，满意嘛')).toEqual({ rating: 5, comment: '小何人好得很' });
  });
  it('"又有人丢了两袋新的装修垃圾" is no missing person', () => {
    expect(detectEmergency('十二号我也去看了，垃圾已清走，但旁边又有人丢了两袋新的装修垃圾，恐怕还会再堆。')).toBeNull();
  });
  it('"我家老人丢了" still is', () => expect(detectEmergency('我家老人丢了 找不到了')?.kinds).toContain('missing'));
});
