import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 48–50: a need that comes back (每周送菜, 每周拿药) was closed by its first
// delivery, and "莫给我结了 下个礼拜还要拿的" closed it too. Now each 完成 records a round and the
// item stays with its holder until the need ends.

const group = 'g-recurring';
let t: TestApp;
const holder = { id: 'rc-holder', name: '蒙志强' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '长期社区', group);
  await t.say(holder, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

it('a weekly wish: 完成 records the round, tells the resident, and the item stays with its holder until "完成 N 结束"', async () => {
  const pan = { id: 'rc-pan', name: '潘阿婆' };
  const id = await fileRequest(t, pan, '心愿 每周六帮我送一次菜 我住5栋101');
  expect((await ledgerItem(t, id)).recurring).toBe(true);
  await t.say(holder, `认领 ${id}`);
  const round = await t.say(holder, `${id}号菜送到了 青菜豆腐都给阿婆了`, { in: group });
  expect(textsTo(round, pan.id).join('\n')).toMatch(/这次已办好.*菜送到了/su);
  expect(textsTo(round, pan.id).join('\n')).not.toContain('满意吗');
  const item = await ledgerItem(t, id);
  expect(item.status).toBe('claimed');
  expect(item.deadlineAt).toBeNull();
  expect(item.events.map((e) => e.note)).toContainEqual(expect.stringContaining('本次已办好'));
  await t.say(holder, `完成 ${id} 结束 以后不用送了`);
  expect((await ledgerItem(t, id)).status).toBe('done');
});

it('"莫给我结了哦 下个礼拜还要拿的" after a done notice gives it back to its holder as a recurring need', async () => {
  const long = { id: 'rc-long', name: '龙奶奶' };
  const id = await fileRequest(t, long, '心愿 想请人帮我去医院拿药 7栋601');
  await t.say(holder, `认领 ${id}`);
  await t.say(holder, `${id}号药送到了`, { in: group });
  expect((await ledgerItem(t, id)).status).toBe('done');
  const reply = await t.say(long, '药收到了 谢谢 不过莫给我结了哦 下个礼拜还要拿的');
  expect(textsTo(reply, long.id).join('\n')).toContain('长期');
  expect(textsTo(reply, holder.id).join('\n')).toContain('仍在您名下');
  const item = await ledgerItem(t, id);
  expect([item.status, item.recurring, item.rating]).toEqual(['claimed', true, null]);
  await t.say(holder, `${id}号这周的药也送到了`, { in: group });
  expect((await ledgerItem(t, id)).status).toBe('claimed');
});

it('"N号是长期的 千万别给结了" while it is being done tells its holder, never "已经好了"', async () => {
  const sun = { id: 'rc-sun', name: '孙玉梅' };
  const id = await fileRequest(t, sun, '心愿 我妈瘫在床上 想请人中午帮忙喂口饭 7号楼1单元502');
  await t.say(holder, `认领 ${id}`);
  const reply = await t.say(sun, `对了 ${id}号那个是长期的 千万别给结了啊 每天中午都要人来`);
  const toHolder = textsTo(reply, holder.id).join('\n');
  expect(toHolder).toContain('长期');
  expect(toHolder).not.toContain('已经好了');
  expect((await ledgerItem(t, id)).recurring).toBe(true);
});

it('its holder\'s "N号是长期的活" marks it so and tells the holder how rounds are recorded', async () => {
  const wu = { id: 'rc-wu', name: '吴桂芝' };
  const id = await fileRequest(t, wu, '心愿 想请人陪我去做透析 2栋101');
  await t.say(holder, `认领 ${id}`);
  const reply = await t.say(holder, `${id}号是长期的活 每周二都得去`);
  expect(textsTo(reply, holder.id).join('\n')).toContain(`完成 ${id} 结束`);
  expect((await ledgerItem(t, id)).recurring).toBe(true);
});
