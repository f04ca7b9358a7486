import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newReport } from '../../helpers/community.ts';
import { startTestApp, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 37: an official writing in formal style. Two of its sentences closed items that
// were still open; a hand-over named the unit with the whole instruction after it.

const group = 'g-office-formal';
let t: TestApp;
let zhao: SimPerson;
const resident = { id: 'resident-office-formal', name: '刘红梅' };

beforeAll(async () => {
  t = await startTestApp();
  ({ zhao } = await communityWithPeople(t, '公文社区', group));
});
afterAll(() => t.close());

describe('formal instructions', () => {
  it('"请物业公司于12月5日前修复完毕" leaves the item open', async () => {
    const id = await newReport(t, resident, '反映 路灯一闪一闪的', '11号楼门口');
    await t.say(zhao, `${id}号所涉路灯闪烁问题，请物业公司于12月5日前修复完毕。`);
    expect(['open', 'claimed']).toContain((await ledgerItem(t, id)).status);
  });

  it('"请列出本社区目前尚未办结的事项…" lists, and closes nothing', async () => {
    const id = await newReport(t, resident, '反映 单元门关不上', '12号楼2单元');
    await t.say(zhao, `认领 ${id}`);
    await t.say(zhao, '请列出本社区目前尚未办结的事项，注明责任人及办理期限。');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"交由物业公司立即设置围挡并补装井盖" hands it to 物业公司, urgent, in one working day', async () => {
    const id = await newReport(t, resident, '反映 井盖没了', '快递柜旁边');
    await t.say(zhao, `${id}号事项中下水道井盖缺失存在安全隐患，请即设为紧急，期限一个工作日，交由物业公司立即设置围挡并补装井盖。`);
    expect(await ledgerItem(t, id)).toMatchObject({ assignedUnit: '物业公司', priority: 'urgent' });
  });
});
