import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileRequest, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: an official asks for figures by kind or by month in words; this had started a new
// report ("这个月各类问题分别有多少" → "这是哪一类？").

const group = 'g-figures-asked';
let t: TestApp;
const official = { id: 'fa-official', name: '郑主任' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '数字社区', group);
  await t.say(official, `报到 ${c.officialCode}`);
  await fileRequest(t, { id: 'fa-r1', name: '孙大爷' }, '反映 3号楼东门路灯坏了');
  await fileRequest(t, { id: 'fa-r2', name: '李阿姨' }, '反映 5号楼门口垃圾没人清');
  await fileRequest(t, { id: 'fa-r3', name: '周奶奶' }, '心愿 想请人帮忙修收音机 2栋301');
});
afterAll(() => t.close());

it('"这个月各类问题分别有多少" answers this month\'s figures with a count per kind, and starts nothing', async () => {
  const reply = await t.say(official, '这个月各类问题分别有多少');
  const text = textsTo(reply, official.id).join('\n');
  expect(text).toMatch(/本月（\d+月1日至今）：新提出 3/u);
  expect(text).toMatch(/按类别：.*微心愿 1/u);
  expect(text).not.toContain('哪一类');
  const after = textsTo(await t.say(official, '统计'), official.id).join('\n');
  expect(after).not.toContain('没登记完');
});

it('"统计 上个月" names last month, and the plain 统计 stays this week', async () => {
  expect(textsTo(await t.say(official, '统计 上个月'), official.id).join('\n')).toMatch(/上月（\d+月）：新提出 0/u);
  expect(textsTo(await t.say(official, '统计'), official.id).join('\n')).toContain('本周（周一至今）');
});

it('a resident\'s "这个月停了几次水了" is still a report', async () => {
  const reply = await t.say({ id: 'fa-r4', name: '王大妈' }, '这个月停了几次水了 7号楼');
  expect(textsTo(reply, 'fa-r4').join('\n')).toMatch(/已登记|已收到|照片|电话|哪一类/u);
});
