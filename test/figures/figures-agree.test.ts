import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { newItem, newReport, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const zhang = { id: 'zhang', name: '张桂兰' };
const li = { id: 'li', name: '李志强' };
const chen = { id: 'chen', name: '陈建国' };
const zhao = { id: 'zhao', name: '赵书记' };
const group = 'g-sun';

type Figures = { created: number; claimed: number; done: number; confirmed: number; satisfaction: string; onTime: string };

/** The numbers of a text by their labels ("新提出 4 件", "办结 3"). */
function numberAfter(text: string, label: string): number {
  const m = new RegExp(`${label}\\s*(\\d+)`, 'u').exec(text);
  if (!m) throw new Error(`no ${label} in:\n${text}`);
  return Number(m[1]);
}
function matchOf(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m) throw new Error(`no ${re} in:\n${text}`);
  return m[1]!;
}

// docs/figures.md: the weekly bulletin, the official digest, 统计 and the console's 概览 compute
// each figure with the same code. One ledger, built through the simulator as people would, and the
// four read side by side for the same week.
describe('one ledger, four places, the same figures', () => {
  const clock = fixedClock('2026-11-16T01:00:00Z');
  let t: TestApp;
  let cookie = '';
  const at = (iso: string) => clock.set(iso);

  async function consoleFigures(query: string): Promise<Figures & { pioneers: Array<[string, number]> }> {
    const res = await fetch(`${t.url}/console/overview${query}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const value = (key: string) => matchOf(html, new RegExp(`data-figure="${key}"><div class="value">([^<]*)</div>`, 'u'));
    const detail = (key: string) => matchOf(html, new RegExp(`data-figure="${key}"><div class="value">[^<]*</div><div class="name">[^<]*</div><div class="detail">([^<]*)</div>`, 'u'));
    const board = [...html.matchAll(/<td data-label="姓名">([^<]+)<\/td><td class="num" data-label="认领">\d+<\/td><td class="num" data-label="办结">(\d+)<\/td>/gu)].map(
      (m) => [m[1]!, Number(m[2])] as [string, number],
    );
    return {
      created: Number(value('created')),
      claimed: Number(value('claimed')),
      done: Number(value('done')),
      confirmed: Number(value('confirmed')),
      satisfaction: value('satisfaction'),
      onTime: `${value('onTime')}（${matchOf(detail('onTime'), /中 (\d+) 件/u)}/${matchOf(detail('onTime'), /^(\d+) 件/u)}）`,
      pioneers: board.filter(([, done]) => done > 0),
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    const c = await setUpCommunity(t, '阳光社区', group);
    for (const p of [li, chen]) await t.say(p, `报到 ${c.memberCode}`);
    await t.say(zhao, `报到 ${c.officialCode}`);
    await t.say(zhang, '帮助', { in: group });

    // Monday 2026-11-16 … Sunday 2026-11-22, Shanghai time.
    at('2026-11-17T02:00:00Z');
    const tap = await newItem(t, wang, '心愿 厨房水龙头漏水，请帮忙修一下', group);
    at('2026-11-17T02:30:00Z');
    await t.say(li, `认领 ${tap}`);
    at('2026-11-18T01:00:00Z');
    await t.say(li, `完成 ${tap} 换了新阀门`);
    // Rated 2: reopened to 李志强, finished again, rated 5. One item, its last rating counts.
    at('2026-11-18T03:00:00Z');
    await t.say(wang, `确认 ${tap} 2 还在滴水`);
    at('2026-11-18T06:00:00Z');
    await t.say(li, `完成 ${tap} 又紧了一下`);
    at('2026-11-18T08:00:00Z');
    await t.say(wang, `确认 ${tap} 5 谢谢小李`);

    at('2026-11-18T09:00:00Z');
    const lamp = await newReport(t, zhang, '楼道的灯坏了，晚上很黑', '3号楼2单元');
    at('2026-11-18T10:00:00Z');
    await t.say(zhao, `指派 ${lamp} @陈建国`);
    at('2026-11-19T03:00:00Z');
    await t.say(chen, `完成 ${lamp} 换了灯泡`);
    at('2026-11-19T05:00:00Z');
    await t.say(zhang, `确认 ${lamp} 4 很快`);

    at('2026-11-20T02:00:00Z');
    const walk = await newItem(t, wang, '心愿 周末想有人陪我去公园走走', group);
    await t.say(chen, `认领 ${walk}`);
    await t.say(chen, `放弃 ${walk} 临时有事`);
    at('2026-11-20T03:00:00Z');
    await t.say(li, `认领 ${walk}`);
    at('2026-11-20T08:00:00Z');
    await t.say(li, `完成 ${walk} 陪阿姨去了公园`);

    // Never answered within its promised time.
    at('2026-11-21T02:00:00Z');
    await newItem(t, zhang, '心愿 想学用手机挂号', group);

    at('2026-11-22T12:00:00Z'); // Sunday 20:00
    await signIn();
  });

  /** Signs in to the console as the official, through the chat link. */
  async function signIn() {
    const reply = textsTo(await t.say(zhao, '登录'), zhao.id).join('\n');
    const link = new URL(matchOf(reply, /(https?:\/\/\S+)/u));
    const res = await fetch(`${t.url}${link.pathname}${link.search}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
  afterAll(() => t.close());

  let console: Figures & { pioneers: Array<[string, number]> };
  let stats: Figures;

  it('Sunday evening: 统计 (this week so far) and 概览 (本周) say the same', async () => {
    console = await consoleFigures('?period=week');
    const reply = textsTo(await t.say(zhao, '统计'), zhao.id).join('\n');
    // The week's lines, after the state now ("待认领 1 …").
    const text = reply.slice(reply.indexOf('本周'));
    stats = {
      created: numberAfter(text, '新提出'),
      claimed: numberAfter(text, '认领'),
      done: numberAfter(text, '办结'),
      confirmed: numberAfter(text, '居民确认'),
      satisfaction: matchOf(text, /满意率 (\d+%)/u),
      onTime: matchOf(text, /及时率 (\d+%（\d+\/\d+）)/u),
    };
    expect(stats).toEqual({ created: 4, claimed: 3, done: 3, confirmed: 2, satisfaction: '100%', onTime: '75%（3/4）' });
    expect({ ...console, pioneers: undefined }).toEqual({ ...stats, pioneers: undefined });
  });

  it('Monday: the bulletin and the digest about that week say it too; the 先锋榜 adds up to 办结', async () => {
    at('2026-11-23T00:30:00Z');
    const digestRun = await t.app.scheduler.fire('official-digest', new Date('2026-11-23T00:30:00Z'));
    at('2026-11-23T01:00:00Z');
    const bulletinRun = await t.app.scheduler.fire('weekly-bulletin', new Date('2026-11-23T01:00:00Z'));
    const texts = async (ids: number[]) =>
      (await t.app.db.all<{ text: string; targetId: string }>(`SELECT text, target_id FROM outbox_messages WHERE id IN (${ids.map(() => '?').join(', ')})`, ids));
    const digest = (await texts(digestRun!.outboxIds)).find((m) => m.targetId === zhao.id)!.text;
    const bulletin = (await texts(bulletinRun!.outboxIds)).find((m) => m.targetId === group)!.text;

    expect({
      created: numberAfter(bulletin, '新提出'),
      claimed: numberAfter(bulletin, '认领'),
      done: numberAfter(bulletin, '办结'),
      confirmed: numberAfter(bulletin, '居民确认'),
      satisfaction: matchOf(bulletin, /满意率 (\d+%)/u),
    }).toEqual({ created: stats.created, claimed: stats.claimed, done: stats.done, confirmed: stats.confirmed, satisfaction: stats.satisfaction });
    expect(numberAfter(digest, '本周办结')).toBe(stats.done);
    expect(matchOf(digest, /满意率 (\d+%)/u)).toBe(stats.satisfaction);
    expect(matchOf(digest, /及时率 (\d+%（\d+\/\d+）)/u)).toBe(stats.onTime);

    const board = [...bulletin.matchAll(/\d+\. (\S+) 办结 (\d+) 件/gu)].map((m) => [m[1]!, Number(m[2])] as [string, number]);
    expect(board).toEqual([
      ['李志强', 2],
      ['陈建国', 1],
    ]);
    expect(board.reduce((n, [, done]) => n + done, 0)).toBe(stats.done);

    // The console on Monday (Sunday's session has run out: sign in again), for those dates, agrees.
    await signIn();
    const week = await consoleFigures('?period=custom&from=2026-11-16&to=2026-11-22');
    expect({ ...week, pioneers: undefined }).toEqual({ ...stats, pioneers: undefined });
    expect(week.pioneers).toEqual(board);
  });
});
