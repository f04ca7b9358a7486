import { describe, expect, it } from 'vitest';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { statsPeriod } from '../../src/bot/stats-span.ts';

// From trial 48 and the remaining list of issue 12: officials ask for figures by kind and by month
// in their own words ("这个月各类问题分别有多少" had started a new report about 问题).
describe('figures asked for a stretch, or by kind', () => {
  it.each([
    ['这个月各类问题分别有多少', 'month'],
    ['咱们社区这个月满意率现在是多少', 'month'],
    ['这个月咱们社区的数据统计给我看一下', 'month'],
    ['上个月一共收了多少件', 'lastMonth'],
    ['上个月反映了几件', 'lastMonth'],
    ['今年总共办结了几件', 'year'],
    ['今年来了多少个心愿', 'year'],
    ['本月数据', 'month'],
    ['按分类统计一下', undefined],
    ['各类别占比给我看下', undefined],
    ['这周情况咋样', undefined],
  ])('%j asks for figures (%s)', (text, span) => {
    const said = parseCommand(text);
    const command = said.type === 'text' ? guessIntent(text) : said;
    expect(command).toEqual({ type: 'stats', span });
  });

  it.each([
    ['统计 上个月', 'lastMonth'],
    ['统计 本月 分类', 'month'],
    ['统计今年', 'year'],
  ])('%j is 统计 with its stretch', (text, span) => expect(parseCommand(text)).toEqual({ type: 'stats', span }));

  it.each(['这个月路灯坏了好几个了', '这个月停了几次水', '我们楼这个月一共报了三次漏水了', '这个月电梯坏了几个'])('%j stays a report', (text) => {
    expect(parseCommand(text).type).toBe('text');
    expect(guessIntent(text)).toBeNull();
  });

  it('names each stretch by its days in Beijing time', () => {
    const now = new Date('2026-11-28T02:00:00Z');
    expect(statsPeriod('month', now, 'Asia/Shanghai')).toMatchObject({ label: '本月（11月1日至今）', period: { firstDay: '2026-11-01' } });
    expect(statsPeriod('lastMonth', now, 'Asia/Shanghai')).toMatchObject({ label: '上月（10月）', period: { firstDay: '2026-10-01', lastDay: '2026-10-31' } });
    expect(statsPeriod('year', now, 'Asia/Shanghai')).toMatchObject({ period: { firstDay: '2026-01-01', lastDay: '2026-11-28' } });
    expect(statsPeriod('week', now, 'Asia/Shanghai')).toMatchObject({ label: '本周（周一至今）', period: { firstDay: '2026-11-23' } });
  });
});
