import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, fileRequest, ledgerItem, newItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 19: answers to the bot's own questions and notices in the words people use —
// kinds by their description, a community by its name among words, "地址跟上次一样", a phone
// declined with where the thing is, thanks and patience after a progress notice, a question for
// the volunteer, a draft nobody wanted.

const group = 'g-their-words';
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '幸福里社区', group));
  await setUpCommunity(t, '桂花园社区', 'g-guihua');
});
afterAll(() => t.close());

const items = async () => (await t.api('GET', '/api/items')).body as unknown[];

describe('answers in their own words', () => {
  it('the kind in the words of the question ("就是请人帮忙的那个") is an answer, not more text', async () => {
    const wu = { id: 'wu-words', name: '吴婆婆' };
    await t.say(wu, '我是幸福里的 想找人帮我换个煤气灶电池');
    const r = await t.say(wu, '就是请人帮忙的那个');
    const said = textsTo(r, wu.id).join('\n');
    expect(said).not.toContain('请回复 1');
    const m = /#(\d+)/u.exec(said);
    if (m) expect((await ledgerItem(t, Number(m[1]))).text).not.toContain('请人帮忙的那个');
  });

  it('"你看着给算吧" leaves the kind to the bot: a trouble outside is a report, one at home a wish', async () => {
    const sun = { id: 'sun-words', name: '孙奶奶' };
    await t.say(sun, '我是幸福里的 小区门口的路灯晚上不亮');
    let said = textsTo(await t.say(sun, '你看着给算吧'), sun.id).join('\n');
    expect(said).not.toContain('请回复 1');
    if (/照片/u.test(said)) said = textsTo(await t.say(sun, '没有'), sun.id).join('\n');
    expect(said).toContain('问题反映');
    await t.say(sun, '我家厨房的灯坏了 换不了');
    said = textsTo(await t.say(sun, '我也分不清'), sun.id).join('\n');
    expect(said).not.toContain('请回复 1');
    if (/地址/u.test(said)) said = textsTo(await t.say(sun, '跳过'), sun.id).join('\n');
    const m = /#(\d+)/u.exec(said);
    expect(m).not.toBeNull();
    expect((await ledgerItem(t, Number(m![1]))).kind).toBe('wish');
  });

  it('a community named among words, in the request itself: not asked again', async () => {
    const ma = { id: 'ma-words', name: '老马' };
    const r = await t.say(ma, '我是桂花园的老马 想请人帮我把阳台的旧花架子搬下楼');
    expect(textsTo(r, ma.id).join('\n')).not.toMatch(/哪个社区/u);
  });

  it('"幸福里的" answers "您是哪个社区的？"', async () => {
    const xiao = { id: 'xiao-words', name: '小周' };
    let r = await t.say(xiao, '想请人帮我奶奶取一下药');
    if (/哪个社区/u.test(textsTo(r, xiao.id).join('\n'))) r = await t.say(xiao, '幸福里的');
    expect(textsTo(r, xiao.id).join('\n')).not.toContain('之间的数字');
  });

  it('"1 车还在4栋车棚" to the kind question: a wish, with its place', async () => {
    const mother = { id: 'mother-words', name: '小林' };
    await t.say(mother, '幸福里 孩子的自行车链条掉了');
    const r = await t.say(mother, '1 车还在4栋车棚');
    const said = textsTo(r, mother.id).join('\n');
    expect(said).not.toContain('这一步要由');
    const id = Number(/#(\d+)/u.exec(said)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect((await ledgerItem(t, id)).place).toContain('4栋');
  });

  it('"地址跟上次一样" gives the last request\'s place; a wish after a wish takes its address unasked', async () => {
    const sun = { id: 'sun-words', name: '孙阿姨' };
    await fileRequest(t, sun, '反映 幸福里7栋1单元502门口的灯坏了');
    // The kind is plain ("请人帮忙"): only where is asked (a report's place is no home).
    expect(textsTo(await t.say(sun, '还想请人帮忙修一下门锁'), sun.id).join('\n')).toContain('地址');
    const r = await t.say(sun, '地址跟上次一样');
    const said = textsTo(r, sun.id).join('\n');
    expect(said).not.toMatch(/在哪里/u);
    const id = Number(/#(\d+)/u.exec(said)?.[1]);
    expect((await ledgerItem(t, id)).place).toContain('7栋1单元502');
    // The next wish: the address of the last one, said back, not asked.
    const next = textsTo(await t.say(sun, '还想请人帮忙换个灯泡'), sun.id).join('\n');
    expect(next).toContain('地址按上次的：7栋1单元502');
    expect((await ledgerItem(t, Number(/编号 #(\d+)/u.exec(next)?.[1]))).place).toContain('7栋1单元502');
  });

  it('in a group, "反应问题" from the person asked answers the kind question', async () => {
    const he = { id: 'he-words', name: '何大姐' };
    await t.say(he, '@连心 楼下那家天天放歌 到十点', { in: group });
    const r = await t.say(he, '反应问题', { in: group });
    expect(textsTo(r, group).join('\n')).not.toBe('');
  });

  it('"好好好 那就好" and "行吧 那俺就再等等" after a progress notice start nothing', async () => {
    const wang = { id: 'wang-words', name: '王大爷' };
    const id = await newItem(t, wang, '心愿 帮忙修一下收音机', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `进展 ${id} 零件买到了 明天上门`);
    const before = await items();
    for (const text of ['好好好 那就好', '行吧 那俺就再等等']) {
      const r = await t.say(wang, text);
      expect(textsTo(r, wang.id).join('\n')).not.toMatch(/哪一类|请回复 1/u);
    }
    expect(await items()).toEqual(before);
  });

  it("a question for the volunteer after a progress notice reaches the volunteer", async () => {
    const zhang = { id: 'zhang-words', name: '张奶奶' };
    const id = await newItem(t, zhang, '心愿 想请人陪老伴去医院做检查', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `进展 ${id} 周一陪着去抽了血 下礼拜三出报告`);
    const r = await t.say(zhang, '谢谢这闺女了 下礼拜三拿报告她还能陪着去不 我一个人推不动他');
    expect(textsTo(r, li.id).join('\n')).toContain('下礼拜三拿报告');
  });

  it('"我没要登记啥 别问了" drops a draft nobody wanted', async () => {
    const lao = { id: 'lao-words', name: '老刘' };
    expect(textsTo(await t.say(lao, '楼下那棵老槐树'), lao.id).join('\n')).toContain('哪一类');
    const r = await t.say(lao, '我没要登记啥 别问了');
    expect(textsTo(r, lao.id).join('\n')).not.toMatch(/请回复 1/u);
    const again = await t.say(lao, '你好');
    expect(textsTo(again, lao.id).join('\n')).not.toContain('没登记完');
  });

  it('an objection to a rejection reaches the officials', async () => {
    const zhou = { id: 'zhou-words', name: '周师傅' };
    const id = await newItem(t, zhou, '心愿 想请社区帮忙跟工地说说 晚上十一点还在施工', group);
    await t.say(zhao, `驳回 ${id} 不归社区 请拨打12345`);
    const r = await t.say(zhou, '社区就不能出面帮忙协调一下吗？我们老百姓打12345也没啥用啊');
    expect(textsTo(r, zhao.id).join('\n')).toContain('协调');
    expect(textsTo(r, zhou.id).join('\n')).toContain('转告社区干部');
  });
});

describe('asking after one of theirs without its number', () => {
  it('"下水到那个是弄了没有啊" names the one item it repeats (typo and all)', async () => {
    const chen = { id: 'chen-words', name: '陈奶奶' };
    const id = await newItem(t, chen, '心愿 楼下下水到老是返臭 想找人看看', group);
    const r = await t.say(chen, '下水到那个是弄了没有啊 今天从门口过还是臭得很');
    const said = textsTo(r, chen.id).join('\n');
    expect(said).toContain(`#${id}`);
    expect(said).not.toMatch(/哪一类/u);
  });
});

describe('查询 for a resident', () => {
  it("shows the last few steps, not the office's bookkeeping; an official sees all of it", async () => {
    const gu = { id: 'gu-words', name: '顾阿姨' };
    const id = await newItem(t, gu, '心愿 想请人帮忙把旧报纸搬到回收站', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `暂停提醒 ${id} 3`);
    for (const note of ['约了周六', '借了小推车', '周六上午去', '先搬了十捆', '已经搬了一半']) await t.say(li, `进展 ${id} ${note}`);
    const mine = textsTo(await t.say(gu, `查询 ${id}`), gu.id).join('\n');
    const office = textsTo(await t.say(zhao, `查询 ${id}`), zhao.id).join('\n');
    expect(mine).toContain('已经搬了一半');
    expect(mine).not.toContain('约了周六');
    expect(mine).not.toContain('暂停提醒');
    expect(office).toContain('约了周六');
    expect(office).toContain('暂停提醒');
  });
});

describe('a neighbour seconds in the group', () => {
  it('"@连心 我家也是 … 跟周师傅说的一样" supports what was raised there lately', async () => {
    const g = 'g-second';
    await t.api('POST', '/api/groups', { platform: 'sim', conversationId: g, communityId: 1 });
    const zhou = { id: 'zhou-second', name: '周师傅' };
    const ye = { id: 'ye-second', name: '叶阿姨' };
    await t.say(zhou, '@连心 反映 3号楼楼上装修天天电钻到晚上十点', { in: g });
    const receipt = textsTo(await t.say(zhou, '没有', { in: g }), g).join('\n');
    const id = Number(/#(\d+)/u.exec(receipt)?.[1]);
    expect(id).toBeGreaterThan(0);
    await t.say(ye, '@连心 我家也是 晚上被吵得睡不着 跟周师傅说的一样', { in: g });
    const all = (await t.api('GET', '/api/items')).body.items as Array<{ id: number }>;
    expect(all.filter((i) => i.id > id)).toEqual([]);
    const r = await t.say(ye, `查询 ${id}`);
    expect(textsTo(r, ye.id).join('\n')).toContain('附议：1 户');
  });
});
