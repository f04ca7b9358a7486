import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 57 (长沙话: an elderly couple on one phone, a deaf resident writing formally, a
// rider and a retired teacher volunteering, a 网格员's shorthand, a 书记 dictating by voice) and 58
// (沪语-speaking elders, a migrant mother, a parcel-station owner and a pharmacist volunteering, 物业
// staff as a member, a 主任 writing terse numbered lists).

const official = (text: string) => {
  const plain = officeCommands(text);
  return parseCommands(plain) ?? parseCommand(plain);
};

describe("an official's lists and settings", () => {
  it.each([
    ['1.11号消防通道优先紧急 2.12号期限两天', [{ type: 'priority', id: 11, priority: 'urgent' }, { type: 'deadline', id: 12, workingDays: 2 }]],
    [
      '1.2号件优先级调紧急 2.期限三天 3.分类改安全隐患',
      [{ type: 'priority', id: 2, priority: 'urgent' }, { type: 'deadline', id: 2, workingDays: 3 }, { type: 'category', id: 2, category: '安全隐患' }],
    ],
    ['13号狗叫的 派给物业小马 期限一周 分类矛盾纠纷不用改', [{ type: 'assign', id: 13, target: { kind: 'unit', name: '物业小马' } }, { type: 'deadline', id: 13, workingDays: 5 }]],
    ['6号噪音的 这周五之前给我结掉', [{ type: 'deadline', id: 6, by: { weekday: 5, weeksAhead: 0 } }]],
  ])('%s', (text, commands) => expect(official(text)).toEqual(commands));
});

const said = (text: string) => parseCommands(text) ?? parseCommand(text);

describe('volunteers and the 网格员', () => {
  it.each([
    ['2 3我来', [{ type: 'claim', id: 2 }, { type: 'claim', id: 3 }]],
    ['10、12 我', [{ type: 'claim', id: 10 }, { type: 'claim', id: 12 }]],
    ['9# 已联系物业维修班 下午3点焊 现场已拉警戒线', { type: 'progress', id: 9, note: '已联系物业维修班 下午3点焊 现场已拉警戒线' }],
    ['15 已办 502水管换好 402天花板已干', [{ type: 'done', id: 15, note: '502水管换好 402天花板已干' }]],
  ])('%s', (text, command) => expect(said(text)).toEqual(command));
  it('"3#楼" is a building, not an item', () => expect(said('3#楼 门口灯坏了')).toMatchObject({ type: 'text' }));
  it('"4号 东门已装地锁…已办" is done', () => expect(talkAbout('4号 东门已装地锁+贴禁停牌 连续3晚巡查冇车停 已办').kind).toBe('done'));
});

describe('figures and lists asked in other words', () => {
  it.each([
    ['谁手上件最多 按人数一下', { type: 'working' }],
    ['现在谁手上压着件 列一下', { type: 'working' }],
    ['这个月的数字呢', { type: 'stats', span: 'month' }],
    ['上周的数据', { type: 'stats', span: 'lastWeek' }],
  ])('%s', (text, command) => expect(guessIntent(text)).toEqual(command));
});

describe('residents', () => {
  it('"拉走了一半吧 … 还有几块碎瓷砖" after a done notice disputes it', () => {
    expect(understandReply('拉走了一半吧 我刚下楼看 还有几块碎瓷砖和玻璃在垃圾桶后面 小孩还是会划到', { kind: 'confirm', itemId: 5, itemText: '3号楼后面垃圾桶边上堆了好多装修垃圾' })?.kind).toBe('dispute');
  });
  it.each(['你好 我家孩子发烧39度了 老公不在家 能不能有人帮我看一下老大', '孩子发高烧 急 有没有人能来帮我带一下大的'])('%s is urgent, with 120', (text) => {
    expect(detectEmergency(text)?.hotlines.some((h) => h.number === '120')).toBe(true);
  });
  it('"孩子上周发烧了 现在好了" is not', () => expect(detectEmergency('孩子上周发烧了 现在好了')).toBeNull());
});

// Trials 59 (东北/内蒙 speech, 物业 with the official code) and 60 (粤语 elders, a 主任 mixing Cantonese).
describe('trials 59-60', () => {
  it.each([
    '@连心 东门那块天天有辆白色面包车堵着消防通道 救护车都进不来 说了好几回了',
    '哈哈这机器人还挺能整 一说救护车就让打120',
    '楼上那家天天后半夜一两点还叮咣的 上去敲门也不开 7号楼1单元402',
  ])('%s raises no alarm', (text) => expect(detectEmergency(text)).toBeNull());
  it.each(['快叫救护车 我爸摔倒了', '十座地下水管爆咗啊 啲水喷到成地都系 快啲叫人熄水掣'])('%s does', (text) => expect(detectEmergency(text)).not.toBeNull());
  it.each([
    ['3号陪诊果单 交俾陈师傅啦 佢有车', { type: 'assign', id: 3, target: { kind: 'unit', name: '陈师傅' } }],
    ['3号 交给陈sir啦', { type: 'assign', id: 3, target: { kind: 'unit', name: '陈sir' } }],
    ['12号期限改今天 供电所下午必须来', { type: 'deadline', id: 12, by: { today: true } }],
    [
      '4号 转热力公司 分类改供暖 限三天',
      [{ type: 'assign', id: 4, target: { kind: 'unit', name: '热力公司' } }, { type: 'category', id: 4, category: '供暖' }, { type: 'deadline', id: 4, workingDays: 3 }],
    ],
    ['7号不算紧急 改普通 给物业 挪车', [{ type: 'priority', id: 7, priority: 'normal' }, { type: 'assign', id: 7, target: { kind: 'unit', name: '物业' } }]],
  ])('%s', (text, command) => expect(official(text)).toEqual(command));
});
