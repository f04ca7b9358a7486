import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerItem, receiptNumber, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 38: a report typed in bursts in the group kept whole; a complaint after "满意吗？"
// never closes the item; news of a trip still to come is not "done"; an official asks what one
// volunteer holds.

const group = 'g-bursts';
let t: TestApp;
const official = { id: 'burst-official', name: '张书记' };
const volunteer = { id: 'burst-volunteer', name: '孙志刚' };
const other = { id: 'burst-volunteer-2', name: '黄德福' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '连发社区', group);
  await t.say(official, `报到 ${c.officialCode}`);
  await t.say(volunteer, `报到 ${c.memberCode}`);
  await t.say(other, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

describe('a report typed in bursts', () => {
  it('in the group: every piece from the person asked is kept, a neighbour\'s laugh is not', async () => {
    const who = { id: 'burst-li', name: '李大爷' };
    const first = textsTo(await t.say(who, '@连心 那啥', { in: group }), group).join('\n');
    expect(first).toContain('哪一类');
    const second = textsTo(await t.say(who, '俺家暖气不咋热乎', { in: group }), group).join('\n');
    // The question again, now about the words that matter.
    expect(second).toMatch(/暖气[\s\S]*哪一类/u);
    // More of the same, a moment later: kept, and not asked again.
    expect(textsTo(await t.say(who, '摸着就温乎 屋里才十六度 老伴冻得直哆嗦', { in: group }), group)).toEqual([]);
    expect(textsTo(await t.say({ id: 'burst-neighbour', name: '王婶' }, '哈哈 俺家也冷', { in: group }), group)).toEqual([]);
    const receipt = textsTo(await t.say(who, '1', { in: group }), group).join('\n');
    const item = await ledgerItem(t, receiptNumber(receipt));
    expect(item.text).toBe('俺家暖气不咋热乎\n摸着就温乎 屋里才十六度 老伴冻得直哆嗦');
  });
});

describe('what a volunteer says on the way, and what the resident answers', () => {
  it('"好 七点半楼下见" is progress; the resident\'s "还没去呢咋就办结了" never confirms', async () => {
    const who = { id: 'burst-lao', name: '老刘' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 俺想找个人下礼拜二陪俺上医院复查 5栋302'), who.id).join('\n'));
    await t.say(volunteer, `认领 ${id}`);
    const news = await t.say(volunteer, `${id} 好 七点半楼下见`);
    expect(textsTo(news, volunteer.id).join('\n')).not.toContain('办结');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    // Had it been marked done, the complaint must send it back, not confirm it.
    await t.say(volunteer, `完成 ${id}`);
    const answer = textsTo(await t.say(who, '这还没去呢咋就办结了 礼拜二才去医院'), who.id).join('\n');
    expect(answer).not.toContain('已确认');
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('claimed');
    expect(item.events.map((e) => e.type)).not.toContain('confirmed');
  });

  it('an official asks what one volunteer holds', async () => {
    const who = { id: 'burst-zhao', name: '赵姐' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 帮俺老爷子剃个头 6栋101'), who.id).join('\n'));
    await t.say(other, `认领 ${id}`);
    const list = textsTo(await t.say(official, '黄德福手上现在有几件'), official.id).join('\n');
    expect(list).toContain(`#${id}`);
    expect(list).toContain('黄德福');
    expect(list).not.toContain('孙志刚');
    expect(textsTo(await t.say(official, '在办 马桂兰'), official.id).join('\n')).toContain('马桂兰 手上现在没有');
    // 先锋榜 of the week so far, for the Monday meeting.
    await t.say(other, `完成 ${id} 头剃好了`);
    const board = textsTo(await t.say(official, '这周志愿者谁干得多 排个名 周一例会表扬一下'), official.id).join('\n');
    expect(board).toContain('先锋榜');
    expect(board).toContain('黄德福 办结 1 件');
  });
});

describe('a neighbour\'s complaint about an item someone else raised', () => {
  it('"不满意 N 还在响" reaches the officials, and the item stays as it is', async () => {
    const gridWorker = { id: 'burst-grid', name: '吴迪' };
    const renter = { id: 'burst-renter', name: '陈浩' };
    await t.say(renter, '你好');
    await t.say(gridWorker, '反映 6栋电梯嘎吱嘎吱响 6栋电梯里', { in: group });
    const id = receiptNumber(textsTo(await t.say(gridWorker, '没有', { in: group }), group).join('\n'));
    await t.say(volunteer, `认领 ${id}`);
    await t.say(volunteer, `完成 ${id} 电梯公司来修了`);
    const reply = await t.say(renter, `@连心 不满意${id} 还在响 这电梯就是我反映的 网格员帮我报的`, { in: group });
    expect(textsTo(reply, group).join('\n')).toContain('已转告社区干部');
    expect(textsTo(reply, official.id).join('\n')).toMatch(new RegExp(`#${id}[\\s\\S]*还在响`, 'u'));
    expect((await ledgerItem(t, id)).status).toBe('done');
  });
});

describe('two done notices waiting', () => {
  it('"满意" confirms the newest and names the other; "都满意" confirms both', async () => {
    const elder = { id: 'burst-zhang', name: '张德明' };
    const first = receiptNumber(textsTo(await t.say(elder, '心愿 厨房水龙头滴水 3栋201'), elder.id).join('\n'));
    const second = receiptNumber(textsTo(await t.say(elder, '心愿 帮我修下门铃 3栋201'), elder.id).join('\n'));
    for (const id of [first, second]) {
      await t.say(volunteer, `认领 ${id}`);
      await t.say(volunteer, `完成 ${id} 修好了`);
    }
    const one = textsTo(await t.say(elder, '满意'), elder.id).join('\n');
    expect(one).toMatch(new RegExp(`#${first} 也办好了|#${second} 也办好了`, 'u'));
    const left = (await ledgerItem(t, first)).status === 'done' ? first : second;
    expect((await ledgerItem(t, left)).status).toBe('done');
    // The next pair: both at once.
    const third = receiptNumber(textsTo(await t.say(elder, '心愿 帮我换个灯泡 3栋201'), elder.id).join('\n'));
    for (const id of [third]) {
      await t.say(volunteer, `认领 ${id}`);
      await t.say(volunteer, `完成 ${id} 换好了`);
    }
    await t.say(elder, '都满意 谢谢');
    expect((await ledgerItem(t, left)).status).toBe('confirmed');
    expect((await ledgerItem(t, third)).status).toBe('confirmed');
  });
});

describe('asked for a photo', () => {
  it('"咋发给你啊" gets how, and the report still waits for the photo', async () => {
    const who = { id: 'burst-zhao-2', name: '赵春梅' };
    await t.say(who, '反映 8号楼后边一大堆装修垃圾没人清');
    const how = textsTo(await t.say(who, '拍了 在手机里呢 咋发给你啊'), who.id).join('\n');
    expect(how).toContain('照片');
    expect(how).not.toContain('编号');
    const receipt = textsTo(await t.say(who, '', { photos: ['photo-1'] }), who.id).join('\n');
    const item = await ledgerItem(t, receiptNumber(receipt));
    expect(item.text).not.toContain('咋发');
    expect(item.photos.length).toBe(1);
  });
});
