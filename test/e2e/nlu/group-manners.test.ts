import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, HOUR } from '../../../src/core/clock.ts';
import { communityWithPeople, ledgerItem, receiptNumber } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §4: in a group the bot answers only what is addressed to it, its questions name the
// person they are for, one dialogue per person per conversation, drafts expire after a day.

const group = 'g-manners';
const wang = { id: 'wang', name: '王秀英' };
const sun = { id: 'sun', name: '孙大爷' };
const clock = fixedClock('2026-11-10T02:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ overrides: { clock } });
  await communityWithPeople(t, '礼貌社区', group);
});
afterAll(() => t.close());

describe('only what is addressed to the bot', () => {
  it.each(['赵大爷说的对', '哈哈哈', '好的', '收到', '+1', '确认', '明天几点开会？', '谢谢大家', '15号我正在上班', '12号正在下雨', '15号楼门口集合'])('"%s" between residents gets nothing', async (text) => {
    expect((await t.say(sun, text, { in: group })).replies).toEqual([]);
  });

  it('a command, a mention, and the answer of the person asked do', async () => {
    expect(textsTo(await t.say(sun, '待认领', { in: group }), group)[0]).toBeDefined();
    const asked = textsTo(await t.say(wang, '@连心 那个灯又坏了', { in: group }), group)[0]!;
    expect(asked).toMatch(/^王\*，收到：“那个灯又坏了”/u);
    // Someone else's "2" is not the answer: the bot asked 王秀英.
    expect((await t.say(sun, '2', { in: group })).replies).toEqual([]);
    const place = textsTo(await t.say(wang, '2', { in: group }), group)[0]!;
    expect(place).toMatch(/^王\*，问题在哪里？/u);
    expect(place).not.toContain('王秀英');
  });
});

describe('one dialogue per person per conversation', () => {
  it('two residents talk to the bot in the same group at once, each asked by name', async () => {
    const a = { id: 'a1', name: '钱阿姨' };
    const b = { id: 'b1', name: '郑大爷' };
    expect(textsTo(await t.say(a, '@连心 6号楼那个门不动了', { in: group }), group)[0]).toMatch(/^钱\*，收到/u);
    expect(textsTo(await t.say(b, '@连心 柜子太沉了', { in: group }), group)[0]).toMatch(/^郑\*，收到/u);
    // A home address is never asked for in a group: 郑大爷's wish is filed, the phone asked privately.
    const rb = await t.say(b, '1', { in: group });
    const idB = receiptNumber(textsTo(rb, group)[0]!);
    expect(textsTo(rb, group)[0]).toMatch(/^郑\*，已收到/u);
    expect(textsTo(rb, group).join('\n')).not.toMatch(/地址|电话/u);
    expect(textsTo(rb, b.id)[0]).toContain('方便留个电话吗');
    expect(await ledgerItem(t, idB)).toMatchObject({ kind: 'wish', text: '柜子太沉了', place: null });
    expect(textsTo(await t.say(a, '2', { in: group }), group)[0]).toMatch(/^钱\*，有照片/u);
    const ra = await t.say(a, '没有', { in: group });
    const idA = receiptNumber(textsTo(ra, group)[0]!);
    expect(textsTo(ra, group)[0]).toMatch(/^钱\*，已登记/u);
    expect(await ledgerItem(t, idA)).toMatchObject({ kind: 'report', text: '6号楼那个门不动了', place: '6号楼' });
  });

  it('the same person has one draft in the group and another in their direct chat', async () => {
    const c = { id: 'c1', name: '冯奶奶' };
    // Both kinds plain from the words: each draft goes on to its own next question.
    const inGroup = textsTo(await t.say(c, '@连心 垃圾桶满了', { in: group }), group)[0]!;
    const inDirect = textsTo(await t.say(c, '想请人帮忙买菜'), c.id)[0]!;
    expect(inDirect).toContain('地址');
    expect(inGroup).toMatch(/^冯\*，收到：“垃圾桶满了”[\s\S]*问题在哪里/u);
    expect(textsTo(await t.say(c, '2号楼下'), c.id)[0]).toContain('编号');
    expect(textsTo(await t.say(c, '3号楼门口', { in: group }), group)[0]).toMatch(/^冯\*，有照片/u);
  });
});

describe('drafts expire', () => {
  it('after 24 hours the draft is dropped with a short note; a bare answer starts nothing new', async () => {
    const d = { id: 'd1', name: '褚先生' };
    await t.say(d, '小区门口的路面有个大坑');
    clock.set(new Date(clock.now().getTime() + 25 * HOUR));
    const r = textsTo(await t.say(d, '2'), d.id);
    expect(r).toEqual(['您之前说的“小区门口的路面有个大坑”没有说完，超过 24 小时已作废，没有登记。需要的话请重新说一遍。']);
    const again = textsTo(await t.say(d, '小区门口的路面有个大坑'), d.id)[0]!;
    expect(again).toContain('哪一类');
  });

  it('a new matter minutes after an unanswered kind question is not glued onto the old draft', async () => {
    const e = { id: 'd-new-matter', name: '周德明' };
    await t.say(e, '满意 谢谢李师傅 另外我家厨房灯不亮');
    clock.set(new Date(clock.now().getTime() + 10 * 60_000));
    // The kitchen light was a plain wish, asked only where; the manhole minutes later is its own report,
    // and the wish is filed as it stood.
    const r = textsTo(await t.say(e, '东门口人行道井盖松动，踩上去晃，望尽快处理'), e.id).join('\n');
    expect(r).toContain('编号');
    expect(r).toContain('反映问题');
    const filed = textsTo(await t.say(e, '没有'), e.id).join('\n');
    const id = receiptNumber(filed);
    expect((await ledgerItem(t, id)).text).not.toContain('厨房灯');
    expect((await ledgerItem(t, id - 1)).text).toContain('厨房灯');
  });

  it('in a group the note names the person, and waits until they address the bot', async () => {
    const e = { id: 'e1', name: '卫老师' };
    await t.say(e, '@连心 花坛里的水管漏水', { in: group });
    clock.set(new Date(clock.now().getTime() + 25 * HOUR));
    expect((await t.say(e, '今天天气真好', { in: group })).replies).toEqual([]);
    const r = textsTo(await t.say(e, '@连心 待认领', { in: group }), group);
    expect(r[0]).toMatch(/^卫\*，您之前说的“花坛里的水管漏水”没有说完/u);
  });
});

describe('a report about neighbours in a group', () => {
  it('shows no door number in the group ("我住201 他家202 天天半夜装修")', async () => {
    const g = { id: 'g1', name: '韩阿姨' };
    await t.say(g, '@连心 反映 我住201 他家202 天天半夜装修 吵得睡不着', { in: group });
    await t.say(g, '@连心 5号楼2单元', { in: group });
    const id = receiptNumber(textsTo(await t.say(g, '@连心 没有', { in: group }), group)[0]!);
    const posted = textsTo(await t.say(sun, `查询 ${id}`, { in: group }), group).join('\n');
    expect(posted).toContain('天天半夜装修');
    expect(posted).not.toMatch(/20[12]/u);
  });

  it('a room said in Chinese numerals ("五单元三零一") is hidden as 301 is', async () => {
    const g = { id: 'g2', name: '黄大爷' };
    const id = receiptNumber(textsTo(await t.say(g, '@连心 心愿 想找人帮我理个发 十一号楼五单元三零一', { in: group }), group).join('\n'));
    const posted = textsTo(await t.say(sun, `查询 ${id}`, { in: group }), group).join('\n');
    expect(posted).toContain('理个发');
    expect(posted).not.toContain('三零一');
  });
});

describe('查询 in a group', () => {
  it('never shows an address or a phone number; the submitter sees them in a direct chat', async () => {
    const f = { id: 'f1', name: '蒋大妈' };
    const id = receiptNumber(textsTo(await t.say(f, '心愿 帮忙修窗户，住3号楼1单元502，电话13812345678'), f.id)[0]!);
    const inGroup = textsTo(await t.say(sun, `查询 ${id}`, { in: group }), group)[0]!;
    expect(inGroup).not.toContain('502');
    expect(inGroup).not.toContain('13812345678');
    expect(inGroup).toContain('138****5678');
    expect(inGroup).toContain('提出：蒋*');
    const own = textsTo(await t.say(f, `查询 ${id}`), f.id)[0]!;
    expect(own).toContain('3号楼1单元502');
    expect(own).toContain('电话：13812345678');
  });
});
