import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.ts';
import { ADMIN_TOKEN, startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';
import { communityWithPeople, newReport } from '../../helpers/community.ts';

// Issue 12 §9: a year the built-in calendar does not cover is reported at start, in GET
// /api/calendar and to the admin's alerts; a few days entered do not cover a year; a deadline in an
// uncovered year says so where it is shown.

const group = 'g-calendar';
const wang = { id: 'wang', name: '王秀英' };
const clock = fixedClock('2026-12-28T02:00:00Z'); // Monday; chinese-days ends with 2026
let t: TestApp;

const uncoveredGauge = async () => {
  const text = await (await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
  return Number(/^lianxin_calendar_uncovered_years (\d+)$/mu.exec(text)![1]);
};

beforeAll(async () => {
  t = await startTestApp({ overrides: { clock } });
  await communityWithPeople(t, '日历社区', group);
});
afterAll(() => t.close());

describe('a year nobody has entered', () => {
  it('is named in the log at start, in GET /api/calendar and in the metrics', async () => {
    expect(t.logs.join('')).toContain('does not cover 2027');
    const cal = (await t.api('GET', '/api/calendar')).body;
    expect(cal.uncoveredYears).toEqual([2027]);
    expect(cal.coveredYears).toContain(2026);
    expect(await uncoveredGauge()).toBe(1);
  });

  it('a deadline that falls in it says it is an estimate, in the receipt and in 查询', async () => {
    const id = await newReport(t, wang, '反映 3号楼东门的路灯坏了', '3号楼东门');
    const receipt = (await t.api('GET', `/api/items/${id}`)).body;
    expect(receipt.deadlineAt).toBe('2027-01-04T15:59:59.000Z');
    const status = textsTo(await t.say(wang, `查询 ${id}`), wang.id)[0]!;
    expect(status).toContain('期限：1月4日（2027 年节假日还没录入，按周一到周五估算）');
  });

  it('a few days entered do not cover it; the whole year does', async () => {
    const partial = await t.api('POST', '/api/calendar', { days: [{ date: '2027-01-01', workday: false, name: '元旦' }] });
    expect(partial.body).toMatchObject({ saved: 1, uncoveredYears: [2027] });
    expect((await t.api('GET', '/api/calendar')).body.uncoveredYears).toEqual([2027]);
    const whole = await t.api('POST', '/api/calendar', { completeYears: [2027] });
    expect(whole.body).toMatchObject({ saved: 0, completeYears: [2027], uncoveredYears: [] });
    expect(await uncoveredGauge()).toBe(0);
    await t.say(wang, '反映 5号楼门口的井盖松了');
    const receipt = textsTo(await t.say(wang, '没有'), wang.id)[0]!;
    // 元旦 (1/1) is now a day off: 12/29, 12/30, 12/31, 1/4, 1/5.
    expect(receipt).toContain('预计 1月5日 前办结');
    expect(receipt).not.toContain('估算');
  });

  it('refuses a body with neither days nor years', async () => {
    const r = await t.api('POST', '/api/calendar', {});
    expect(r.status).toBe(400);
  });
});
