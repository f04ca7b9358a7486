import { describe, expect, it } from 'vitest';
import { calledByName } from '../../src/bot/called-by-name.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { findRating } from '../../src/bot/find-rating.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';

// Issue 12, trials 53 (天津/唐山: a blind man on voice input, a daughter abroad, a taxi-driver
// volunteer, a 书记 at the morning meeting) and 54 (温州/福建/客家: an old man who greets 小连 every
// time, a mother of twins, a shop owner, 物业 with the official code, a 网格员).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);

describe('the bot called 小连', () => {
  it.each([
    ['你好小连 吃了吗', ''],
    ['你好小连 吃了吗 刚才群里说的你看到没 旧冰箱要抬下楼 我搬不动', '刚才群里说的你看到没 旧冰箱要抬下楼 我搬不动'],
    ['小连啊 我家门口楼道那个灯坏了好几天了', '我家门口楼道那个灯坏了好几天了'],
    ['连心你好，我想请人帮忙', '我想请人帮忙'],
  ])('%j → %j', (text, rest) => expect(calledByName(text, '连心')).toEqual({ rest }));
  it('"小连家的狗又叫了" calls nobody', () => expect(calledByName('小连家的狗又叫了', '连心')).toBeNull());
});

describe('no alarm', () => {
  it.each(['砸到人谁负责？12345我打过了没人理 社区就不能帮忙联系一下公交公司吗', '打什么120 没人受伤 我是说11号那个事'])('%s', (text) => {
    expect(detectEmergency(text)).toBeNull();
  });
});

describe('officials', () => {
  it.each([
    ['1号分类不对 地砖应该算基础设施的', { type: 'category', id: 1, category: '基础设施' }],
    ['14号期限明天', { type: 'deadline', id: 14, by: { daysAhead: 1 } }],
    ['7号期限放宽到下礼拜五', { type: 'deadline', id: 7, by: { weekday: 5, weeksAhead: 1 } }],
  ])('%s', (text, command) => expect(said(text)).toEqual(command));
  it.each([
    [
      '25号是消防隐患 分类改治安安全 优先级设紧急 明天之前清掉',
      [
        { type: 'category', id: 25, category: '治安安全' },
        { type: 'priority', id: 25, priority: 'urgent' },
        { type: 'deadline', id: 25, by: { daysAhead: 1 } },
      ],
    ],
    [
      '7号供电所礼拜一来 期限放宽到下礼拜五',
      [
        { type: 'deadline', id: 7, by: { weekday: 5, weeksAhead: 1 } },
        { type: 'tell', id: 7, note: '供电所礼拜一来' },
      ],
    ],
    [
      officeCommands('2号井盖给我弄成加急 跟老刘说物业礼拜一上午来换井圈'),
      [
        { type: 'priority', id: 2, priority: 'urgent' },
        { type: 'tell', id: 2, note: '物业礼拜一上午来换井圈' },
      ],
    ],
  ])('%s', (text, commands) => expect(said(text)).toEqual(commands));
  it.each([
    ['现在谁手上拿着哪几件 列一下我看看', { type: 'working' }],
    ['在办的 都谁拿着', { type: 'working' }],
    ['志愿者们现在手上各有几件 给我列个单子', { type: 'working' }],
    ['桂芳问的：我们俩现在手上还有几个活没干完', { type: 'mine' }],
    ['上个月的数按分类给我报一下 开会要用', { type: 'stats', span: 'lastMonth' }],
    ['把我提过的事情都给我念一遍', { type: 'mine' }],
  ])('%s', (text, command) => expect(guessIntent(text)).toEqual(command));
});

describe('volunteers and residents', () => {
  it.each([
    ['镇流器坏了 换了个LED灯盘 亮了 36块', 'done'],
    ['已帮孙大哥读完 燃气费已缴清', 'done'],
    ['纸箱搬空了 楼道扫了一遍 通道通了', 'done'],
    ['问到了 车主说下班回来就挪', 'news'],
    ['车主找不着 这个我撂了 得物业', 'release'],
    ['楼道那灯还闪呢 物业说两天 介都第三天了', 'dispute'],
  ])('%s → %s', (text, kind) => expect(talkAbout(text).kind).toBe(kind));
  it('"21 19 俩都我接了" claims both; "4号呢" asks after 4', () => {
    expect(said('21 19 俩都我接了 后备箱有半袋融雪剂')).toEqual([
      { type: 'claim', id: 21 },
      { type: 'claim', id: 19 },
    ]);
    expect(said('4号呢')).toEqual({ type: 'status', id: 4 });
  });
  it('"都是反映" answers the kind; "满依" is 满意', () => {
    expect(kindAnswer('都是反映')).toBe('report');
    expect(findRating('满依')?.rating).toBe(5);
  });
});

describe('tried as a new user', () => {
  it.each([
    ['冰箱抬下去了', 'done'],
    ['米背上去了', 'done'],
    ['准备抬下去了', 'news'],
  ])('%s → %s', (text, kind) => expect(talkAbout(text).kind).toBe(kind));
});
