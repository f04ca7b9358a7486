import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { findRating } from '../../src/bot/find-rating.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { statsPeriod } from '../../src/bot/stats-span.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { isThanks } from '../../src/bot/thanks.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';
import { isRecurring, needGoesOn } from '../../src/domain/recurring.ts';

// Issue 12, trials 51 (山西/河北: a miner with bad eyes, a retired policeman volunteering, a student,
// a 网格员 working from paper) and 52 (江西/安徽/湖北: 冇, voice input, 物业 staff as a member, two
// volunteers sharing items, a 社区主任 mixing 公文 and chat).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);

describe('a volunteer\'s done, in more words', () => {
  it.each([
    '已办。灯泡更换为声控灯，已亮。',
    '本周透析已陪同，人已安全送回家。',
    '美林和退烧贴都送到李姐家啦 宝宝睡着了',
    '今天陪吴奶奶透析完回来了 平安到家',
    '李姐复查回来了 娃交给她了 宝宝全程超乖没哭',
    '给郝爷爷念完信啦 认证好了',
    '三栋楼道的灯全部换成声控的了 都试过 亮的',
    '路灯换成LED灯头了 亮堂得很',
    '花架子搬下楼了',
    '东门垃圾点地面今早用高压水枪冲过了',
  ])('%s', (text) => expect(talkAbout(text).kind).toBe('done'));
  it.each(['下周想换成别的时间了', '准备明天陪她去医院'])('%s is not done', (text) => expect(talkAbout(text).kind).not.toBe('done'));
  it('"观察一周，期间勿提醒" pauses; "撤了它" withdraws', () => {
    expect(talkAbout('观察一周，期间勿提醒。').kind).toBe('snooze');
    expect(talkAbout('是你搞错的 撤了它').kind).toBe('withdraw');
  });
});

describe('needs that come back', () => {
  it.each(['每天中午帮我妈送个饭上楼', '想找人给孩子补数学 一礼拜两回'])('%s is recurring', (text) => expect(isRecurring(text)).toBe(true));
  it('"第一次课上完啦 下周三晚上继续" goes on', () => expect(needGoesOn('第一次课上完啦 下周三晚上继续')).toBe(true));
  it('"可别给结了 一礼拜两回呢 还得接着补" keeps it on', () => {
    expect(understandReply('可别给结了 一礼拜两回呢 还得接着补', { kind: 'confirm', itemId: 1, itemText: '想找人给孩子补课' })?.kind).toBe('keep_on');
  });
});

describe('verdicts', () => {
  const q = { kind: 'confirm' as const, itemId: 1, itemText: '楼上半夜剁东西太吵' };
  it.each([
    ['好了两天 昨晚上又剁到十二点多 说了等于冇说', 'dispute', null],
    ['我冇说满意啊！！是又在剁 冇解决', 'dispute', null],
    ['比较满意吧 头一回没弄干净 扣一颗', 'confirm', 4],
    ['还行 基本满意 就是拖得有点久', 'confirm', 4],
    ['亮了 好 满义', 'confirm', 5],
  ])('%s → %s %s', (text, kind, rating) => {
    const m = understandReply(text, q);
    expect(m?.kind).toBe(kind);
    if (m?.kind === 'confirm') expect(m.rating).toBe(rating);
  });
  it('"扣一颗" is four stars', () => expect(findRating('扣一颗')?.rating).toBe(4));
});

describe('what residents type', () => {
  it('冇 is 没, and a spoken 逗号 is a comma', () => {
    expect(normalizeText('我冇说满意')).toBe('我没说满意');
    expect(normalizeText('灯也不亮了逗号麻烦再看看')).toBe('灯也不亮了， 麻烦再看看');
  });
  it.each(['不流了', '看不清 莫照', '莫照'])('%s skips', (text) => expect(isSkip(text)).toBe(true));
  it('"谢射" is thanks', () => expect(isThanks('谢射')).toBe(true));
  it.each([
    '下个礼拜三要去医院复查 我一个人扶不动他 想请个志愿者陪一下',
    '上礼拜3栋李大爷的老伴摔倒，陶小军同志第一时间赶到，送去医院，要表扬',
  ])('%s raises no alarm', (text) => expect(detectEmergency(text)).toBeNull());
});

describe('officials', () => {
  it.each([
    ['16号 请问刘同志：灯是吸顶灯还是灯泡，家中有无备用。', 'text'],
    ['8号给恢复成已办结吧', 'done'],
  ])('%s → %s (never a unit called 问刘同志 or 恢复成已办结)', (text, type) => expect(said(text)).toMatchObject({ type }));
  it('"3号分类 给排水" is a category, not a unit called 排水', () => {
    expect(said('3号分类 给排水 期限两个工作日')).toEqual([
      { type: 'category', id: 3, category: '给排水' },
      { type: 'deadline', id: 3, workingDays: 2 },
    ]);
  });
  it.each([
    ['本人在办事项。', { type: 'mine' }],
    ['本月的数 按类别给我报一下', { type: 'stats', span: 'month' }],
    ['月底要报表 11月份分类别的件数发我一下', { type: 'stats', span: 'm11' }],
    ['请把目前尚未办结的事项梳理一下发我', { type: 'working' }],
    ['物业小汪手上现在还压着几件', { type: 'working', holder: '小汪' }],
    ['今天还有冇得冇人接的单子', { type: 'list' }],
    ['我提的 都咋样了', { type: 'mine' }],
  ])('%s', (text, command) => expect(guessIntent(text)).toEqual(command));
  it('a named month is that month, last year\'s when it is still to come', () => {
    const now = new Date('2026-11-28T02:00:00Z');
    expect(statsPeriod('m10', now, 'Asia/Shanghai')).toMatchObject({ label: '10月（10月1日至31日）', period: { firstDay: '2026-10-01' } });
    expect(statsPeriod('m12', now, 'Asia/Shanghai').period.firstDay).toBe('2025-12-01');
  });
});

describe('an official\'s settings with news beside them', () => {
  it.each([
    [
      '9号期限改到12月8号 物业说主板坏了等配件 跟居民说一声',
      [
        { type: 'deadline', id: 9, by: { month: 12, day: 8 } },
        { type: 'tell', id: 9, note: '物业说主板坏了等配件' },
      ],
    ],
    [
      '17号分类改成治安安全 我已经打了95598 供电所说半小时到',
      [
        { type: 'category', id: 17, category: '治安安全' },
        { type: 'tell', id: 17, note: '我已经打了95598，供电所说半小时到' },
      ],
    ],
    [
      '18号先暂停提醒七天 期限也往后挪到12月9号',
      [
        { type: 'snooze', id: 18, days: 7 },
        { type: 'deadline', id: 18, by: { month: 12, day: 9 } },
      ],
    ],
  ])('%s', (text, commands) => expect(said(text)).toEqual(commands));
  it('settings alone stay as they are', () => expect(said('3号分类改成基础设施 期限三个工作日')).toHaveLength(2));
});
