import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { conversation, newItem, newReport, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const zhang = { id: 'zhang', name: '张桂兰' };
const li = { id: 'li', name: '李志强' };
const chen = { id: 'chen', name: '陈建国' };
const zhao = { id: 'zhao', name: '赵书记' };
const group = 'g-sun';
// Monday 2026-11-23 09:00 in Asia/Shanghai.
const MONDAY_9 = new Date('2026-11-23T01:00:00Z');

describe('the weekly bulletin of a seeded week', () => {
  const clock = fixedClock('2026-11-16T02:00:00Z');
  let t: TestApp;
  const at = (iso: string) => clock.set(iso);

  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    const c = await setUpCommunity(t, '阳光社区', group);
    for (const p of [li, chen]) await t.say(p, `报到 ${c.memberCode}`);
    await t.say(zhao, `报到 ${c.officialCode}`);

    at('2026-11-17T02:00:00Z');
    const tap = await newItem(t, wang, '心愿 厨房水龙头漏水，请帮忙修一下', group);
    at('2026-11-17T02:30:00Z');
    await t.say(li, `认领 ${tap}`);
    at('2026-11-18T01:00:00Z');
    await t.say(li, `完成 ${tap} 换了新阀门`);
    at('2026-11-18T04:00:00Z');
    await t.say(wang, `确认 ${tap} 5 谢谢小李，修得很好`);

    at('2026-11-18T06:00:00Z');
    const lamp = await newReport(t, zhang, '楼道的灯坏了，晚上很黑', '3号楼2单元');
    await t.say(wang, `附议 ${lamp}`);
    at('2026-11-18T07:00:00Z');
    await t.say(zhao, `指派 ${lamp} @李志强`);
    at('2026-11-19T03:00:00Z');
    await t.say(li, `完成 ${lamp} 换了灯泡`);
    at('2026-11-19T05:00:00Z');
    await t.say(zhang, `确认 ${lamp} 4 很快`);

    at('2026-11-20T02:00:00Z');
    const walk = await newItem(t, wang, '心愿 周末想有人陪我去公园走走', group);
    await t.say(chen, `认领 ${walk}`);
    at('2026-11-20T08:00:00Z');
    await t.say(chen, `完成 ${walk} 陪阿姨去了公园`);

    at('2026-11-21T02:00:00Z');
    await newItem(t, zhang, '心愿 想学用手机挂号', group);
    // Last week's item does not count in this week.
    at('2026-11-14T02:00:00Z');
    await newItem(t, wang, '心愿 上周的事', group);
  });
  afterAll(() => t.close());

  it('posts the week, satisfaction, the pioneers and the thanks to the group, text as a whole', async () => {
    clock.set(MONDAY_9);
    const before = (await conversation(t, group)).length;
    const outcome = await t.app.scheduler.fire('weekly-bulletin', MONDAY_9);
    expect(outcome?.run.status).toBe('done');
    await t.app.waitForDelivery(outcome!.outboxIds, 5000);
    const posted = (await conversation(t, group)).slice(before);
    expect(posted).toEqual([
      [
        '【阳光社区 周报】11月16日—11月22日',
        '新提出 4 件 · 认领 3 件 · 办结 3 件 · 居民确认 2 件',
        '满意率 100%（2 个评价，平均 4.5 分）',
        '先锋榜：',
        '1. 李志强 办结 2 件',
        '2. 陈建国 办结 1 件',
        '居民的感谢：',
        '“谢谢小李，修得很好” —— 王*（#1）',
        '“很快” —— 张*（#2）',
        '还有 2 件待认领，发“待认领”看看。',
      ].join('\n'),
    ]);
  });
});
