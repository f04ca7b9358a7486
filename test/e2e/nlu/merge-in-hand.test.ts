import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12's remaining list: "合并 14 到 13" when #14 was already claimed was refused ("#14 已在办理中，
// 不能再合并"), though the official only wanted one item for one matter. The item in hand stays.

const group = 'g-merge-hand';
let t: TestApp;
const official = { id: 'mh-official', name: '梁副书记' };
const volunteer = { id: 'mh-vol', name: '蓝天宇' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '合并社区', group);
  await t.say(official, `报到 ${c.officialCode}`);
  await t.say(volunteer, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

it('merging an item in hand into an open one keeps the one in hand and merges the other into it', async () => {
  const first = await fileRequest(t, { id: 'mh-wei', name: '韦阿婆' }, '反映 7号楼楼道灯坏了');
  const second = await fileRequest(t, { id: 'mh-li', name: '黎小芳' }, '反映 7号楼楼道灯不亮');
  await t.say(volunteer, `认领 ${second}`, { in: group });
  const reply = await t.say(official, `合并 ${second} 到 ${first}`, { in: group });
  expect(textsTo(reply, group).join('\n')).toContain(`已把 #${first} 合并到 #${second}`);
  expect(textsTo(reply, 'mh-wei').join('\n')).toContain(`已合并到 #${second}`);
  expect((await ledgerItem(t, first)).status).toBe('merged');
  const kept = await ledgerItem(t, second);
  expect(kept.status).toBe('claimed');
  expect(kept.claimantId).not.toBeNull();
});

it('two items both in hand are still refused, changing nothing', async () => {
  const a = await fileRequest(t, { id: 'mh-a', name: '覃姐' }, '反映 9号楼门口积水');
  const b = await fileRequest(t, { id: 'mh-b', name: '莫大爷' }, '反映 9号楼门口一大滩水');
  await t.say(volunteer, `认领 ${a}`, { in: group });
  await t.say(volunteer, `认领 ${b}`, { in: group });
  const reply = await t.say(official, `合并 ${b} 到 ${a}`, { in: group });
  expect(textsTo(reply, group).join('\n')).toContain('不能再合并');
  expect((await ledgerItem(t, b)).status).toBe('claimed');
});
