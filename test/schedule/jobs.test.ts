import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, DAY } from '../../src/core/clock.ts';
import { conversation, newItem, newReport, setUpCommunity } from '../helpers/community.ts';
import { inSample } from '../../src/schedule/revisit.ts';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const zhang = { id: 'zhang', name: '张桂兰' };
const li = { id: 'li', name: '李志强' };
const zhao = { id: 'zhao', name: '赵书记' };
const group = 'g-jobs';

async function run(t: TestApp, job: string) {
  const r = await t.api('POST', `/api/jobs/${job}/run`);
  expect(r.status).toBe(200);
  await t.settle();
  return r.body as { run: { status: string; summary: string }; posted: Array<{ conversationId: string; text: string }> };
}

describe('the daily nudge, reminders and releases', () => {
  const clock = fixedClock('2026-11-10T02:00:00Z'); // Tuesday 10:00
  let t: TestApp;
  let claimed = 0;
  let snoozed = 0;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    const c = await setUpCommunity(t, '提醒社区', group);
    await t.say(li, `报到 ${c.memberCode}`);
    await t.say(zhao, `报到 ${c.officialCode}`);
    for (let i = 1; i <= 12; i++) await newItem(t, wang, `心愿 第${i}件事，电话 13812345678`, group);
    claimed = await newItem(t, zhang, '心愿 帮忙换灯泡', group);
    snoozed = await newItem(t, zhang, '心愿 帮忙搬柜子', group);
    await t.say(li, `认领 ${claimed}`);
    await t.say(li, `认领 ${snoozed}`);
  });
  afterAll(() => t.close());

  it('nudges the group once about items unclaimed for a day: ten lines, then how many more, contacts masked', async () => {
    clock.set(new Date(clock.now().getTime() + DAY + 1000));
    const { posted } = await run(t, 'group-nudge');
    expect(posted).toHaveLength(1);
    const text = posted[0]!.text;
    expect(text).toContain('12 件事超过 24 小时还没人认领');
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(10);
    expect(text).toContain('还有 2 条');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
  });

  it('reminds a claimant after three quiet days, but not about a snoozed item', async () => {
    await t.say(li, `暂停提醒 ${snoozed} 10`);
    clock.set(new Date(clock.now().getTime() + 2 * DAY));
    const { posted } = await run(t, 'claimant-reminder');
    const toLi = posted.filter((p) => p.conversationId === li.id).map((p) => p.text);
    expect(toLi).toHaveLength(1);
    expect(toLi[0]).toContain(`#${claimed}`);
    expect(toLi[0]).not.toContain(`#${snoozed}`);
    expect((await t.api('GET', `/api/items/${claimed}`)).body.status).toBe('claimed');
  });

  it('releases a claim quiet for seven days, tells the claimant and the submitter why, and announces it again', async () => {
    clock.set(new Date(clock.now().getTime() + 5 * DAY));
    const { posted } = await run(t, 'claimant-reminder');
    const item = (await t.api('GET', `/api/items/${claimed}`)).body;
    expect(item.status).toBe('open');
    expect(item.claimantId).toBeNull();
    expect(item.events.at(-1).type).toBe('auto_released');
    expect(posted.find((p) => p.conversationId === li.id)?.text).toMatch(new RegExp(`#${claimed} 已经 7 天没有进展`, 'u'));
    expect(posted.find((p) => p.conversationId === zhang.id)?.text).toContain('重新发布');
    expect(posted.find((p) => p.conversationId === group)?.text).toContain(`认领 ${claimed}`);
    // The snoozed one is left alone.
    expect((await t.api('GET', `/api/items/${snoozed}`)).body.status).toBe('claimed');
  });

  it('escalates to officials on a working day, and does nothing on a Sunday', async () => {
    clock.set('2026-11-22T09:00:00Z'); // Sunday 17:00
    const sunday = await run(t, 'escalation');
    expect(sunday.run.status).toBe('skipped');
    expect(sunday.posted).toHaveLength(0);

    clock.set('2026-11-23T09:00:00Z'); // Monday 17:00
    const monday = await run(t, 'escalation');
    expect(monday.run.status).toBe('done');
    const toZhao = monday.posted.filter((p) => p.conversationId === zhao.id);
    expect(toZhao).toHaveLength(1);
    expect(toZhao[0]!.text).toContain('【督办】提醒社区');
    expect(toZhao[0]!.text).toContain('超过 3 天没人认领');
  });
});

describe('the official digest and the revisit', () => {
  const clock = fixedClock('2026-11-16T02:00:00Z');
  let t: TestApp;
  let lamp = 0;
  beforeAll(async () => {
    t = await startTestApp({ env: { REVISIT_SAMPLE_PERCENT: '100' }, overrides: { clock } });
    const c = await setUpCommunity(t, '督办社区', group);
    await t.say(li, `报到 ${c.memberCode}`);
    await t.say(zhao, `报到 ${c.officialCode}`);
    clock.set('2026-11-17T02:00:00Z');
    lamp = await newReport(t, zhang, '小区门口路灯坏了', '南门');
    await t.say(wang, `附议 ${lamp}`);
    clock.set('2026-11-17T04:00:00Z'); // claimed two hours later
    await t.say(li, `认领 ${lamp}`);
    clock.set('2026-11-18T02:00:00Z'); // resolved a day after it was raised
    await t.say(li, `完成 ${lamp} 换好了`);
    await t.say(zhang, `确认 ${lamp} 5`);
    clock.set('2026-11-18T03:00:00Z');
    await newReport(t, wang, '垃圾桶满了没人清', '6号楼');
  });
  afterAll(() => t.close());

  it('gives each official the figures of their community: medians, satisfaction, answered in time', async () => {
    clock.set('2026-11-23T00:30:00Z'); // Monday 08:30
    const { posted } = await run(t, 'official-digest');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe(zhao.id);
    const text = posted[0]!.text;
    expect(text).toContain('■ 督办社区');
    expect(text).toContain('待认领 1 · 办理中 0');
    expect(text).toContain('本周办结 1');
    expect(text).toContain('认领用时中位数 2.0 小时');
    expect(text).toContain('办结用时中位数 1.0 天');
    expect(text).toContain('满意率 100%（1 个评价，平均 5.0 分）');
    expect(text).toContain('及时率 50%（1/2）');
  });

  it('asks the submitter a week after confirmation, and "否" reopens the report to its claimant', async () => {
    clock.set('2026-11-25T02:30:00Z'); // Wednesday 10:30, 7 days after the confirmation
    const { posted } = await run(t, 'revisit');
    const asked = posted.filter((p) => p.conversationId === zhang.id);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain(`否 ${lamp}`);
    // Asked once: a second run the same day asks nobody again.
    expect((await run(t, 'revisit')).posted).toHaveLength(0);
    const answer = await t.say(zhang, '否');
    expect(textsTo(answer, zhang.id)[0]).toContain('重新打开');
    expect(textsTo(answer, li.id).join('\n')).toContain(`#${lamp}`);
    expect(textsTo(answer, zhao.id).join('\n')).toContain('回访');
    expect((await t.api('GET', `/api/items/${lamp}`)).body.status).toBe('claimed');
    expect(textsTo(await t.say(zhang, '否'), zhang.id)[0]).toContain('没有需要您回答的回访');
  });
});

describe('deadlines in working days', () => {
  const clock = fixedClock('2026-09-30T02:00:00Z'); // Wednesday before National Day
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    await setUpCommunity(t, '期限社区', group);
  });
  afterAll(() => t.close());

  it('skips the National Day holiday and counts the make-up Saturday (10月10日)', async () => {
    // 基础设施: 5 working days → 10/8, 10/9, 10/10 (Saturday, worked), 10/12, 10/13.
    const id = await newReport(t, wang, '路灯不亮了', '北门');
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(item.deadlineAt).toBe('2026-10-13T15:59:59.000Z');
    const receipt = (await conversation(t, wang.id)).at(-1)!;
    expect(receipt).toContain('预计 10月13日 前办结');
  });

  it('falls back to Monday–Friday for a year the calendar lacks, until an admin adds it', async () => {
    clock.set('2026-12-31T02:00:00Z'); // Thursday
    const before = await newReport(t, wang, '电梯坏了', '1号楼');
    // 2027 is not in the package: 1/1 (Friday) counts as a working day → 1/1, 1/4, 1/5, 1/6, 1/7.
    expect((await t.api('GET', `/api/items/${before}`)).body.deadlineAt).toBe('2027-01-07T15:59:59.000Z');
    const saved = await t.api('POST', '/api/calendar', {
      days: [
        { date: '2027-01-01', workday: false, name: '元旦' },
        { date: '2027-01-02', workday: true, name: '元旦调休' },
      ],
    });
    expect(saved.status).toBe(200);
    const after = await newReport(t, wang, '电梯又坏了', '2号楼');
    // 1/2 (Saturday, worked), 1/4, 1/5, 1/6, 1/7.
    expect((await t.api('GET', `/api/items/${after}`)).body.deadlineAt).toBe('2027-01-07T15:59:59.000Z');
    const third = await t.api('POST', '/api/calendar', { days: [{ date: '2027-01-04', workday: false }] });
    expect(third.status).toBe(200);
    const last = await newReport(t, wang, '电梯第三次坏了', '3号楼');
    // 1/2, 1/5, 1/6, 1/7, 1/8.
    expect((await t.api('GET', `/api/items/${last}`)).body.deadlineAt).toBe('2027-01-08T15:59:59.000Z');
  });

  it('refuses a malformed calendar day', async () => {
    const bad = await t.api('POST', '/api/calendar', { days: [{ date: '2027-13-45', workday: false }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/date/u);
  });
});

describe('the revisit sample', () => {
  it('takes about the configured share of reports, the same ones every time', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const share = ids.filter((id) => inSample(id, 30)).length / ids.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
    expect(ids.filter((id) => inSample(id, 0))).toHaveLength(0);
    expect(ids.filter((id) => inSample(id, 100))).toHaveLength(10_000);
  });
});
