import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { ASKS_AFTER } from '../../src/bot/own-item-asked-after.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trial 39 (Chongqing/Chengdu speech, migrant workers with pinyin typos, an elder dictating
// by voice, a daughter writing for her mother, a veteran, a student, a busy shop owner; a polite
// 书记 and a terse 网格员): what it meant.

const said = (text: string) => parseCommands(text) ?? parseCommand(text);

describe('words passed between a volunteer and a resident', () => {
  it.each([
    ['帮我问哈3号那个杨师傅 8栋后面具体是哪个位置 靠车库那边还是垃圾站那边', 3],
    ['想问一下2号的家属，婆婆吃的是哪种降压药呀？有没有药盒或者处方可以拍给我看看', 2],
    ['2号 跟志愿者说药是硝苯地平缓释片 拜新同30mg', 2],
    ['回11 周三下午2点 社区二楼活动室 带手机', 11],
  ])('%s → passed on (转告)', (text, id) => {
    expect(said(text)).toMatchObject({ type: 'tell', id });
  });
  it('"想问一下2号怎么样了" still asks the bot; "8号 跟环卫所说好了 …" is news', () => {
    expect(said('想问一下2号怎么样了')).toEqual({ type: 'status', id: 2 });
    expect(said('8号 跟环卫所说好了 下周一给那放两个大桶')).not.toMatchObject({ type: 'tell' });
  });
});

describe('volunteers giving back, taking on, finishing', () => {
  it.each([
    ['3号我这几天店里头搞不赢，罗哥你帮我接一下嘛', 'release'],
    ['那我放了3号嘛 让罗哥认', 'release'],
    ['14号我接了，杨师傅晓不晓得是哪家装修倒的？', 'claim'],
    ['19号我来 交电费我会 今晚去张爷爷家', 'claim'],
    ['19号 电费交好了 300块 张爷爷给的现金 收据截图发他女儿了', 'done'],
    ['15号进展。物业开门，老人卫生间摔倒，神志清醒。已叫120，其女儿已通知，正赶往医院。', 'progress'],
  ])('%s → %s', (text, type) => {
    expect(said(text)).toMatchObject({ type });
  });
});

describe('the office', () => {
  it.each([
    ['11 驳 抢票不属微心愿范围，建议周三来社区 智能手机课 教用12306', { type: 'reject', id: 11, reason: '抢票不属微心愿范围，建议周三来社区 智能手机课 教用12306' }],
    ['18号是隔壁锦绣小区的噪音问题，请驳回，原因写：已转告锦绣社区协调，也可拨打12345反映。', { type: 'reject', id: 18, reason: '已转告锦绣社区协调，也可拨打12345反映' }],
  ])('%s', (text, cmd) => {
    expect(said(text)).toEqual(cmd);
  });
  it('"10号和4号反映的是同一盏路灯，请把10号并到4号里面。" merges', () => {
    expect(said('10号和4号反映的是同一盏路灯，请把10号并到4号里面。')).toEqual([{ type: 'merge', id: 10, into: 4 }]);
  });
  it('urgent, a unit and "今天下班前" in one sentence', () => {
    expect(said('13号电梯夹人请标为紧急，并转给电梯维保单位，今天下班前要有答复。')).toEqual([
      { type: 'priority', id: 13, priority: 'urgent' },
      { type: 'assign', id: 13, target: { kind: 'unit', name: '电梯维保单位' } },
      { type: 'deadline', id: 13, by: { today: true } },
    ]);
  });
  it('reopened with its reason, then handed on', () => {
    expect(said('18号请重新打开，原因：锦绣社区说管不了。然后转给城管。')).toMatchObject([
      { type: 'reopen', id: 18 },
      { type: 'assign', id: 18, target: { kind: 'unit', name: '城管' } },
    ]);
  });
  it.each([
    ['您好，请帮我看一下目前社区里还有哪些事项没有办结，谢谢。', { type: 'working' }],
    ['志愿者各自手上几件', { type: 'working' }],
    ['罗建军 在办的', { type: 'working', holder: '罗建军' }],
    ['物业手上几件 超期没', { type: 'working', holder: '物业' }],
    ['物业在办的', { type: 'working', holder: '物业' }],
    ['小王手上现在几件', { type: 'working', holder: '小王' }],
    ['我刚来还不太会用，这个都能做些什么呀', { type: 'help' }],
  ])('%s', (text, cmd) => {
    expect(guessIntent(text)).toEqual(cmd);
  });
});

describe('residents', () => {
  it('a fall that already happened, told as why to fix a light, raises no 120 alarm; one happening now does', () => {
    expect(detectEmergency('我是三栋的老张 我们单元楼道的灯坏了好几天了晚上黑黢黢的上楼梯看不到以经摔了一跤了麻烦找人来修一下')).toBeNull();
    expect(detectEmergency('老人已经摔了一跤 现在躺在地上')).not.toBeNull();
  });
  it('以经 is 已经; "希望不要在坏了" is a hope, not a complaint', () => {
    expect(normalizeText('以经摔了')).toBe('已经摔了');
    expect(understandReply('电梯现在不夹人了还可以希望不要在坏了', { kind: 'confirm', itemId: 13, itemText: '三栋电梯门夹人' })?.kind).toBe('confirm');
  });
  it.each(['我反映那个路灯咋个样了哦 还是黑的', '那我屋头水龙头的事情你登记了没有哦'])('%s asks after their own request', (text) => {
    expect(ASKS_AFTER.test(normalizeText(text))).toBe(true);
  });
});
