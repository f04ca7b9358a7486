import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 27–29: a resident's answer to words the bot passed on goes back to whoever
// asked; a holder's news said again as "不是新事 是N号的进展" is recorded on N; an official's words
// about an item already raised are no new alarm, and one filed by mistake can be taken back.

const group = 'g-passed-back';
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let n = 0;
const someone = (): SimPerson => ({ id: `passed-back-${++n}`, name: `钱美凤${n}` });

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '回话社区', group));
});
afterAll(() => t.close());

describe('answers go back the way the question came', () => {
  it("the holder's question reaches the resident; the resident's answer, with no number, reaches the holder", async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 想请人帮忙把旧报纸搬下楼卖掉 28号楼', group);
    await t.say(li, `认领 ${id}`);
    const asked = await t.say(li, `${id}号 阿姨住几单元几楼？没写`);
    expect(textsTo(asked, who.id).join('\n')).toContain('几单元几楼');
    const r = await t.say(who, '2单元301呀，小伙子明朝中午来好的，我等侬');
    expect(textsTo(r, li.id).join('\n')).toContain('2单元301');
    expect((await t.api('GET', '/api/items')).body.items.filter((i: { text: string }) => i.text.includes('2单元301'))).toEqual([]);
    // The address the holder asked for is the item's now.
    expect((await ledgerItem(t, id)).place).toBe('28号楼2单元301');
  });

  it('an answer to news ("好的 那礼拜三麻烦陈阿姨了 医保卡在抽屉里") reaches the holder; "好的" alone does not', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 礼拜三想请人陪奶奶去医院', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `进展 ${id} 跟奶奶说好了 礼拜三早上七点半楼下等她`);
    expect(textsTo(await t.say(who, '好的'), li.id)).toEqual([]);
    const r = await t.say(who, '好的 那礼拜三麻烦李师傅了 奶奶的医保卡在电视柜抽屉里 别忘了带');
    expect(textsTo(r, li.id).join('\n')).toContain('医保卡');
  });

  it('a verdict on one item is not taken for an answer to news of another', async () => {
    const who = someone();
    const lamp = await newItem(t, who, '心愿 卫生间顶上的灯泡憋了 想请人换一下', group);
    await t.say(li, `认领 ${lamp}`);
    await t.say(li, `完成 ${lamp} 换了个新灯泡`);
    const phone = await newItem(t, who, '心愿 想请人教我用手机挂号', group);
    await t.say(zhao, `认领 ${phone}`);
    await t.say(zhao, `进展 ${phone} 下周三上门教`);
    await t.say(who, '卫生间亮堂了，谢谢李师傅 满意');
    expect((await ledgerItem(t, lamp)).status).toBe('confirmed');
  });

  it('"还有个事…" after news is another matter, not an answer', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 想请人修一下门口的路灯', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `进展 ${id} 灯头买好了 明天换`);
    const r = await t.say(who, '还有个事，8栋楼顶水箱盖子被风掀开了，里面都是落叶');
    expect(textsTo(r, li.id)).toEqual([]);
  });

  it('a new request after news is still a new request', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 想请人帮忙修个凳子', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `进展 ${id} 明天带工具过去`);
    const r = await t.say(who, '楼下垃圾桶满了好几天了没人清');
    expect(textsTo(r, li.id)).toEqual([]);
  });
});

describe('more of trials 27–29', () => {
  it('"21号我来 期限给一周" claims and sets the deadline; "N号加急 我这就去…" sets it urgent and claims', async () => {
    const who = someone();
    const a = await newItem(t, who, '心愿 想请人帮忙修下门锁', group);
    await t.say(zhao, `${a}号我来 期限给一周`);
    expect((await ledgerItem(t, a)).status).toBe('claimed');
    const b = await newItem(t, who, '心愿 楼道里有人烧纸 想请人去劝劝', group);
    await t.say(zhao, `${b}号加急 我这就去9栋`);
    expect(await ledgerItem(t, b)).toMatchObject({ status: 'claimed', priority: 'urgent' });
  });

  it('"满意" with nothing to rate gets a kind word and files nothing', async () => {
    const who = someone();
    const before = (await t.api('GET', '/api/items?limit=1000')).body.items.length;
    expect(textsTo(await t.say(who, '满意'), who.id)).toEqual(['不客气！有需要随时找我。']);
    expect((await t.api('GET', '/api/items?limit=1000')).body.items.length).toBe(before);
  });
});

describe('the holder and the office', () => {
  it('"不是新事 是N号的进展" records the draft as progress of N', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 想请人帮忙搬个旧柜子', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, '今天先去看了看 柜子太沉 周六叫上老王一起搬');
    await t.say(li, `不是新事 是${id}号的进展`);
    // Whether the first words were taken as news at once or on being told, they are on N, once.
    const notes = (await ledgerItem(t, id)).events.filter((e) => e.type === 'progress' && (e.note ?? '').includes('周六叫上老王一起搬'));
    expect(notes).toHaveLength(1);
    expect((await t.api('GET', '/api/items')).body.items.filter((i: { text: string }) => i.text.includes('老王'))).toEqual([]);
  });

  it("an official's category put right names gas, and files no emergency; the category not kept is refused, the next named is set", async () => {
    const who = someone();
    await t.say(who, `@连心 反映 5号楼楼道里有股怪味`, { in: group });
    const id = Number(/#(\d+)/u.exec(textsTo(await t.say(who, '@连心 没有', { in: group }), group).join('\n'))![1]);
    const before = (await t.api('GET', '/api/items?limit=1000')).body.items.length;
    const r = await t.say(zhao, `${id}号燃气泄漏不算治安，分类改一下，改成安全生产那一类`);
    expect((await t.api('GET', '/api/items?limit=1000')).body.items.length).toBe(before);
    expect(textsTo(r, zhao.id).join('\n')).toContain('可用的分类');
    await t.say(zhao, '那就归基础设施类');
    expect((await ledgerItem(t, id)).category).toBe('基础设施');
  });

  it('"N号是我发错的" takes back what one filed by mistake', async () => {
    const id = await newItem(t, zhao, '心愿 测试一下这个怎么登记', group);
    await t.say(zhao, `搞错了！${id}号是我发错的，赶紧撤掉`);
    expect((await ledgerItem(t, id)).status).toBe('withdrawn');
  });

  it('"N号跟公交集团联系上了…" is news, not a unit called "集团联系上了"', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 小区门口公交站牌歪了 想请人扶一下', group);
    await t.say(zhao, `认领 ${id}`);
    await t.say(zhao, `${id}号跟公交集团联系上了，他们说下周二派人来把站牌扶正加固`);
    const item = await ledgerItem(t, id);
    expect(item.assignedUnit).toBeNull();
    expect(item.events.at(-1)).toMatchObject({ type: 'progress' });
  });
});

describe('names in group lists', () => {
  it("the submitter's own name in the words is masked in 待认领 and 查询 in a group, as on the 提出人 line", async () => {
    const who = { id: 'li-shufen-passed-back', name: '李淑芬' };
    const id = await newItem(t, who, '心愿 我是二十三号楼一单元的李淑芬 想请人帮忙买菜', group);
    const listed = textsTo(await t.say(li, '待认领', { in: group }), group).join('\n');
    expect(listed).toContain(`#${id}`);
    expect(listed).not.toContain('李淑芬');
    const card = textsTo(await t.say(li, `查询 ${id}`, { in: group }), group).join('\n');
    expect(card).not.toContain('李淑芬');
    expect(card).toContain('李*');
  });
});
