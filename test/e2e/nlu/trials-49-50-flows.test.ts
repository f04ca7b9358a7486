import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 49–50, through the simulator: a holder's question reaches the resident and the
// answer comes back; a verdict in plain words said in the group; members called by title or given
// name; a new wish set apart from an old item; "谁能接下" after giving one back.

const group = 'g-trials-49-50';
let t: TestApp;
const official = { id: 'tf-official', name: '陆书记' };
const holder = { id: 'tf-holder', name: '蒙志强' };
const manager = { id: 'tf-manager', name: '黄建明' };
const grid = { id: 'tf-grid', name: '罗晓燕' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '西南社区', group);
  await t.say(official, `报到 ${c.officialCode}`);
  await t.say(grid, `报到 ${c.officialCode}`);
  for (const m of [holder, manager]) await t.say(m, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

it('"N号 问下阿婆要买些啥菜" reaches the resident as a question, and her list goes back to the holder', async () => {
  const pan = { id: 'tf-pan', name: '潘阿婆' };
  const id = await fileRequest(t, pan, '心愿 帮我买点菜送上楼 5栋101');
  await t.say(holder, `认领 ${id}`);
  const asked = await t.say(holder, `${id}号 问下阿婆要买些啥菜`, { in: group });
  expect(textsTo(asked, pan.id).join('\n')).toMatch(/要买些啥菜[\s\S]*直接回复我/u);
  const answer = await t.say(pan, '青菜两把 豆腐一块 瘦肉半斤 莫要辣椒');
  expect(textsTo(answer, holder.id).join('\n')).toContain('青菜两把');
});

it('"亮咯亮咯 好亮堂 谢谢物业" in the group, after the done notice, confirms it', async () => {
  const yang = { id: 'tf-yang', name: '杨大姐' };
  const id = await fileRequest(t, yang, '反映 3栋楼道灯不亮了');
  await t.say(official, `完成 ${id} 物业换好灯泡了`);
  const reply = await t.say(yang, '亮咯亮咯 好亮堂 谢谢物业', { in: group });
  expect(textsTo(reply, group).join('\n')).toContain('已确认');
  expect((await ledgerItem(t, id)).status).toBe('confirmed');
});

it('"交给物业黄经理" and "晓燕你去上门协调一下" hand the item to those members', async () => {
  const a = await fileRequest(t, { id: 'tf-wu', name: '吴大妈' }, '反映 8栋健身器材螺丝松了');
  await t.say(official, `${a}号交给物业黄经理处理吧`, { in: group });
  expect((await ledgerItem(t, a)).claimantId).not.toBeNull();
  expect((await ledgerItem(t, a)).assignedUnit).toBeNull();
  const b = await fileRequest(t, { id: 'tf-long', name: '龙奶奶' }, '反映 7栋二单元楼道顶上漏水');
  const reply = await t.say(official, `${b}号晓燕你去上门协调一下 期限给一周`, { in: group });
  expect(textsTo(reply, grid.id).join('\n')).toContain(`#${b}`);
  expect((await ledgerItem(t, b)).assignedUnit).toBeNull();
});

it('"不是的，这不是N号的事，是一个新的心愿：…请帮我登记。" files the wish', async () => {
  const zhou = { id: 'tf-zhou', name: '周老师' };
  const old = await fileRequest(t, zhou, '反映 3栋楼下的路灯坏了好几天了');
  const reply = await t.say(zhou, `不是的，这不是${old}号的事，是一个新的心愿：下周三上午我要去医院复查，想请一位志愿者陪同前往，请帮我登记。`);
  const text = textsTo(reply, zhou.id).join('\n');
  expect(text).toMatch(/编号 #\d+（微心愿）/u);
  expect(text).not.toContain('没有正在登记');
});

it('"不好意思 谁能接下" just after giving one back gives back nothing else', async () => {
  const one = await fileRequest(t, { id: 'tf-r1', name: '韦奶奶' }, '心愿 帮我买菜 5栋102');
  const two = await fileRequest(t, { id: 'tf-r2', name: '覃大爷' }, '心愿 帮我取药 6栋101');
  await t.say(holder, `认领 ${one}`);
  await t.say(holder, `认领 ${two}`);
  await t.say(holder, `${two}号我去不了了 放回去吧`, { in: group });
  await t.say(holder, '不好意思 谁能接下', { in: group });
  expect((await ledgerItem(t, one)).status).toBe('claimed');
  expect((await ledgerItem(t, two)).status).toBe('open');
});

it('a phone number with a digit too many is asked again, and the number put right later is kept', async () => {
  const zhang = { id: 'tf-zhang', name: '张桂兰' };
  await t.say(zhang, '心愿 下礼拜二想找人陪我家老头上医院拿药 5栋301');
  const wrong = await t.say(zhang, '俺不留电话了 俺家老头有 一三七零四六一五五八八九 是他的');
  expect(textsTo(wrong, zhang.id).join('\n')).toContain('号码好像不对');
  const right = await t.say(zhang, '多打了个零 是13704615589 老头子的');
  expect(textsTo(right, zhang.id).join('\n')).toMatch(/电话(?:记下|已改)/u);
});
