import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { newItem, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const li = { id: 'li', name: '李志强' };
const zhao = { id: 'zhao', name: '赵书记' };
const liu = { id: 'liu', name: '刘主任' };

async function fire(t: TestApp, job: string, at: string) {
  const outcome = await t.app.scheduler.fire(job as never, new Date(at));
  expect(outcome?.run.status).toBe('done');
  const ids = outcome!.outboxIds;
  return ids.length === 0
    ? []
    : t.app.db.all<{ targetType: string; targetId: string; text: string }>(
        `SELECT target_type, target_id, text FROM outbox_messages WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
        ids,
      );
}

// SPEC "Schedules": 一旬一通报 and 一月一调度, on the figures of docs/figures.md.
describe('the ten-day report and the monthly review', () => {
  const clock = fixedClock('2026-11-11T01:00:00Z');
  let t: TestApp;
  let openOld = 0;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    const sun = await setUpCommunity(t, '阳光社区', 'g-sun');
    const moon = await setUpCommunity(t, '明月社区', 'g-moon');
    await t.say(li, `报到 ${sun.memberCode}`);
    await t.say(zhao, `报到 ${sun.officialCode}`);
    await t.say(liu, `报到 ${moon.officialCode}`);
    // 阳光: two wishes answered within the hour and rated 5 and 3; 明月: one never answered.
    clock.set('2026-11-12T02:00:00Z');
    const a = await newItem(t, wang, '心愿 修水龙头', 'g-sun');
    const b = await newItem(t, wang, '心愿 换灯泡', 'g-sun');
    clock.set('2026-11-12T02:30:00Z');
    await t.say(li, `认领 ${a}`);
    await t.say(li, `认领 ${b}`);
    clock.set('2026-11-13T02:00:00Z');
    await t.say(li, `完成 ${a} 好了`);
    await t.say(li, `完成 ${b} 好了`);
    await t.say(wang, `确认 ${a} 5 谢谢`);
    await t.say(wang, `确认 ${b} 3`);
    clock.set('2026-11-14T02:00:00Z');
    openOld = await newItem(t, wang, '心愿 明月的老问题，电话13812345678', 'g-moon');
  });
  afterAll(() => t.close());

  it('on the 21st: every community ranked by 及时率 and 满意率 over the 11th–20th, to officials and groups', async () => {
    clock.set('2026-11-21T01:00:00Z');
    const posted = await fire(t, 'ten-day-report', '2026-11-21T01:00:00Z');
    expect(posted.map((p) => `${p.targetType}:${p.targetId}`).sort()).toEqual(['group:g-moon', 'group:g-sun', 'user:liu', 'user:zhao']);
    expect(new Set(posted.map((p) => p.text)).size).toBe(1);
    expect(posted[0]!.text).toBe(
      [
        '【一旬一通报】11月11日—11月20日',
        '及时率（按时答复的比例）：',
        '1. 阳光社区 100%（2/2）',
        '2. 明月社区 0%（0/1）',
        '满意率（评 4–5 分的比例）：',
        '1. 阳光社区 50%（2 个评价）',
        '明月社区：本旬没有评价',
        '本旬收办：阳光社区 新提出 2 · 办结 2；明月社区 新提出 1 · 办结 0',
      ].join('\n'),
    );
  });

  it('on the 1st: each official gets their community’s month, the oldest open items, and a working link to the month’s export', async () => {
    clock.set('2026-12-01T00:30:00Z');
    const posted = await fire(t, 'monthly-review', '2026-12-01T00:30:00Z');
    expect(posted.map((p) => p.targetId).sort()).toEqual(['liu', 'zhao']);
    const toLiu = posted.find((p) => p.targetId === 'liu')!.text;
    expect(toLiu).toContain('【一月一调度】2026年11月');
    expect(toLiu).toContain('■ 明月社区');
    expect(toLiu).toContain('新提出 1 · 认领 0 · 办结 0');
    expect(toLiu).toContain(`#${openOld}「明月的老问题，电话138****5678」16 天 · 无人认领`);
    const toZhao = posted.find((p) => p.targetId === 'zhao')!.text;
    expect(toZhao).toContain('满意率 50%（2 个评价）');
    expect(toZhao).not.toContain('明月社区');

    // The link opens that month's 台账 once the official has signed in.
    const link = new URL(/(https?:\/\/\S+export\.xlsx\S*)/u.exec(toLiu)![1]!);
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    const signIn = new URL(/(https?:\/\/\S+)/u.exec(textsTo(await t.say(liu, '登录'), liu.id).join('\n'))![1]!);
    const session = await fetch(`${t.url}${signIn.pathname}${signIn.search}`, { redirect: 'manual' });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!;
    const res = await fetch(`${t.url}${link.pathname}${link.search}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.getWorksheet('台账')!.getRow(2).getCell(1).value).toBe(openOld);
    expect(wb.getWorksheet('台账')!.rowCount).toBe(2);
  });
});
