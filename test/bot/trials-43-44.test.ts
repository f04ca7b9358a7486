import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { plainOfficeWords } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';
import { splitMatters } from '../../src/bot/split-matters.ts';

// Issue 12, trials 43 (Beijing speech, a 居委会主任 dictating by voice while walking, 物业 staff with an
// official code, half-English residents) and 44 (Fujian/Hunan/Jiangxi accents, a 网格长 in dialect,
// a clerk pasting from Excel, a couple of volunteers): what the writers meant.

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const office = (text: string) => said(plainOfficeWords(text));

describe('an official dictating a run-on sentence', () => {
  it.each([
    ['小连那个二号电梯的事儿你给我设成紧急啊然后交给物业马建国期限就给两天吧', [{ type: 'priority', id: 2, priority: 'urgent' }, { type: 'assign', id: 2, target: { name: '马建国' } }, { type: 'deadline', id: 2, workingDays: 2 }]],
    ['五号那个车棚跟灭火器的你给我把分类改成基础设施然后交给物业让马建国去弄期限这周五之前', [{ type: 'category', id: 5, category: '基础设施' }, { type: 'assign', id: 5, target: { name: '马建国' } }, { type: 'deadline', id: 5, by: { weekday: 5 } }]],
    ['@连心 六号那个坡道的事儿加急啊让马建国今天上午就给挪开', [{ type: 'priority', id: 6, priority: 'urgent' }, { type: 'assign', id: 6, target: { name: '马建国' } }, { type: 'deadline', id: 6, by: { today: true } }]],
    ['小连啊一号路灯那个交给马建国七号那个道闸也给物业期限三天还有你把现在没办完的给我列一下', [{ type: 'assign', id: 1, target: { name: '马建国' } }, { type: 'assign', id: 7, target: { name: '物业' } }, { type: 'deadline', id: 7, workingDays: 3 }]],
    ['11号消防通道堵了那个分类改治安安全 设紧急 交物业今天必须清走', [{ type: 'category', id: 11 }, { type: 'priority', id: 11, priority: 'urgent' }, { type: 'assign', id: 11, target: { name: '物业' } }, { type: 'deadline', id: 11, by: { today: true } }]],
    ['十五号那个公交站牌不归咱们社区管驳回吧让她打12345', { type: 'reject', id: 15 }],
    ['五号车棚那个期限顺延到下周五吧等厂家呢', { type: 'deadline', id: 5, by: { weekday: 5, weeksAhead: 1 } }],
    ['十号孙姐复查那个期限给定到12月20号之前', { type: 'deadline', id: 10, by: { month: 12, day: 20 } }],
    ['二十号那个楼道灯怎么分到矛盾纠纷了改成基础设施啊', { type: 'category', id: 20, category: '基础设施' }],
    ['七号道闸那个是系统弄错了重新打开的你把七号给关回去', { type: 'done', id: 7 }],
    ['8号这回给我整成加急 后天之前必须弄好', [{ type: 'priority', id: 8, priority: 'urgent' }, { type: 'deadline', id: 8, by: { daysAhead: 2 } }]],
    ['8号外卖柜 给它弄成紧急的 三天之内要搞好 交给物业去弄撒', [{ type: 'assign', id: 8 }, { type: 'priority', id: 8, priority: 'urgent' }, { type: 'deadline', id: 8, workingDays: 3 }]],
    ['13号下水道那个 让李建华先去瞅瞅', { type: 'assign', id: 13, target: { name: '李建华' } }],
    ['19号邻里矛盾的 我自己去调解 一个礼拜内别提醒我', [{ type: 'claim', id: 19 }, { type: 'snooze', id: 19, days: 7 }]],
    ['1号写的啥呀 我想花个心愿 没头没尾的 查一下', { type: 'status', id: 1 }],
    ['17号物业已更换，墙面待晾干后再修补，暂不办结。', { type: 'progress', id: 17 }],
    ['17号期限往后延到下礼拜五', { type: 'deadline', id: 17, by: { weekday: 5, weeksAhead: 1 } }],
    ['期限 8 后天', { type: 'deadline', id: 8, by: { daysAhead: 2 } }],
    ['妹子 帮我整个干部的邀请码撒 给我们社区小吴用', { type: 'invite', role: 'official' }],
  ])('%s', (text, cmd) => {
    expect(office(text)).toMatchObject(cmd);
  });

  it.each([
    ['小连啊你这玩意儿到底咋使啊', { type: 'help' }],
    ['连心 咱社区现在还有几个没人管的嘞？', { type: 'list' }],
    ['我也想当volunteer 周末有空 怎么加入啊', { type: 'help', topic: 'join' }],
    ['请问我最近完成的事项在哪里可以看到？', { type: 'mine' }],
    ['请列出本人提交的全部事项及当前状态。', { type: 'mine' }],
    ['老李手上现在还有几件没弄完的', { type: 'working', holder: '老李' }],
  ])('%s', (text, cmd) => {
    expect(guessIntent(text)).toMatchObject(cmd);
  });
});

describe('volunteers and 物业 staff', () => {
  it.each([
    ['4号沙发 我周六下午可以 接了', { type: 'claim', id: 4 }],
    ['21 机顶盒这个我熟 周日上午过去', { type: 'claim', id: 21 }],
    ['5号呢 也算我的', { type: 'claim', id: 5 }],
    ['好 16我拿了', { type: 'claim', id: 16 }],
  ])('%s', (text, cmd) => {
    expect(said(text)).toMatchObject(cmd);
  });
  it.each([
    '换了门机控制板 试运行正常 已恢复使用',
    '电工下午把烧了的那段线换了 刚试了 亮了',
    '都换了 试了十几辆车进出都正常抬杆',
    '1101的旧家具今天上午已经全部搬走 楼道清空了 消防通道畅通',
    '下午回访了 这两天一滴都没返 这回彻底好了',
    '降压药已经交到胡老先生手上了',
    '周老师车棚顶补好了 浇水试了不漏',
    '药我家老李下午开车给林姐送到家了 钱她也转我了',
  ])('%s is done', (text) => {
    expect(talkAbout(text).kind).toBe('done');
  });
});

describe('residents', () => {
  it('"2 thx" answers the kind question', () => {
    expect(kindAnswer(normalizeText('2 thx'))).toBe('report');
  });
  it.each(['冒得 我手机冒电了', '不会', '否'])('%s skips', (text) => {
    expect(isSkip(text)).toBe(true);
  });
  it('someone lying on the floor is an emergency', () => {
    expect(detectEmergency('@连心 7栋一单元楼道有个人躺地上')?.kind).toBe('injury');
  });
  it('"不成啊…地漏又往上冒水儿了" disputes', () => {
    expect(understandReply('不成啊这刚过了俩钟头地漏又往上冒水儿了 再来瞧瞧吧', { kind: 'confirm', itemId: 12, itemText: '下水道反水' })?.kind).toBe('dispute');
  });
  it('"另反映两件事…" after confirmation reopens nothing', () => {
    expect(understandReply('另反映两件事：1、3栋单元门闭门器坏了 2、车棚顶棚漏雨', { kind: 'revisit', itemId: 5, itemText: '5栋楼道灯不亮' })).toBeNull();
  });
});

describe('rows pasted from the Excel 台账', () => {
  it.each([
    ['4\t物业\n7\t陈雨涵', [{ type: 'assign', id: 4, target: { name: '物业' } }, { type: 'assign', id: 7, target: { name: '陈雨涵' } }]],
    ['序号 事项编号 内容 承办人\n1 4 充电桩 物业\n2 7 外卖柜 陈雨涵', [{ type: 'assign', id: 4, target: { name: '物业' } }, { type: 'assign', id: 7, target: { name: '陈雨涵' } }]],
    ['编号\t承办\t期限\n12\t物业\t12月10日\n13\t陈雨涵\t3天', [{ type: 'assign', id: 12 }, { type: 'deadline', id: 12, by: { month: 12, day: 10 } }, { type: 'assign', id: 13 }, { type: 'deadline', id: 13, workingDays: 3 }]],
    ['12\t车棚顶棚\t物业\t12月10日', [{ type: 'assign', id: 12, target: { name: '物业' } }, { type: 'deadline', id: 12, by: { month: 12, day: 10 } }]],
  ])('%s', (text, cmd) => {
    expect(office(text)).toMatchObject(cmd);
  });
  it('a list of numbers under a heading, or sentences on lines, are no rows', () => {
    expect(plainOfficeWords('物业承办事项\t4\t8\t17')).toBe('物业承办事项\t4\t8\t17');
    expect(office('3号 交给物业\n5号 加急')).toMatchObject([{ type: 'assign', id: 3 }, { type: 'priority', id: 5, priority: 'urgent' }]);
  });
});

describe('two matters in one message', () => {
  it.each([
    ['叨叨俩事儿一个是三号楼车棚的顶子漏了再一个是楼道里的灭火器都过期两年了', ['三号楼车棚的顶子漏了', '楼道里的灭火器都过期两年了']],
    ['地库入口的道闸 keeps not opening 另外 8号楼下的垃圾桶满了好几天了', ['地库入口的道闸 keeps not opening', '8号楼下的垃圾桶满了好几天了']],
    ['三栋门口啲垃圾冇人收 另外单车棚个闸锁烂咗', ['三栋门口啲垃圾冇人收', '单车棚个闸锁烂咗']],
    ['井盖松了 另外车库灯一直闪 两个事', ['井盖松了', '车库灯一直闪']],
  ])('%s', (text, parts) => {
    expect(splitMatters(text)).toEqual(parts);
  });
  it.each(['水管漏了，另外墙也泡坏了', '楼道灯坏了，还有点闪'])('%s is one', (text) => {
    expect(splitMatters(text)).toHaveLength(1);
  });
});
