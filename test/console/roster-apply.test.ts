import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/sql.ts';
import { applyRoster, rosterPayload, tableFromPayload } from '../../src/console/roster/apply-roster.ts';
import { checkRoster, type RosterContext } from '../../src/console/roster/check-roster.ts';
import { readRosterFile } from '../../src/console/roster/read-roster.ts';
import { freshDb, ledgerBuilder } from '../helpers/ledger-builder.ts';

const NOW = new Date('2026-11-20T02:00:00Z');
const CSV = [
  '姓名,手机号,平台,平台账号,角色,社区,网格',
  '李志强,13800001234,企业微信,LiZhiQiang,党员,阳光社区,第一网格',
  '赵书记,13900005678,钉钉,0123456789,党员,阳光社区,',
  '坏行,123,钉钉,x,党员,阳光社区,',
].join('\r\n');

describe('applying a roster', () => {
  let db: Db;
  let ctx: RosterContext;
  const snapshot = async () => ({
    people: await db.all('SELECT platform, platform_user_id, name, phone, community_id, grid_id, updated_at FROM people ORDER BY id'),
    memberships: await db.all('SELECT person_id, community_id, role FROM memberships ORDER BY id'),
    grids: await db.all('SELECT community_id, name FROM grids ORDER BY id'),
  });

  beforeAll(async () => {
    db = await freshDb();
    const b = ledgerBuilder(db);
    const sun = await b.community('阳光社区');
    // 赵书记 is already an official, known on DingTalk under the same account.
    await b.person('赵书记', { [sun]: 'official' }, { platform: 'dingtalk' });
    await db.run("UPDATE people SET platform_user_id = '0123456789' WHERE name = '赵书记'");
    ctx = { communities: [{ id: sun, name: '阳光社区' }], allCommunityNames: new Set(['阳光社区']), grids: [] };
  });
  afterAll(() => db.close());

  const check = async () => {
    const r = await readRosterFile(Buffer.from(CSV), 'r.csv');
    if (!r.ok) throw new Error(r.problem);
    return checkRoster(r.table, ctx);
  };

  it('the preview says what would happen and writes nothing', async () => {
    const before = await snapshot();
    const dry = await applyRoster(db, (await check()).rows, NOW, { dryRun: true });
    expect([...dry.outcomes]).toEqual([
      [2, '新增'],
      [3, '更新'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('applies the good rows once: people act at once in their roles, a new grid is made, an official is not lowered', async () => {
    const rows = tableFromPayload(rosterPayload((await check()).rows));
    expect(rows?.rows.map((r) => r.line)).toEqual([2, 3]);
    const first = await db.transaction((tx) => applyRoster(tx, checkRoster(rows!, ctx).rows, NOW));
    expect(first).toMatchObject({ created: 1, updated: 1, unchanged: 0, gridsCreated: 1 });
    const people = await db.all<{ name: string; role: string; grid: string | null; phone: string }>(
      'SELECT p.name, m.role, g.name AS grid, p.phone FROM people p JOIN memberships m ON m.person_id = p.id LEFT JOIN grids g ON g.id = p.grid_id ORDER BY p.id',
    );
    expect(people).toEqual([
      { name: '赵书记', role: 'official', grid: null, phone: '13900005678' },
      { name: '李志强', role: 'member', grid: '第一网格', phone: '13800001234' },
    ]);
    const after = await snapshot();
    const second = await db.transaction((tx) => applyRoster(tx, checkRoster(rows!, { ...ctx, grids: [] }).rows, new Date(NOW.getTime() + 60_000)));
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2, gridsCreated: 0 });
    expect(await snapshot()).toEqual(after);
  });

  it('an apply form that was tampered with is refused as a whole', () => {
    expect(tableFromPayload('not json')).toBeNull();
    expect(tableFromPayload('[[1,"a"]]')).toBeNull();
    expect(tableFromPayload(JSON.stringify([[2, '李', '1', 'wecom', 'x', 'member', '阳光社区', { evil: 1 }]]))).toBeNull();
    expect(tableFromPayload(undefined)).toBeNull();
  });
});
