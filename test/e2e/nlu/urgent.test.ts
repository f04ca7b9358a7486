import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, DAY } from '../../../src/core/clock.ts';
import { communityWithPeople, ledgerItem, receiptNumber } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §2: an emergency gets its receipt first, naming whom to call; officials and the item's
// grid hear at once, quiet hours or not; urgent items lead every list; officials set and clear it.

const group = 'g-urgent';
const wang = { id: 'wang', name: '王秀英' };
const sun = { id: 'sun', name: '孙大爷' };
const zhou = { id: 'zhou', name: '周志愿' };
const clock = fixedClock('2026-11-10T13:30:00Z'); // Tuesday 21:30: quiet hours
let t: TestApp;
let people: Awaited<ReturnType<typeof communityWithPeople>>;

beforeAll(async () => {
  t = await startTestApp({ env: { QUIET_HOURS: '21:00-08:00', HOTLINE_GAS: '96777' }, overrides: { clock } });
  people = await communityWithPeople(t, '平安社区', group);
  // A grid with its volunteer, and a resident who lives in it.
  await t.say(zhou, `报到 ${people.memberCode}`);
  await t.say(wang, '帮助');
  const gridId = (await t.app.db.get<{ id: number }>(
    'INSERT INTO grids (community_id, name, created_at) VALUES (?, ?, ?) RETURNING id',
    [people.communityId, '第一网格', clock.now()],
  ))!.id;
  await t.app.db.run('UPDATE people SET grid_id = ? WHERE platform_user_id IN (?, ?)', [gridId, wang.id, zhou.id]);
});
afterAll(() => t.close());

describe('an emergency in a direct chat', () => {
  let id = 0;
  it('gets the receipt first, with what to do and the gas company number, and no question before it', async () => {
    const r = await t.say(wang, '紧急！5号楼一楼有很大的煤气味');
    const toWang = textsTo(r, wang.id);
    expect(toWang).toHaveLength(1);
    const lines = toWang[0]!.split('\n');
    expect(lines[0]).toBe('请不要开关电器、不要点火，打开门窗，到室外拨打燃气抢修电话 96777。');
    expect(lines[1]).toMatch(/^已登记为紧急事项，编号 #\d+/u);
    expect(toWang[0]).not.toContain('哪一类');
    expect(toWang[0]).not.toContain('24 小时');
    id = receiptNumber(toWang[0]!);
    const item = await ledgerItem(t, id);
    expect(item).toMatchObject({ kind: 'report', priority: 'urgent', place: '5号楼一楼', status: 'open' });
  });

  it('alerts the officials with the name, and the grid’s volunteer with the name masked, at once in quiet hours', async () => {
    const alerts = await t.app.db.all<{ targetId: string; text: string; scheduled: boolean; status: string }>(
      "SELECT target_id, text, scheduled, status FROM outbox_messages WHERE text LIKE '%紧急%' AND target_type = 'user' ORDER BY id",
    );
    const toZhao = alerts.find((a) => a.targetId === people.zhao.id)!;
    expect(toZhao.text).toContain(`【紧急】#${id}`);
    expect(toZhao.text).toContain('王秀英');
    expect(toZhao.text).toContain('已提醒居民拨打：燃气抢修');
    const toZhou = alerts.find((a) => a.targetId === zhou.id)!;
    expect(toZhou.text).toContain(`【紧急 #${id}】`);
    expect(toZhou.text).not.toContain('王秀英');
    // Not scheduled pushes: they do not wait for 08:00.
    expect(alerts.every((a) => !a.scheduled)).toBe(true);
    await t.settle();
    const sent = await t.app.db.all<{ status: string }>(
      "SELECT status FROM outbox_messages WHERE target_id IN (?, ?) AND text LIKE '%紧急%'",
      [people.zhao.id, zhou.id],
    );
    expect(sent.map((s) => s.status)).toEqual(['sent', 'sent']);
  });

  it.each([
    ['快来人，3号楼有人摔倒了，叫不应', '120'],
    ['2单元楼道着火了，冒黑烟', '119'],
    ['电梯困人了，我妈被关在里面', '119'],
    ['家里插座冒火花了，有点烧焦的味道', '95598'],
  ])('"%s" names %s', async (text, number) => {
    const r = textsTo(await t.say(sun, text), sun.id)[0]!;
    expect(r.split('\n')[0]).toContain(number);
    expect(r).toContain('已登记为紧急事项');
  });

  it('without a place it asks where, then passes the place to the officials, then asks for a phone', async () => {
    const r = await t.say(wang, '紧急，有人晕倒了');
    const receipt = textsTo(r, wang.id)[0]!;
    expect(receipt).toContain('具体在哪里');
    const id2 = receiptNumber(receipt);
    const place = await t.say(wang, '就在3号楼楼下');
    expect(textsTo(place, wang.id)[0]).toContain('已转告社区');
    expect(textsTo(place, wang.id)[0]).toContain('方便留个电话吗？不留也可以');
    expect(textsTo(place, people.zhao.id)[0]).toBe(`【紧急】#${id2} 的地点：3号楼楼下`);
    expect((await ledgerItem(t, id2)).place).toBe('3号楼楼下');
    const phone = await t.say(wang, '13912345678');
    expect(textsTo(phone, wang.id)[0]).toContain('电话记下了');
    expect(textsTo(phone, people.zhao.id)[0]).toContain('13912345678');
  });
});

describe('an emergency in a group', () => {
  it('is answered even when nobody @-mentions the bot, and filed as urgent', async () => {
    const r = await t.say(sun, '5号楼冒黑烟了！', { in: group });
    const reply = textsTo(r, group)[0]!;
    expect(reply).toMatch(/^孙\*，请立即拨打 119/u);
    const id = receiptNumber(reply);
    expect((await ledgerItem(t, id)).priority).toBe('urgent');
    expect(textsTo(r, people.zhao.id)[0]).toContain('【紧急】');
  });

  it('but 火锅, 煤气费 and a past fall are no emergency and no business of the bot', async () => {
    for (const text of ['今晚吃火锅', '煤气费怎么交', '去年有人在这里摔倒过']) {
      expect((await t.say(sun, text, { in: group })).replies).toEqual([]);
    }
  });
});

describe('urgent items lead every list', () => {
  it('待认领, the nudge and the escalation list them first; officials set and clear the priority', async () => {
    const li = people.li;
    // A fresh community, so that only these items are listed.
    const other = await communityWithPeople(t, '排序社区', 'g-order');
    const resident = { id: 'order-r', name: '吴阿姨' };
    const ids: number[] = [];
    for (const text of ['心愿 帮忙买米', '心愿 帮忙取快递', '心愿 帮忙挂窗帘']) {
      ids.push(receiptNumber(textsTo(await t.say(resident, text, { in: 'g-order' }), 'g-order')[0]!));
    }
    const list = async () => textsTo(await t.say(li, '待认领', { in: 'g-order' }), 'g-order')[0]!.split('\n');
    expect((await list())[1]).toContain(`#${ids[0]}`);

    const set = await t.say(other.zhao, `优先 ${ids[2]} 紧急`);
    expect(textsTo(set, other.zhao.id)[0]).toContain('已标为紧急');
    expect((await list())[1]).toBe(`【紧急】#${ids[2]} 微心愿「帮忙挂窗帘」`);
    expect((await ledgerItem(t, ids[2]!)).events.at(-1)).toMatchObject({ type: 'prioritized', note: 'urgent' });

    clock.set(new Date(clock.now().getTime() + 4 * DAY));
    clock.set('2026-11-16T09:00:00Z'); // Monday 17:00
    const nudge = (await t.api('POST', '/api/jobs/group-nudge/run')).body.posted.find((p: { conversationId: string }) => p.conversationId === 'g-order');
    expect(nudge.text.split('\n')[1]).toMatch(new RegExp(`^【紧急】#${ids[2]} `, 'u'));
    const escalation = (await t.api('POST', '/api/jobs/escalation/run')).body.posted.find((p: { conversationId: string }) => p.conversationId === other.zhao.id);
    const lines = escalation.text.split('\n');
    expect(lines[lines.findIndex((l: string) => l.startsWith('超过 3 天没人认领')) + 1]).toContain(`【紧急】#${ids[2]}`);

    expect(textsTo(await t.say(other.zhao, `优先 ${ids[2]} 普通`), other.zhao.id)[0]).toContain('普通');
    expect((await list())[1]).toContain(`#${ids[0]}`);
    expect((await ledgerItem(t, ids[2]!)).priority).toBe('normal');
  });
});

describe('an emergency while a draft is open', () => {
  const itemLike = (words: string) => t.app.db.all<{ text: string; place: string | null; priority: string }>('SELECT text, place, priority FROM items WHERE text LIKE ?', [`%${words}%`]);

  it('is a report of its own: an unanswered draft does not lend it its words or place', async () => {
    const who = { id: 'em-1', name: '钱阿姨' };
    expect(textsTo(await t.say(who, '@连心 东门那垃圾整完了 挺干净 给你们点个赞', { in: group }), group).join('')).toContain('哪一类');
    await t.say(who, '@连心 电梯又坏了 困了人在里面 12栋 快派人来', { in: group });
    expect(await itemLike('电梯又坏了')).toEqual([{ text: '电梯又坏了 困了人在里面 12栋 快派人来', place: '12栋', priority: 'urgent' }]);
    // The praise was never filed.
    expect(await itemLike('垃圾整完了')).toEqual([]);
  });

  it('files a draft being completed as it stands, then the emergency apart', async () => {
    const who = { id: 'em-2', name: '李叔' };
    expect(textsTo(await t.say(who, '反映 3号楼东门的路灯坏了', { in: group }), group).join('')).toContain('照片');
    await t.say(who, '@连心 楼下着火了 5号楼 快来人', { in: group });
    expect(await itemLike('楼下着火了')).toEqual([{ text: '楼下着火了 5号楼 快来人', place: '5号楼', priority: 'urgent' }]);
    expect(await itemLike('3号楼东门的路灯')).toEqual([{ text: '3号楼东门的路灯坏了', place: '3号楼东门', priority: 'normal' }]);
  });
});

describe('紧急 as a word of a setting or a list', () => {
  it('"…9号 设成紧急" sets the priority and "所有紧急的事项给我列一下" lists; neither files an emergency', async () => {
    const { zhao } = people;
    const before = (await t.app.db.get<{ n: number }>("SELECT count(*) AS n FROM items WHERE priority = 'urgent'"))!.n;
    const who = { id: 'set-1', name: '吴大姐' };
    await t.say(who, '@连心 反映 北广场的单杠松了', { in: group });
    const id = receiptNumber(textsTo(await t.say(who, '@连心 没有', { in: group }), group).join('\n'));
    await t.say(zhao, `北广场单杠那个${id}号 设成紧急 有小孩差点摔了`);
    expect((await ledgerItem(t, id)).priority).toBe('urgent');
    const listed = textsTo(await t.say(zhao, '所有紧急的事项给我列一下'), zhao.id).join('\n');
    expect(listed).toContain(`#${id}`);
    const after = (await t.app.db.get<{ n: number }>("SELECT count(*) AS n FROM items WHERE priority = 'urgent'"))!.n;
    expect(after).toBe(before + 1);
  });
});
