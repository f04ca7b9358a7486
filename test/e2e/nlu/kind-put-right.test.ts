import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerItem, receiptNumber, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: "选错了，应该是问题反映" — a resident who chose the wrong kind, before or after the
// receipt, and an official putting it right; "帮我拆成两条" answered with what to do.

const group = 'g-kind-put-right';
const other = 'g-kind-other';
let t: TestApp;
const official = { id: 'kind-official', name: '周书记' };
const volunteer = { id: 'kind-volunteer', name: '马建军' };
const elsewhere = { id: 'kind-official-2', name: '钱主任' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '改类社区', group);
  const d = await setUpCommunity(t, '隔壁社区', other);
  await t.say(official, `报到 ${c.officialCode}`);
  await t.say(volunteer, `报到 ${c.memberCode}`);
  await t.say(elsewhere, `报到 ${d.officialCode}`);
});
afterAll(() => t.close());

const items = async () => (await t.api('GET', '/api/items')).body.items as Array<{ id: number }>;

describe('the kind put right', () => {
  it('while asked for the address: the report questions follow, and the receipt says 问题反映', async () => {
    const who = { id: 'kind-res-1', name: '王秀英' };
    const asked = textsTo(await t.say(who, '那个灯坏了好几天了'), who.id).join('\n');
    expect(asked).toContain('哪一类');
    const address = textsTo(await t.say(who, '1'), who.id).join('\n');
    if (/哪个社区/u.test(address)) await t.say(who, '改类社区');
    const fixed = textsTo(await t.say(who, '选错了，应该是问题反映'), who.id).join('\n');
    expect(fixed).toContain('改为问题反映');
    expect(fixed).toMatch(/在哪里|地点/u);
    expect(textsTo(await t.say(who, '3号楼2单元'), who.id).join('\n')).toContain('照片');
    const receipt = textsTo(await t.say(who, '没有'), who.id).join('\n');
    expect(receipt).toContain('问题反映');
    const item = await ledgerItem(t, receiptNumber(receipt));
    expect(item.kind).toBe('report');
    expect(item.place).toBe('3号楼2单元');
    expect(item.category).not.toBeNull();
  });

  it('after the receipt: the newest request changes kind, once, on its timeline', async () => {
    const who = { id: 'kind-res-2', name: '李国庆' };
    const receipt = textsTo(await t.say(who, '心愿 帮我换个灯泡 5栋301', { in: group }), group).join('\n');
    const id = receiptNumber(receipt);
    const before = (await items()).length;
    expect(textsTo(await t.say(who, '说错了 是问题反映'), who.id).join('\n')).toContain(`#${id} 改为问题反映`);
    let item = await ledgerItem(t, id);
    expect(item.kind).toBe('report');
    expect(item.category).toBe('基础设施');
    expect(textsTo(await t.say(who, '改成心愿吧'), who.id).join('\n')).toContain(`#${id} 改为微心愿`);
    expect(textsTo(await t.say(who, '改成心愿吧'), who.id).join('\n')).toContain('已经是微心愿');
    item = await ledgerItem(t, id);
    expect(item.kind).toBe('wish');
    expect(item.category).toBeNull();
    expect(item.events.filter((e) => e.type === 'kind_changed').map((e) => e.note)).toEqual(['问题反映', '微心愿']);
    expect((await items()).length).toBe(before);
  });

  it('by an official: the submitter and the volunteer holding it are told; others are refused with the reason', async () => {
    const who = { id: 'kind-res-3', name: '赵桂兰' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 小区东门的路灯不亮了', { in: group }), group).join('\n'));
    await t.say(volunteer, `认领 ${id}`);
    const refusedOther = textsTo(await t.say(elsewhere, `${id}号改为问题反映`), elsewhere.id).join('\n');
    expect(refusedOther).toContain('不属于您所在的社区');
    // A neighbour cannot change someone else's request.
    const neighbour = { id: 'kind-res-4', name: '孙大爷' };
    expect(textsTo(await t.say(neighbour, `${id}号改为问题反映`), neighbour.id).join('\n')).toMatch(/社区干部/u);
    expect((await ledgerItem(t, id)).kind).toBe('wish');
    const reply = await t.say(official, `${id}号改为问题反映`);
    expect(textsTo(reply, official.id).join('\n')).toContain(`#${id} 改为问题反映`);
    expect(textsTo(reply, who.id).join('\n')).toContain(`#${id} 改为问题反映`);
    expect(textsTo(reply, volunteer.id).join('\n')).toContain(`#${id} 改为问题反映`);
    expect((await ledgerItem(t, id)).kind).toBe('report');
  });

  it('"帮我拆成两条" says how, and files nothing', async () => {
    const who = { id: 'kind-res-5', name: '刘阿姨' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 帮忙修下水龙头再帮我看看电视 6栋202', { in: group }), group).join('\n'));
    const before = (await items()).length;
    const reply = textsTo(await t.say(who, '帮我拆成两条'), who.id).join('\n');
    expect(reply).toContain('单独发一条');
    expect(reply).toContain(`#${id}`);
    expect((await items()).length).toBe(before);
  });
});
