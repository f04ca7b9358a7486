import { afterAll, beforeAll, expect, it } from 'vitest';
import { ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 54: an old man greets the bot as 小连 ("你好小连 吃了吗") before each request; in
// the group these were ignored and in a direct chat only the greeting was answered. Trial 53–54 also:
// "在吗 想许个愿望" had the next message taken for the address.

const group = 'g-called-by-name';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await setUpCommunity(t, '小连社区', group);
});
afterAll(() => t.close());

it('"你好小连 吃了吗" in the group gets a word back, addressed to him', async () => {
  const zheng = { id: 'cn-zheng', name: '郑德福' };
  const reply = await t.say(zheng, '你好小连 吃了吗', { in: group });
  expect(textsTo(reply, group).join('\n')).toContain('吃过啦');
});

it('"小连啊 我家门口楼道那个灯坏了…" in the group starts a report, without the greeting in its words', async () => {
  const zheng = { id: 'cn-zheng2', name: '郑大爷' };
  const reply = await t.say(zheng, '小连啊 我家门口楼道那个灯坏了好几天了 3栋2单元', { in: group });
  expect(textsTo(reply, group).join('\n')).toContain('反映问题');
  const draft = await t.app.db.get<{ text: string }>(
    'SELECT d.text FROM dialogues d JOIN people p ON p.id = d.person_id WHERE p.platform_user_id = ?',
    [zheng.id],
  );
  expect(draft!.text).toContain('我家门口楼道那个灯坏了');
  expect(draft!.text).not.toContain('小连啊');
  await t.say(zheng, '取消', { in: group });
});

it('"你好小连 吃了吗 …旧冰箱要抬下楼 我搬不动" in a direct chat is the request', async () => {
  const zheng = { id: 'cn-zheng3', name: '郑德福' };
  const reply = await t.say(zheng, '你好小连 吃了吗 家里旧冰箱要抬下楼 我搬不动 5栋101');
  const text = textsTo(reply, zheng.id).join('\n');
  expect(text).not.toContain('吃过啦');
  expect(text).toMatch(/旧冰箱|编号 #/u);
});

it('"在吗 想许个愿望" asks for the wish, and the next message is the wish, not its address', async () => {
  const wu = { id: 'cn-wu', name: '吴佳丽' };
  const ask = await t.say(wu, '在吗 想许个愿望');
  expect(textsTo(ask, wu.id).join('\n')).toContain('心愿');
  const filed = await t.say(wu, '带双胞胎去打疫苗 想找人帮我抱一个 5栋301');
  const receipt = textsTo(filed, wu.id).join('\n');
  const id = Number(/编号 #(\d+)/u.exec(receipt)?.[1]);
  expect((await ledgerItem(t, id)).text).toContain('打疫苗');
});

it('"…井盖盖子碎了一半 …赶紧来人弄一下" is a new matter, not a "+1" on the one 地砖 report', async () => {
  const lin = { id: 'cn-lin', name: '林秀珍' };
  await t.say(lin, '反映 店门口地砖翘起来了 绊倒人 幸福路12号', { in: group });
  await t.say(lin, '没有', { in: group });
  const reply = await t.say({ id: 'cn-pan', name: '潘建华' }, '@连心 店门口下水道井盖盖子碎了一半 顾客踩进去两个了 赶紧来人弄一下', { in: group });
  expect(textsTo(reply, group).join('\n')).not.toContain('附议');
  const second = await t.say({ id: 'cn-wang', name: '王大妈' }, '@连心 我家也是', { in: group });
  expect(textsTo(second, group).join('\n')).toContain('附议');
});

it('"你好小连 吃了吗" while the kind question waits keeps the greeting out of the draft', async () => {
  const zheng = { id: 'cn-zheng4', name: '郑德福' };
  await t.say(zheng, '你好小连 吃了吗 每周二的菜太重了 拎不上楼 5栋101', { in: group });
  const again = await t.say(zheng, '你好小连 吃了吗', { in: group });
  expect(textsTo(again, group).join('\n')).toContain('没登记完');
  const filed = await t.say(zheng, '1', { in: group });
  const id = Number(/编号 #(\d+)/u.exec(textsTo(filed, group).join('\n'))?.[1]);
  const item = await ledgerItem(t, id);
  expect(item.text).not.toContain('吃了吗');
  expect(item.recurring).toBe(true);
});
