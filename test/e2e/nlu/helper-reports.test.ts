import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 50: a member working alongside the holder, or 物业's own member on an item given
// to 物业, reports it done. SPEC lets only the holder or an official mark it done; they were refused
// ("只有认领人…") or not answered at all, and what they said reached nobody.

const group = 'g-helper-reports';
let t: TestApp;
const official = { id: 'hr-official', name: '陆书记' };
const holder = { id: 'hr-holder', name: '蒙志强' };
const helper = { id: 'hr-helper', name: '覃丽' };
const manager = { id: 'hr-manager', name: '黄建明' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '帮手社区', group);
  await t.say(official, `报到 ${c.officialCode}`);
  for (const m of [holder, helper, manager]) await t.say(m, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

it('"N号这周的菜我替蒙哥送到了" from a second volunteer reaches the holder, who may then mark it done', async () => {
  const id = await fileRequest(t, { id: 'hr-pan', name: '潘阿婆' }, '心愿 帮我买点菜送上楼 5栋101');
  await t.say(holder, `认领 ${id}`);
  const reply = await t.say(helper, `${id}号这周的菜我替蒙哥送到了`, { in: group });
  expect(textsTo(reply, holder.id).join('\n')).toContain('这周的菜我替蒙哥送到了');
  expect(textsTo(reply, group).join('\n')).toContain('已转告');
  expect((await ledgerItem(t, id)).status).toBe('claimed');
});

it('"【工作汇报】N号事项：经核实…已处理完毕。" from 物业\'s member on an item given to 物业 reaches the officials', async () => {
  const id = await fileRequest(t, { id: 'hr-zhao', name: '赵大妈' }, '反映 3号楼东门下水道堵了');
  await t.say(official, `${id}号交物业处理`, { in: group });
  const reply = await t.say(manager, `【工作汇报】${id}号事项：经核实，系排水管堵塞，已处理完毕。`, { in: group });
  expect(textsTo(reply, official.id).join('\n')).toMatch(/黄建明说.*已处理完毕/u);
  expect(textsTo(reply, group).join('\n')).toContain('社区干部');
  expect((await ledgerItem(t, id)).status).toBe('claimed');
});
