import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 51–52, through the simulator: a holder's news beside a room number; a holder's
// question with 几点; "还有没人接的单子" from a holder; a complaint that names no confirmed item; a
// helper's news without "办好了"; a daily need; a first round "下周继续".

const group = 'g-trials-51-52';
let t: TestApp;
const official = { id: 'tt-official', name: '方主任' };
const tao = { id: 'tt-tao', name: '陶小军' };
const nie = { id: 'tt-nie', name: '聂芳' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '江西社区', group);
  await t.say(official, `报到 ${c.officialCode}`);
  for (const m of [tao, nie]) await t.say(m, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

it('"N号昨晚去701坐了会 两家算是说通了" from the holder is done, the room number aside', async () => {
  const li = { id: 'tt-li', name: '李秀兰' };
  const id = await fileRequest(t, li, '反映 楼上701半夜剁东西 太吵了 5栋2单元601');
  await t.say(tao, `认领 ${id}`);
  const reply = await t.say(tao, `${id}号昨晚去701坐了会 两家算是说通了`, { in: group });
  expect(textsTo(reply, li.id).join('\n')).toContain('满意吗');
});

it('"N号 吴姨 礼拜三几点的号啊 我开车过去接" reaches the resident as a question', async () => {
  const wu = { id: 'tt-wu', name: '吴春梅' };
  const id = await fileRequest(t, wu, '心愿 下礼拜三想请人陪老伴去中心医院复查 3栋201');
  await t.say(nie, `认领 ${id}`);
  const reply = await t.say(nie, `${id}号 吴姨 礼拜三几点的号啊 我开车过去接`, { in: group });
  expect(textsTo(reply, wu.id).join('\n')).toMatch(/几点的号[\s\S]*直接回复我/u);
});

it('a holder\'s "@连心 今天还有冇得冇人接的单子" lists open items and tells no resident anything', async () => {
  const hu = { id: 'tt-hu', name: '胡桂香' };
  const mine = await fileRequest(t, hu, '心愿 每天中午帮我妈送个饭上楼 2栋301');
  expect((await ledgerItem(t, mine)).recurring).toBe(true);
  await t.say(nie, `认领 ${mine}`);
  const reply = await t.say(nie, '@连心 今天还有冇得冇人接的单子', { in: group });
  expect(textsTo(reply, hu.id)).toEqual([]);
  expect(textsTo(reply, group).join('\n')).not.toContain('进展');
  const round = await t.say(nie, `${mine}号今天中午的饭送上去了`, { in: group });
  expect(textsTo(round, hu.id).join('\n')).toContain('这次已办好');
  expect((await ledgerItem(t, mine)).status).toBe('claimed');
});

it('"师傅 都两天了吊顶还在滴" does not reopen the resident\'s confirmed streetlight', async () => {
  const xiao = { id: 'tt-xiao', name: '肖鹏' };
  const light = await fileRequest(t, xiao, '反映 楼下路灯不亮 4栋门口');
  await t.say(official, `完成 ${light} 物业换了灯头`);
  await t.say(xiao, '满意');
  expect((await ledgerItem(t, light)).status).toBe('confirmed');
  await t.say(xiao, '师傅 都两天了吊顶还在滴');
  expect((await ledgerItem(t, light)).status).toBe('confirmed');
});

it('a helper\'s "帮聂姐说一声 N号灯头烧了 得物业登高车" reaches the holder without "办好了请发"', async () => {
  const cheng = { id: 'tt-cheng', name: '程大爷' };
  const id = await fileRequest(t, cheng, '反映 7栋楼顶的灯不亮');
  await t.say(nie, `认领 ${id}`);
  const reply = await t.say(tao, `帮聂姐说一声 ${id}号灯头烧了 得物业登高车`, { in: group });
  const toHolder = textsTo(reply, nie.id).join('\n');
  expect(toHolder).toContain('登高车');
  expect(toHolder).not.toContain('办好了请发');
});

it('"N号第一次课上完啦 下周三晚上继续" records a round and keeps it with its holder', async () => {
  const ma = { id: 'tt-ma', name: '马福来' };
  const id = await fileRequest(t, ma, '心愿 想找人给孙子补补数学 6栋101');
  await t.say(tao, `认领 ${id}`);
  await t.say(tao, `${id}号第一次课上完啦 孩子挺认真 下周三晚上继续`, { in: group });
  const item = await ledgerItem(t, id);
  expect([item.status, item.recurring]).toEqual(['claimed', true]);
});

it('"N号期限改到12月8号 物业说主板坏了等配件 跟居民说一声" sets the deadline and tells the resident the news', async () => {
  const cheng = { id: 'tt-cheng2', name: '程大妈' };
  const id = await fileRequest(t, cheng, '反映 单元门禁坏了 刷卡没反应 9栋');
  const reply = await t.say(official, `${id}号期限改到12月8号 物业说主板坏了等配件 跟居民说一声`, { in: group });
  expect(textsTo(reply, cheng.id).join('\n')).toContain('主板坏了等配件');
  expect((await ledgerItem(t, id)).deadlineAt).not.toBeNull();
});
