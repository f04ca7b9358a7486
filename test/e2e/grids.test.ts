import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insert } from '../../src/db/sql.ts';
import { newItem, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const li = { id: 'li', name: '李志强' };
const chen = { id: 'chen', name: '陈建国' };
const group = 'g-grid';

// SPEC: a community has grids; an item takes its submitter's grid; its announcement names the grid
// and that grid's members hear of it first.
describe('grids (网格)', () => {
  let t: TestApp;
  let grid = 0;
  beforeAll(async () => {
    t = await startTestApp();
    const c = await setUpCommunity(t, '阳光社区', group);
    await t.say(li, `报到 ${c.memberCode}`);
    await t.say(chen, `报到 ${c.memberCode}`);
    await t.say(wang, '帮助', { in: group });
    grid = await insert(t.app.db, 'grids', { communityId: c.communityId, name: '第一网格', createdAt: new Date() });
    await t.app.db.run("UPDATE people SET grid_id = ? WHERE platform_user_id IN ('wang', 'li')", [grid]);
  });
  afterAll(() => t.close());

  it('a new item takes the submitter’s grid, names it, and tells the grid’s members directly', async () => {
    const reply = await t.say(wang, '心愿 帮忙换个灯泡', { in: group });
    const id = Number(/#(\d+)/u.exec(textsTo(reply, group).join('\n'))![1]);
    expect((await t.app.db.get<{ gridId: number }>('SELECT grid_id FROM items WHERE id = ?', [id]))?.gridId).toBe(grid);
    const toLi = textsTo(reply, li.id).join('\n');
    expect(toLi).toContain(`#${id}`);
    expect(toLi).toContain('网格：第一网格');
    // 陈建国 is in no grid: he hears it with everyone, in the group.
    expect(textsTo(reply, chen.id)).toEqual([]);
  });

  it('someone outside any grid raises an item of no grid', async () => {
    const id = await newItem(t, chen, '心愿 没有网格的事', group);
    expect((await t.app.db.get<{ gridId: number | null }>('SELECT grid_id FROM items WHERE id = ?', [id]))?.gridId).toBeNull();
  });
});
