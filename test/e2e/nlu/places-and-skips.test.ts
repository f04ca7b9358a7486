import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, receiptNumber } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §1: a place in the text is the place; the bot asks only for what is missing; skipping,
// in every ordinary form, is never stored as content.

const group = 'g-places';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await communityWithPeople(t, '地点社区', group);
});
afterAll(() => t.close());

let n = 0;
const someone = (): SimPerson => ({ id: `resident-${++n}`, name: '张桂兰' });

describe('a place written in the report', () => {
  it.each([
    ['反映 3号楼东门的路灯坏了', '3号楼东门'],
    ['反映 5栋2单元门口的灯不亮', '5栋2单元门口'],
    ['反映 小区南门的垃圾桶满了', '小区南门'],
    ['反映 幸福路12号的井盖松了', '幸福路12号'],
    ['反映 东门岗亭旁边的路面塌了', '东门岗亭旁边'],
  ])('"%s" is filed at %s without asking where', async (text, place) => {
    const who = someone();
    const first = textsTo(await t.say(who, text), who.id).join('\n');
    expect(first).not.toContain('在哪里');
    expect(first).toContain('照片');
    const receipt = textsTo(await t.say(who, '没有'), who.id).join('\n');
    const item = await ledgerItem(t, receiptNumber(receipt));
    expect(item.place).toBe(place);
    expect(item.text).toBe(text.slice(3));
  });

  it.each(['是反映问题', '第二个', '选2', '2吧', '反映问题吧', '反映问题'])('the kind answered "%s" is understood and not added to the text', async (answer) => {
    const who = someone();
    expect(textsTo(await t.say(who, '6号楼那几个灯坏了好几个'), who.id)[0]).toContain('哪一类');
    expect(textsTo(await t.say(who, answer), who.id)[0]).toContain('照片');
    const item = await ledgerItem(t, receiptNumber(textsTo(await t.say(who, '没有'), who.id).join('\n')));
    expect(item.kind).toBe('report');
    expect(item.text).toBe('6号楼那几个灯坏了好几个');
  });

  it('the kind named after why ("楼道是大家的 算反映问题吧", also in 繁體) is understood and not added to the text', async () => {
    for (const answer of ['楼道是大家的 算反映问题吧', '樓道是大家的 算反映問題吧']) {
      const who = someone();
      expect(textsTo(await t.say(who, '6号楼那边的灯坏了好几个'), who.id)[0]).toContain('哪一类');
      expect(textsTo(await t.say(who, answer), who.id)[0]).toContain('照片');
      const item = await ledgerItem(t, receiptNumber(textsTo(await t.say(who, '拍了发不上来 算了'), who.id).join('\n')));
      expect(item).toMatchObject({ kind: 'report', text: '6号楼那边的灯坏了好几个' });
    }
  });

  it.each([
    ['1嘛', 'wish'],
    ['屋头的嘛 1', 'wish'],
    ['2啦 公家条路嚟㗎', 'report'],
    ['反映问题呗 公共的', 'report'],
    ['是公共的问题 反映一下', 'report'],
    ['这算个心愿吧', 'wish'],
  ])('the kind answered in dialect %j is %s, and the answer is not added to the text', async (answer, kind) => {
    const who = someone();
    expect(textsTo(await t.say(who, '楼下那个灯坏了好几天'), who.id)[0]).toContain('哪一类');
    await t.say(who, answer);
    const receipt = textsTo(await t.say(who, '跳过'), who.id).join('\n');
    const last = /编号 #\d+/u.test(receipt) ? receipt : textsTo(await t.say(who, '冇相 我唔识影'), who.id).join('\n');
    const item = await ledgerItem(t, receiptNumber(last));
    expect(item).toMatchObject({ kind, text: '楼下那个灯坏了好几天' });
  });

  it('a request after words that asked for nothing is the draft\'s text', async () => {
    const who = someone();
    expect(textsTo(await t.say(who, '你们是哪个单位的呀'), who.id)[0]).toContain('哪一类');
    // The question again, now about the request.
    expect(textsTo(await t.say(who, '我想要个老年手机 字大点的'), who.id)[0]).toMatch(/老年手机[\s\S]*哪一类/u);
    await t.say(who, '1');
    const receipt = textsTo(await t.say(who, '跳过'), who.id).join('\n');
    const last = /编号 #\d+/u.test(receipt) ? receipt : textsTo(await t.say(who, '没有'), who.id).join('\n');
    expect(await ledgerItem(t, receiptNumber(last))).toMatchObject({ kind: 'wish', text: '我想要个老年手机 字大点的' });
  });

  it('"2 还是3栋2单元那个灯" answers the kind and the place at once', async () => {
    const who = someone();
    expect(textsTo(await t.say(who, '那个灯又不亮了 就昨天晚上'), who.id)[0]).toContain('哪一类');
    const next = textsTo(await t.say(who, '2 还是3栋2单元那个灯'), who.id).join('\n');
    expect(next).not.toContain('在哪里');
    const item = await ledgerItem(t, receiptNumber(textsTo(await t.say(who, '冇'), who.id).join('\n')));
    expect(item).toMatchObject({ kind: 'report', place: '3栋2单元' });
  });

  it.each([
    ['不是 不用登记 我就是说声谢谢', '不客气！有需要随时找我。'],
    ['不是新的 我说的是7号的进展', '好的，已取消，这条没有登记。'],
  ])('%j to "这是哪一类？" files nothing', async (answer, first) => {
    const who = someone();
    expect(textsTo(await t.say(who, '楼下那家装修的事有点麻烦'), who.id)[0]).toContain('哪一类');
    // What follows ("7号的进展") may get its own answer after this one; thanks are answered as thanks.
    expect(textsTo(await t.say(who, answer), who.id)[0]).toBe(first);
    expect(textsTo(await t.say(who, '2'), who.id).join('')).not.toContain('照片');
  });

  it('"就是那个我们小区东门那个垃圾桶…" is filed at 小区东门', async () => {
    const who = someone();
    await t.say(who, '反映 就是那个我们小区东门那个垃圾桶啊已经三天没人来收了');
    const item = await ledgerItem(t, receiptNumber(textsTo(await t.say(who, '没有'), who.id).join('\n')));
    expect(item.place).toBe('小区东门');
  });

  it.each([
    ['七栋跟八栋中间那条小路上', '七栋跟八栋中间那条小路上'],
    ['就在9号楼和10号楼中间', '9号楼和10号楼中间'],
  ])('the answer to "在哪里？" %j is kept from where its place begins', async (answer, place) => {
    const who = someone();
    expect(textsTo(await t.say(who, '反映 路灯坏了好几天了'), who.id).join('\n')).toContain('哪里');
    await t.say(who, answer);
    const item = await ledgerItem(t, receiptNumber(textsTo(await t.say(who, '没有'), who.id).join('\n')));
    expect(item.place).toBe(place);
  });

  it('free text in a direct chat: the kind is asked, then only the photo', async () => {
    const who = someone();
    expect(textsTo(await t.say(who, '6号楼那几个灯坏了好几个'), who.id)[0]).toContain('哪一类');
    expect(textsTo(await t.say(who, '2'), who.id)[0]).toContain('照片');
    const id = receiptNumber(textsTo(await t.say(who, '不用了'), who.id)[0]!);
    expect((await ledgerItem(t, id)).place).toBe('6号楼');
  });

  it('the group post shows the place of a report', async () => {
    const who = someone();
    await t.say(who, '反映 3号楼东门的路灯坏了');
    const r = await t.say(who, '跳过');
    expect(textsTo(r, group).join('\n')).toContain('地点：3号楼东门');
  });
});

describe('skipping is never content', () => {
  const skips = ['跳过', '跳过吧', '没有', '没有照片', '不用了', '算了', '不发了', '没有，就这样吧', '不用了谢谢'];

  it.each(skips)('"%s" to the photo question files the report as written', async (skip) => {
    const who = someone();
    await t.say(who, '反映 3号楼楼道的灯坏了');
    const r = await t.say(who, skip);
    const id = receiptNumber(textsTo(r, who.id)[0]!);
    const item = await ledgerItem(t, id);
    expect(item.text).toBe('3号楼楼道的灯坏了');
    expect(item.text).not.toContain('补充');
    expect(textsTo(r, group).join('\n')).not.toContain(skip);
  });

  it.each(['跳过', '跳过吧', '不知道', '说不清'])('"%s" to the place question leaves the place empty', async (skip) => {
    const who = someone();
    await t.say(who, '反映 楼道里的灯坏了');
    expect(textsTo(await t.say(who, skip), who.id)[0]).toContain('照片');
    const r = await t.say(who, '没有');
    const item = await ledgerItem(t, receiptNumber(textsTo(r, who.id)[0]!));
    expect(item.place).toBeNull();
    expect(textsTo(r, group).join('\n')).not.toContain('地点');
  });

  it('words at the photo question that add something are kept as 补充', async () => {
    const who = someone();
    await t.say(who, '反映 3号楼楼道的灯坏了');
    const r = await t.say(who, '晚上特别黑，老人上下楼不方便');
    const item = await ledgerItem(t, receiptNumber(textsTo(r, who.id)[0]!));
    expect(item.text).toBe('3号楼楼道的灯坏了\n补充：晚上特别黑，老人上下楼不方便');
  });

  it.each(['取消', '不要了', '算了不报了', '不反映了'])('"%s" drops the draft and files nothing', async (cancel) => {
    const who = someone();
    const before = (await t.api('GET', '/api/items?limit=1000')).body.items.length;
    await t.say(who, '楼下有辆车挡着消防通道');
    expect(textsTo(await t.say(who, cancel), who.id)[0]).toContain('已取消');
    expect((await t.api('GET', '/api/items?limit=1000')).body.items).toHaveLength(before);
  });
});

describe('photos and locations', () => {
  it('a location answers the place question; a photo answers the photo question', async () => {
    const who = someone();
    await t.say(who, '反映 路灯坏了');
    const asked = await t.say(who, '', { location: { label: '地点社区健身广场', latitude: 31.2, longitude: 121.4 } });
    expect(textsTo(asked, who.id)[0]).toContain('照片');
    const r = await t.say(who, '', { photos: ['media-1'] });
    const item = await ledgerItem(t, receiptNumber(textsTo(r, who.id)[0]!));
    expect(item).toMatchObject({ place: '地点社区健身广场', photos: ['media-1'], text: '路灯坏了' });
  });

  it('a photo sent alone soon after a receipt is added to that item', async () => {
    const who = someone();
    await t.say(who, '反映 3号楼东门的路灯坏了');
    const id = receiptNumber(textsTo(await t.say(who, '没有'), who.id)[0]!);
    const r = await t.say(who, '', { photos: ['media-2'] });
    expect(textsTo(r, who.id)).toEqual([`照片已补充到 #${id}。`]);
    const item = await ledgerItem(t, id);
    expect(item.photos).toEqual(['media-2']);
    expect(item.events.map((e) => e.type)).toContain('photo_added');
  });
});

describe('a wish keeps its address private', () => {
  it('takes the address from the text, files it, and never shows it in the group', async () => {
    const who = someone();
    const r = await t.say(who, '心愿 想请人帮忙修水龙头，住5号楼2单元301', { in: group });
    const id = receiptNumber(textsTo(r, group)[0]!);
    expect((await ledgerItem(t, id)).place).toBe('5号楼2单元301');
    expect(textsTo(r, group).join('\n')).not.toContain('301');
    const status = textsTo(await t.say(someone(), `查询 ${id}`, { in: group }), group).join('\n');
    expect(status).toContain(`#${id}`);
    expect(status).not.toContain('5号楼2单元301');
    expect(status).not.toMatch(/地址：/u);
    // Its submitter sees it in their direct chat.
    expect(textsTo(await t.say(who, `查询 ${id}`), who.id).join('\n')).toContain('地址：5号楼2单元301');
  });
});

describe('small talk starts nothing', () => {
  it('a greeting gets the welcome; "好的" after a receipt gets no answer; 取消 with nothing open says so', async () => {
    const who = someone();
    expect(textsTo(await t.say(who, '你好'), who.id)[0]).toMatch(/^您好，我是连心小助手。/u);
    await t.say(who, '反映 3号楼东门的路灯坏了');
    await t.say(who, '没有');
    const before = (await t.api('GET', '/api/items?limit=1000')).body.items.length;
    expect((await t.say(who, '好的')).replies).toEqual([]);
    expect((await t.say(who, '嗯嗯')).replies).toEqual([]);
    expect(textsTo(await t.say(who, '取消'), who.id)).toEqual(['好的。现在没有正在登记的事，有需要直接告诉我就行。']);
    expect((await t.api('GET', '/api/items?limit=1000')).body.items).toHaveLength(before);
  });

  it('"您好 请问是社区吗" gets the welcome and files nothing', async () => {
    const who = someone();
    expect(textsTo(await t.say(who, '您好 请问是社区吗'), who.id)[0]).toMatch(/^您好，我是连心小助手。/u);
  });

  it.each(['😭😭😭', '🔥🔥', '😀', '🙏'])('"%s" as a newcomer\'s first message gets the welcome; later, emoji alone is an acknowledgement', async (emoji) => {
    const who = someone();
    expect(textsTo(await t.say(who, emoji), who.id)[0]).toMatch(/^您好，我是连心小助手。/u);
    await t.say(who, '反映 3号楼东门的路灯坏了');
    await t.say(who, '没有');
    const before = (await t.api('GET', '/api/items?limit=1000')).body.items.length;
    expect((await t.say(who, emoji)).replies).toEqual([]);
    expect((await t.api('GET', '/api/items?limit=1000')).body.items).toHaveLength(before);
  });

  it('"好的" to a question asks it again, and files a draft that only waits for a photo', async () => {
    const who = someone();
    await t.say(who, '那个灯坏了');
    expect(textsTo(await t.say(who, '好的'), who.id)[0]).toContain('哪一类');
    expect(textsTo(await t.say(who, '2'), who.id)[0]).toContain('在哪里');
    expect(textsTo(await t.say(who, '好的'), who.id)[0]).toContain('在哪里');
    expect(textsTo(await t.say(who, '7号楼'), who.id)[0]).toContain('照片');
    const item = await ledgerItem(t, receiptNumber(textsTo(await t.say(who, '好的'), who.id)[0]!));
    expect(item).toMatchObject({ text: '那个灯坏了', place: '7号楼' });
  });

  it('"算了" before anything is filed drops the draft', async () => {
    const who = someone();
    await t.say(who, '那个事想跟你们说一下');
    expect(textsTo(await t.say(who, '算了'), who.id)).toEqual(['好的，已取消，这条没有登记。']);
  });
});
