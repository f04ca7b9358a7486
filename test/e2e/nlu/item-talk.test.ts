import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: plain words about an item a person is part of act on it — its holder's news, a
// volunteer taking an open one, its submitter's rating or withdrawal, an official raising it — in a
// group without @ too. Words at the bot's first question that say "not that" drop the draft, and
// what follows them is answered. One file, one app, one growing ledger on purpose: the rules are
// about which of a person's several items words name, so later cases run among earlier items (the
// file is long for that reason; each describe is one trial's findings).

const group = 'g-talk';
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let n = 0;
const resident = (): SimPerson => ({ id: `talk-r${++n}`, name: '孙大妈' });

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '说话社区', group));
});
afterAll(() => t.close());

/** A report raised in the group, the photo question answered "没有". */
async function groupReport(who: SimPerson, text: string): Promise<number> {
  await t.say(who, text, { in: group });
  const receipt = textsTo(await t.say(who, '没有', { in: group }), group).join('\n');
  return Number(/#(\d+)/u.exec(receipt)![1]);
}

const lastEvent = async (id: number) => (await ledgerItem(t, id)).events.at(-1);

describe('a volunteer in the group, no @', () => {
  it('"N号…我也去看看" takes an open item', async () => {
    const id = await groupReport(resident(), '反映 8号楼后面的井盖松了');
    const r = await t.say(li, `${id}号井盖我下午去看看`, { in: group });
    expect(textsTo(r, li.id).join('\n')).toContain(`您认领了 #${id}`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it("the holder's news is progress, 'N号…搬好了' is done, '过几天再提醒我' pauses reminders", async () => {
    const id = await newItem(t, resident(), '心愿 帮忙把阳台的花盆搬下楼', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `${id}号 花盆太重 明天叫上邻居一起搬`, { in: group });
    expect(await lastEvent(id)).toMatchObject({ type: 'progress', note: '花盆太重 明天叫上邻居一起搬' });
    await t.say(li, `${id}号 邻居有事 先放一放，过几天再提醒我`, { in: group });
    expect(await lastEvent(id)).toMatchObject({ type: 'snoozed' });
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    await t.say(li, `${id}号搬好了，六盆花都搬到楼下了`, { in: group });
    expect((await ledgerItem(t, id)).status).toBe('done');
  });

  it('chatter with a number in it from someone who has nothing to do with that item stays unanswered', async () => {
    const id = await newItem(t, resident(), '心愿 想找人陪我下棋', group);
    const r = await t.say(resident(), `${id}号那个我看到了 挺好`, { in: group });
    expect(textsTo(r, group)).toEqual([]);
    expect((await ledgerItem(t, id)).status).toBe('open');
  });
});

describe('an official', () => {
  it('"N号电梯 加急" makes it urgent; "N号的事交给物业吧" hands it to 物业', async () => {
    const id = await groupReport(resident(), '反映 2号楼电梯门关不严');
    await t.say(zhao, `${id}号电梯 加急`, { in: group });
    expect((await ledgerItem(t, id)).priority).toBe('urgent');
    const r = await t.say(zhao, `${id}号交给物业吧，让他们来修`, { in: group });
    expect(textsTo(r, group).join('\n')).toContain('物业');
    expect(textsTo(r, group).join('\n')).not.toContain('物业吧');
  });
});

describe('a resident about their own item, no number', () => {
  it('"给四颗星吧" after a done notice confirms with 4', async () => {
    const wang = resident();
    const id = await newItem(t, wang, '心愿 帮忙修一下收音机', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `完成 ${id} 修好了`);
    await t.say(wang, '挺好的 给四颗星吧 小李人实在');
    expect((await ledgerItem(t, id)).rating).toBe(4);
  });

  it('"…不用了 撤了吧" withdraws the one open request', async () => {
    const wang = resident();
    const id = await newItem(t, wang, '心愿 想找人帮忙理个发', group);
    await t.say(wang, '理发的不用了 闺女回来给剪了 撤了吧');
    expect((await ledgerItem(t, id)).status).toBe('withdrawn');
  });

  it('"还在滴水呢" after a done notice disputes it', async () => {
    const wang = resident();
    const id = await groupReport(wang, '反映 5号楼301厨房水管漏水');
    await t.say(li, `认领 ${id}`);
    await t.say(li, `完成 ${id} 换了接头`);
    await t.say(wang, '换啥呀 水管还在往下滴水呢');
    expect(await lastEvent(id)).toMatchObject({ type: 'disputed' });
  });
});

describe('leaving the first question', () => {
  it('"取消取消" and "不是这个意思" drop the draft', async () => {
    for (const words of ['取消取消', '不是这个意思', '算了不登了']) {
      const wang = resident();
      const ask = await t.say(wang, '我想问问那个事');
      expect(textsTo(ask, wang.id).join('\n')).toContain('这是哪一类');
      const r = await t.say(wang, words);
      expect(textsTo(r, wang.id)).toEqual(['好的，已取消，这条没有登记。']);
      expect(textsTo(await t.say(wang, '1'), wang.id).join('\n')).not.toContain('编号');
    }
  });

  it('"都不是 我是问小李明天几点来" drops it; the question reaches 小李, who holds their item', async () => {
    const wang = resident();
    const id = await newItem(t, wang, '心愿 帮忙把旧衣服送到回收点', group);
    await t.say(li, `认领 ${id}`);
    await t.say(wang, '小李那个事');
    const r = await t.say(wang, '都不是 我是问小李明天几点来');
    expect(textsTo(r, wang.id).join('\n')).toContain(`#${id}`);
    expect(textsTo(r, li.id).join('\n')).toContain('明天几点来');
    // Nothing was filed, and no draft waits.
    expect(textsTo(await t.say(wang, '好的'), wang.id).join('')).not.toContain('没登记完');
  });

  it('"啥也不是 我就问问你会干啥" gets the help', async () => {
    const wang = resident();
    await t.say(wang, '你好 我想问个事');
    const said = textsTo(await t.say(wang, '啥也不是 我就问问你会干啥'), wang.id);
    expect(said[0]).toBe('好的，已取消，这条没有登记。');
    expect(said.slice(1).join('\n')).toContain('心愿');
  });
});

it('a volunteer of another community cannot take an item by plain words', async () => {
  // Guard for the test above: another community's volunteer cannot take this one by plain words.
  const other = await setUpCommunity(t, '隔壁说话社区', 'g-talk-next');
  const chen = { id: 'talk-chen', name: '陈红' };
  await t.say(chen, `报到 ${other.memberCode}`);
  const id = await newItem(t, resident(), '心愿 帮忙买两斤鸡蛋', group);
  await t.say(chen, `${id}号我明天去买`);
  expect((await ledgerItem(t, id)).status).toBe('open');
});

describe('second trials', () => {
  it('an official\'s "取消 N号给物业" while a draft waits drops the draft and hands the item over', async () => {
    const id = await groupReport(resident(), '反映 6号楼楼顶的水箱漏水');
    await t.say(zhao, '那个事我想一下');
    const r = await t.say(zhao, `取消 ${id}号给物业`);
    expect(textsTo(r, zhao.id)[0]).toBe('好的，已取消，这条没有登记。');
    expect((await ledgerItem(t, id)).events.at(-1)).toMatchObject({ type: 'assigned' });
  });

  it('the kind answered by its place ("头一个呗 心愿") in the group is heard from the person asked', async () => {
    const wang = resident();
    await t.say(wang, '@连心 我去银行办事 一个人不方便', { in: group });
    const r = await t.say(wang, '头一个呗', { in: group });
    expect(textsTo(r, group).join('\n')).not.toContain('请回复');
    expect(textsTo(r, group).join('\n')).toMatch(/#\d+|在哪|地址/u);
  });

  it('"应该算第一种吧 比较急" answers the kind and is not added to the text', async () => {
    const wang = resident();
    await t.say(wang, '@连心 孩子发烧了 家里没退烧药了', { in: group });
    const receipt = textsTo(await t.say(wang, '应该算第一种吧 比较急 谢谢', { in: group }), group).join('\n');
    const id = Number(/#(\d+)/u.exec(receipt)?.[1]);
    const item = await ledgerItem(t, id);
    expect(item.kind).toBe('wish');
    expect(item.text).not.toContain('第一种');
  });

  it('a neighbour who does not answer the door is an emergency: the receipt comes first and names 120', async () => {
    const r = await t.say(resident(), '对门老孙头两天没见出门了 敲门也没人应 电话也不接', { in: group });
    const said = textsTo(r, group).join('\n');
    expect(said).toContain('120');
    expect(said).toMatch(/#\d+/u);
  });

  it('a holder\'s done in words that name the thing, no number ("花盆 搬完了"), is done; a lit stove is no fire', async () => {
    const a = await newItem(t, resident(), '心愿 帮忙把旧花盆搬到楼下', group);
    const b = await newItem(t, resident(), '心愿 燃气灶打不着 帮忙换个电池', group);
    await t.say(li, `认领 ${a}`);
    await t.say(li, `认领 ${b}`);
    await t.say(li, '花盆 搬完了 放楼下垃圾站旁边了');
    expect((await ledgerItem(t, a)).status).toBe('done');
    const r = await t.say(li, '燃气灶电池换好了，能打着火了');
    expect(textsTo(r, li.id).join('\n')).not.toContain('119');
    expect((await ledgerItem(t, b)).status).toBe('done');
  });

  it('"几时有人嚟啊" from a resident with one request under way asks after it', async () => {
    const wang = resident();
    const id = await newItem(t, wang, '心愿 想找人帮忙修一下轮椅', group);
    const r = await t.say(wang, '轮椅那个 几时有人嚟啊');
    expect(textsTo(r, wang.id).join('\n')).toContain(`#${id}`);
    expect(textsTo(r, wang.id).join('\n')).not.toContain('哪一类');
  });
});

describe('words for whoever works on it', () => {
  it('"转告 N 话" and "N号麻烦下午上门" reach the holder; a new request with a time in it is still a new request', async () => {
    const wang = resident();
    const id = await newItem(t, wang, '心愿 帮忙修一下老式收音机', group);
    await t.say(li, `认领 ${id}`);
    const r1 = await t.say(wang, `转告 ${id} 明天下午家里有人`);
    expect(textsTo(r1, wang.id)).toEqual([`好的，已转告 #${id} 的办理人。`]);
    expect(textsTo(r1, li.id)).toEqual([`#${id} 的提出人转告：明天下午家里有人`]);
    const r2 = await t.say(wang, `${id}号麻烦周末上门 工作日家里没人`);
    expect(textsTo(r2, li.id)[0]).toContain('周末上门');
    const r3 = await t.say(wang, '补充一下 上午我要去买菜 下午都在家');
    expect(textsTo(r3, li.id)[0]).toContain('下午都在家');
    const r4 = await t.say(wang, '明天下午想找人帮我陪老伴去医院');
    expect(textsTo(r4, li.id)).toEqual([]);
    expect(textsTo(r4, wang.id).join('\n')).toMatch(/哪一类|按“微心愿”登记/u);
  });

  it('someone else cannot pass words on as if they had raised it', async () => {
    const id = await newItem(t, resident(), '心愿 帮忙贴个春联', group);
    const r = await t.say(resident(), `转告 ${id} 我也想要春联`);
    expect(textsTo(r, li.id)).toEqual([]);
  });
});

describe('third trials', () => {
  it('a holder "claiming" again with news records the news', async () => {
    const id = await newItem(t, resident(), '心愿 帮张奶奶去社区医院开降压药', group);
    await t.say(li, `认领 ${id}`);
    const r = await t.say(li, `${id}号 降压药开到了 我晚上给奶奶送过去`);
    expect(textsTo(r, li.id).join('\n')).not.toContain('已经是您');
    expect((await ledgerItem(t, id)).events.at(-1)).toMatchObject({ type: 'progress' });
  });

  it('a place corrected at the photo question is the place, not more words', async () => {
    const wang = resident();
    await t.say(wang, '@连心 你好', { in: group });
    await t.say(wang, '反映 小区扶手松了 老人走路不安全');
    await t.say(wang, '小区东门');
    const receipt = textsTo(await t.say(wang, '哎呀我讲错了 不是东门 是北门'), wang.id).join('\n');
    const item = await ledgerItem(t, Number(/#(\d+)/u.exec(receipt)![1]));
    expect(item.place).toBe('北门');
    expect(item.text).not.toContain('讲错了');
  });

  it('"这几天不用提醒我" from the holder pauses reminders', async () => {
    const id = await newItem(t, resident(), '心愿 想找人每周陪我聊聊天', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `${id}号是长期陪伴的 这几天不用提醒我`);
    expect((await ledgerItem(t, id)).events.at(-1)).toMatchObject({ type: 'snoozed' });
  });
});

describe('an item named by what it is', () => {
  it('"降压药的事我来办" takes the one open item about 降压药; with two such items nothing is claimed', async () => {
    const id = await newItem(t, resident(), '心愿 帮孙奶奶去药店买降压药', group);
    const r = await t.say(li, '孙奶奶降压药的事我来办');
    expect(textsTo(r, li.id).join('\n')).toContain(`您认领了 #${id}`);
    await newItem(t, resident(), '心愿 帮忙修一下晾衣架 卡住了', group);
    await newItem(t, resident(), '心愿 阳台晾衣架掉了 帮忙装一下', group);
    const r2 = await t.say(li, '晾衣架那个我来弄');
    expect(textsTo(r2, li.id).join('\n')).not.toContain('您认领了');
  });
});

describe('fourth trials', () => {
  it('praise after a done notice confirms; a question for whoever comes is passed on; "再说" takes note', async () => {
    const wang = resident();
    const id = await newItem(t, wang, '心愿 想学用手机跟孙子视频', group);
    await t.say(li, `认领 ${id}`);
    const asked = await t.say(wang, '周六八点是吧 对了要带身份证吗');
    expect(textsTo(asked, li.id)[0]).toContain('要带身份证');
    expect(textsTo(await t.say(wang, '行，那我先等着吧'), wang.id)).toEqual([]);
    await t.say(li, `完成 ${id} 教会了`);
    await t.say(wang, '学会啦！小李教得可耐心了，给他点个大大的赞');
    expect((await ledgerItem(t, id)).status).toBe('confirmed');
  });

  it('"电梯又不动了" from someone whose confirmed item was a rubbish pile does not reopen it', async () => {
    const wang = resident();
    const id = await groupReport(wang, '反映 3栋楼道里堆的杂物没人清');
    await t.say(li, `认领 ${id}`);
    await t.say(li, `完成 ${id} 清走了`);
    await t.say(wang, '满意');
    const r = await t.say(wang, '@连心 8栋电梯又不动了 我家老娘九十了下不了楼', { in: group });
    expect((await ledgerItem(t, id)).status).toBe('confirmed');
    expect(textsTo(r, group).join('\n')).not.toContain(`#${id}`);
  });
});

describe('final trials', () => {
  it('a list asked in other words by a holder is the list, not news of their item', async () => {
    const id = await newItem(t, resident(), '心愿 帮忙挂个号 下周去医院', group);
    await t.say(li, `认领 ${id}`);
    const r = await t.say(li, '这两天还有啥活没人接的 我看看');
    expect((await ledgerItem(t, id)).events.at(-1)).toMatchObject({ type: 'claimed' });
    expect(textsTo(r, li.id).join('\n')).not.toContain('进展已记下');
  });

  it('"N号没修好 又堵上了" while it is being worked on reaches the holder', async () => {
    const wang = resident();
    const id = await groupReport(wang, '反映 6号楼门口下水道堵了');
    await t.say(li, `认领 ${id}`);
    const r = await t.say(wang, `${id}号没修好 又堵上了 让物业再来`);
    expect(textsTo(r, li.id)[0]).toContain('又堵上了');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"跟N号不是一个事" merges nothing', async () => {
    const a = await groupReport(resident(), '反映 小区东门的路灯不亮');
    const b = await groupReport(resident(), '反映 5号楼门口路灯不亮');
    await t.say(zhao, `${b}号是5号楼那个 跟${a}号不是一个事 分类设为基础设施`);
    expect((await ledgerItem(t, b)).status).toBe('open');
    expect((await ledgerItem(t, b)).category).toBe('基础设施');
  });
});

describe('in a group, without a number', () => {
  it("a holder's news of the one item it names is heard; chatter that names none is not", async () => {
    const id = await newItem(t, resident(), '心愿 帮忙修一下钱阿婆家的老式挂钟', group);
    await t.say(li, `认领 ${id}`);
    const r = await t.say(li, '钱阿婆家挂钟看过了 是发条松了 明天配个新的', { in: group });
    expect(textsTo(r, group).join('\n')).toContain(`#${id}`);
    expect((await ledgerItem(t, id)).events.at(-1)).toMatchObject({ type: 'progress' });
    const chat = await t.say(li, '今天降温了 大家出门多穿点', { in: group });
    expect(textsTo(chat, group)).toEqual([]);
  });

  it('"N号楼道灯我认了" is item N when item N is the 楼道灯 one', async () => {
    const id = await groupReport(resident(), '反映 2单元楼道灯不亮');
    const r = await t.say(li, `@连心 ${id}号楼道灯我认了`, { in: group });
    expect(textsTo(r, group).join('\n')).toContain(`#${id}`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });
});
