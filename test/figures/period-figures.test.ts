import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/sql.ts';
import { currentState } from '../../src/figures/current-state.ts';
import { periodFigures } from '../../src/figures/period-figures.ts';
import { daysPeriod } from '../../src/figures/period.ts';
import { pioneers } from '../../src/figures/pioneers.ts';
import { hotSpots } from '../../src/figures/hot-spots.ts';
import { categoryCounts } from '../../src/figures/category-counts.ts';
import { trend } from '../../src/figures/trend.ts';
import { freshDb, ledgerBuilder } from '../helpers/ledger-builder.ts';

const TZ = 'Asia/Shanghai';
const settings = { answerHours: 24 };
const NOW = new Date('2026-11-30T00:00:00Z');
// Weeks in Shanghai time: W0 = 11-09..11-15, W = 11-16..11-22, W2 = 11-23..11-29.
const W0 = daysPeriod('2026-11-09', '2026-11-15', TZ);
const W = daysPeriod('2026-11-16', '2026-11-22', TZ);
const W2 = daysPeriod('2026-11-23', '2026-11-29', TZ);
const NOV = daysPeriod('2026-11-01', '2026-11-30', TZ);

describe('the figures of one seeded ledger (docs/figures.md)', () => {
  let db: Db;
  let sun: number;
  let grid: number;
  const ids: Record<string, number> = {};
  const scope = () => ({ communityIds: [sun] });

  beforeAll(async () => {
    db = await freshDb();
    const b = ledgerBuilder(db);
    sun = await b.community('阳光社区');
    const moon = await b.community('明月社区');
    grid = await b.grid(sun, '一网格');
    const wang = await b.person('王秀英');
    const zhang = await b.person('张桂兰');
    const li = await b.person('李志强', { [sun]: 'member' });
    const chen = await b.person('陈建国', { [sun]: 'member' });
    const zhao = await b.person('赵书记', { [sun]: 'official' });
    const other = await b.person('刘明', { [moon]: 'member' });

    // W0: h is rated 5, then reopened by an official in W without a new rating.
    ids.h = await b.item({ kind: 'report', communityId: sun, submitter: wang, when: '2026-11-09T02:00:00Z' });
    await b.claim(ids.h, li, '2026-11-09T03:00:00Z');
    await b.done(ids.h, li, '2026-11-10T02:00:00Z');
    await b.confirm(ids.h, wang, 5, '2026-11-10T05:00:00Z');
    ids.f = await b.item({ kind: 'report', communityId: sun, submitter: wang, when: '2026-11-10T02:00:00Z', deadline: '2026-11-13T02:00:00Z' });
    ids.e = await b.item({ communityId: sun, submitter: zhang, when: '2026-11-14T02:00:00Z' });
    await b.claim(ids.e, chen, '2026-11-14T03:00:00Z');

    // W
    ids.g = await b.item({ kind: 'report', communityId: sun, submitter: wang, when: '2026-11-16T01:00:00Z' });
    await b.withdraw(ids.g, wang, '2026-11-16T02:00:00Z');
    ids.j = await b.item({ kind: 'report', communityId: sun, submitter: zhang, when: '2026-11-16T02:00:00Z', deadline: '2026-11-18T02:00:00Z' });
    await b.claim(ids.j, chen, '2026-11-16T03:00:00Z');
    await b.done(ids.e, chen, '2026-11-17T02:00:00Z');
    ids.a = await b.item({ communityId: sun, submitter: wang, when: '2026-11-17T02:00:00Z', gridId: grid });
    await b.claim(ids.a, li, '2026-11-17T02:30:00Z');
    await b.done(ids.a, li, '2026-11-18T01:00:00Z');
    await b.confirm(ids.a, wang, 5, '2026-11-18T04:00:00Z', '谢谢小李');
    await b.reopen(ids.h, zhao, '2026-11-18T02:00:00Z');
    ids.b = await b.item({ kind: 'report', communityId: sun, submitter: zhang, when: '2026-11-18T06:00:00Z', deadline: '2026-11-20T06:00:00Z', gridId: grid, place: '3号楼' });
    await b.support(ids.b, wang, '2026-11-18T06:30:00Z');
    await b.assign(ids.b, zhao, li, '2026-11-18T07:00:00Z');
    await b.done(ids.b, li, '2026-11-19T03:00:00Z');
    await b.confirm(ids.b, zhang, 4, '2026-11-19T05:00:00Z');
    ids.i = await b.item({ communityId: sun, submitter: zhang, when: '2026-11-19T02:00:00Z' });
    await b.claim(ids.i, chen, '2026-11-19T03:00:00Z');
    // c: claimed, released, claimed by another; finished, rated 2 (reopened), finished, rated 5.
    ids.c = await b.item({ communityId: sun, submitter: wang, when: '2026-11-20T02:00:00Z' });
    await b.claim(ids.c, chen, '2026-11-20T02:20:00Z');
    await b.release(ids.c, chen, '2026-11-20T03:00:00Z');
    await b.claim(ids.c, li, '2026-11-20T04:00:00Z');
    await b.done(ids.c, li, '2026-11-20T08:00:00Z');
    await b.confirm(ids.c, wang, 2, '2026-11-20T09:00:00Z');
    await b.done(ids.c, li, '2026-11-21T02:00:00Z');
    await b.confirm(ids.c, wang, 5, '2026-11-21T03:00:00Z');
    ids.d = await b.item({ communityId: sun, submitter: zhang, when: '2026-11-21T02:00:00Z', answerDue: '2026-11-22T02:00:00Z' });
    await b.done(ids.i, chen, '2026-11-22T01:00:00Z');
    await b.confirm(ids.i, zhang, 2, '2026-11-22T10:00:00Z');
    await b.autoConfirm(ids.e, '2026-11-22T10:00:00Z');
    const elsewhere = await b.item({ communityId: moon, submitter: wang, when: '2026-11-18T02:00:00Z' });
    await b.claim(elsewhere, other, '2026-11-18T03:00:00Z');

    // W2: i is finished again and rated 5; j is finished late.
    await b.done(ids.i, chen, '2026-11-24T02:00:00Z');
    await b.confirm(ids.i, zhang, 5, '2026-11-24T05:00:00Z');
    await b.done(ids.j, chen, '2026-11-25T02:00:00Z');
  });
  afterAll(() => db.close());

  it('counts a week: items moved several times in it count once, another community not at all', async () => {
    const f = await periodFigures(db, scope(), W, NOW, settings);
    expect(f).toMatchObject({ created: 7, claimed: 5, done: 5, confirmed: 4 });
  });

  it('medians: first claim of items first taken on in the week; the last finish in the week, from 提出', async () => {
    const f = await periodFigures(db, scope(), W, NOW, settings);
    // First claims: 20 min (c), 30 min (a), 1 h (b, i, j).
    expect(f.medianClaimSeconds).toBe(3600);
    // b 21 h, a 23 h, c 24 h (its second finish), i 71 h, e 72 h.
    expect(f.medianDoneSeconds).toBe(24 * 3600);
  });

  it('及时率: answered by the promised time, withdrawn-untaken items left out, the receipt time used when stored', async () => {
    const f = await periodFigures(db, scope(), W, NOW, settings);
    // Due in W: a, b, c, i, j (24 h after 提出) in time; d (answer_due_at stored) never taken on; g withdrawn, left out.
    expect(f.onTime).toEqual({ part: 5, whole: 6 });
  });

  it('满意率: the last rating each item got within the period; a reopen erases nothing', async () => {
    const week = await periodFigures(db, scope(), W, NOW, settings);
    // a 5, b 4, c 5 (its 2 came earlier in the week), i 2 (its 5 came the week after).
    expect(week.satisfaction).toEqual({ part: 3, whole: 4, average: 4 });
    // h was rated 5 in W0 and reopened by an official in W: W0 keeps its rating.
    expect((await periodFigures(db, scope(), W0, NOW, settings)).satisfaction).toEqual({ part: 1, whole: 1, average: 5 });
    expect((await periodFigures(db, scope(), W2, NOW, settings)).satisfaction).toEqual({ part: 1, whole: 1, average: 5 });
    // Over the month, i counts once, with its last word (5).
    expect((await periodFigures(db, scope(), NOV, NOW, settings)).satisfaction).toEqual({ part: 5, whole: 5, average: 24 / 5 });
  });

  it('超期 at the end of a past week is read from the timeline, not from the status now', async () => {
    expect((await periodFigures(db, scope(), W0, NOW, settings)).overdue).toBe(1); // f
    expect((await periodFigures(db, scope(), W, NOW, settings)).overdue).toBe(2); // f, and j (finished only in W2)
    const now = await currentState(db, scope(), NOW);
    expect(now).toMatchObject({ open: 2, claimed: 1, confirmed: 5, withdrawn: 1, overdue: 1 });
  });

  it('先锋榜: each item credited once, so 办结 and 确认 add up to the week’s', async () => {
    const board = await pioneers(db, scope(), W);
    expect(board.map((p) => ({ name: p.name, claimed: p.claimed, done: p.done, confirmed: p.confirmed, ratings: p.ratings }))).toEqual([
      { name: '李志强', claimed: 2, done: 3, confirmed: 3, ratings: 3 },
      { name: '陈建国', claimed: 2, done: 2, confirmed: 1, ratings: 1 },
    ]);
    expect(board[0]!.averageRating).toBeCloseTo(14 / 3);
    expect(board[1]!.averageRating).toBe(2);
    const f = await periodFigures(db, scope(), W, NOW, settings);
    expect(board.reduce((n, p) => n + p.done, 0)).toBe(f.done);
    expect(board.reduce((n, p) => n + p.confirmed, 0)).toBe(f.confirmed);
  });

  it('a grid, and the admin scope of every community', async () => {
    expect(await periodFigures(db, { communityIds: [sun], gridId: grid }, W, NOW, settings)).toMatchObject({ created: 2, done: 2, confirmed: 2 });
    expect(await periodFigures(db, { communityIds: null }, W, NOW, settings)).toMatchObject({ created: 8, claimed: 6 });
    expect(await periodFigures(db, { communityIds: [] }, W, NOW, settings)).toMatchObject({ created: 0, onTime: { part: 0, whole: 0 } });
  });

  it('the charts use the same counts: the trend adds up to the week, categories to 新提出', async () => {
    const points = await trend(db, scope(), W.firstDay, W.lastDay, NOW, TZ);
    expect(points).toHaveLength(7);
    expect(points.reduce((n, p) => n + p.created, 0)).toBe(7);
    expect(points.find((p) => p.firstDay === '2026-11-20')).toMatchObject({ created: 1, done: 1 });
    const categories = await categoryCounts(db, scope(), W);
    expect(categories).toEqual([
      { category: '微心愿', count: 4 },
      { category: '基础设施', count: 3 },
    ]);
    expect(await hotSpots(db, scope(), W, 'place')).toEqual([
      { key: '3号楼', reports: 1, supporters: 1, repeats: 0 },
      { key: '未填地点', reports: 2, supporters: 0, repeats: 0 },
    ]);
  });
});
