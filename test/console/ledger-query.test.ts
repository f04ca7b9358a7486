import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/sql.ts';
import { insert } from '../../src/db/sql.ts';
import { createWorkCalendar } from '../../src/domain/work-calendar.ts';
import { DEFAULT_FILTER, parseLedgerFilter, type LedgerFilter } from '../../src/console/ledger-filter.ts';
import { ledgerExportItems, ledgerList } from '../../src/console/ledger-query.ts';
import { toLedgerRow } from '../../src/console/export/to-ledger-row.ts';
import { freshDb, ledgerBuilder } from '../helpers/ledger-builder.ts';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-11-30T02:00:00Z');
const filter = (q: Record<string, string>): LedgerFilter => {
  const r = parseLedgerFilter(q);
  if (!r.ok) throw new Error(r.message);
  return r.filter;
};

describe('the 台账 query: filters, paging and the export rows', () => {
  let db: Db;
  let sun: number;
  let moon: number;
  let grid: number;
  const ids: Record<string, number> = {};
  const all = () => ({ communityIds: [sun, moon] });
  const list = async (q: Record<string, string>, scope = all()) => (await ledgerList(db, filter(q), scope, NOW, TZ)).rows.map((r) => r.id);

  beforeAll(async () => {
    db = await freshDb();
    const b = ledgerBuilder(db);
    sun = await b.community('阳光社区');
    moon = await b.community('明月社区');
    grid = await b.grid(sun, '第一网格');
    const wang = await b.person('王秀英', {}, { phone: '13812345678' });
    const li = await b.person('李志强', { [sun]: 'member' });
    const zhao = await b.person('赵书记', { [sun]: 'official' });
    ids.lamp = await b.item({ kind: 'report', text: '3号楼路灯坏了', place: '3号楼东门', communityId: sun, submitter: wang, when: '2026-11-17T02:00:00Z', deadline: '2026-11-20T02:00:00Z', gridId: grid });
    await b.assign(ids.lamp, zhao, '物业公司', '2026-11-17T03:00:00Z');
    ids.tap = await b.item({ text: '厨房水龙头漏水 100%_真的', communityId: sun, submitter: wang, when: '2026-11-18T02:00:00Z' });
    await b.claim(ids.tap, li, '2026-11-18T03:00:00Z');
    await b.done(ids.tap, li, '2026-11-19T03:00:00Z');
    await b.confirm(ids.tap, wang, 2, '2026-11-19T05:00:00Z', '还在漏');
    await b.done(ids.tap, li, '2026-11-20T03:00:00Z');
    await b.confirm(ids.tap, wang, 5, '2026-11-20T05:00:00Z', '修好了');
    await insert(db, 'revisits', { itemId: ids.tap, personId: wang.id, askedAt: new Date('2026-11-27T02:30:00Z'), answeredAt: new Date('2026-11-27T03:00:00Z'), answer: 'yes' });
    ids.urgent = await b.item({ kind: 'report', text: '5号楼煤气味', communityId: sun, submitter: wang, when: '2026-11-10T02:00:00Z', priority: 'urgent' });
    ids.moon = await b.item({ text: '明月的事', communityId: moon, submitter: wang, when: '2026-11-21T02:00:00Z' });
  });
  afterAll(() => db.close());

  it('newest first with open urgent items leading; a total; another official’s community never', async () => {
    expect(await list({})).toEqual([ids.urgent, ids.moon, ids.tap, ids.lamp]);
    const page = await ledgerList(db, filter({ size: '20' }), { communityIds: [sun] }, NOW, TZ);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.id)).not.toContain(ids.moon);
    expect(await list({}, { communityIds: [] })).toEqual([]);
  });

  it('each filter narrows as an official would expect', async () => {
    expect(await list({ status: 'confirmed' })).toEqual([ids.tap]);
    expect(await list({ status: 'active' })).toEqual([ids.urgent, ids.moon, ids.lamp]);
    expect(await list({ kind: 'report', sort: 'old' })).toEqual([ids.lamp, ids.urgent]);
    expect(await list({ community: String(sun), grid: String(grid) })).toEqual([ids.lamp]);
    expect(await list({ priority: 'urgent' })).toEqual([ids.urgent]);
    expect(await list({ overdue: '1' })).toEqual([ids.lamp]);
    expect(await list({ holder: '物业' })).toEqual([ids.lamp]);
    expect(await list({ holder: '志强' })).toEqual([ids.tap]);
    // Shanghai days: the 18th is 2026-11-17T16:00Z to 2026-11-18T16:00Z.
    expect(await list({ from: '2026-11-18', to: '2026-11-21' })).toEqual([ids.moon, ids.tap]);
    expect(await list({ q: '东门' })).toEqual([ids.lamp]);
    expect(await list({ q: `#${ids.tap}` })).toEqual([ids.tap]);
    // % and _ typed by a person are literal characters, not wildcards.
    expect(await list({ q: '100%_' })).toEqual([ids.tap]);
    expect(await list({ q: '0%' })).toEqual([ids.tap]);
    expect(await list({ q: '_' })).toEqual([ids.tap]);
    // The one with a deadline first, then the rest by number.
    expect(await list({ sort: 'deadline' })).toEqual([ids.lamp, ids.tap, ids.urgent, ids.moon]);
  });

  it('pages: the total stays, the rows move', async () => {
    const first = await ledgerList(db, { ...DEFAULT_FILTER, size: 20, page: 1, sort: 'old' }, all(), NOW, TZ);
    expect(first.total).toBe(4);
    const far = await ledgerList(db, { ...DEFAULT_FILTER, size: 20, page: 2, sort: 'old' }, all(), NOW, TZ);
    expect(far).toEqual({ total: 4, rows: [] });
  });

  it('export rows: every rating kept, the latest counts, the revisit, working days, the deadline kept or not', async () => {
    const calendar = createWorkCalendar();
    const rows = [];
    for await (const item of ledgerExportItems(db, DEFAULT_FILTER, { communityIds: [sun] }, NOW, TZ, 2)) rows.push(toLedgerRow(item, calendar, TZ, NOW));
    expect(rows.map((r) => r.id)).toEqual([ids.lamp!, ids.tap!, ids.urgent!].sort((a, b) => a - b));
    const tap = rows.find((r) => r.id === ids.tap)!;
    expect(tap).toMatchObject({ rating: 5, comment: '修好了 此前：2分（还在漏）', revisit: 'yes', holder: '李志强', submitterPhone: '13812345678', status: 'confirmed' });
    // Wednesday the 18th to Friday the 20th: two working days.
    expect(tap.workdays).toBe(2);
    expect(rows.find((r) => r.id === ids.lamp)).toMatchObject({ holder: '物业公司', onTime: false, doneAt: null, grid: '第一网格' });
    expect(rows.find((r) => r.id === ids.urgent)).toMatchObject({ onTime: null, rating: null, revisit: null });
  });
});
