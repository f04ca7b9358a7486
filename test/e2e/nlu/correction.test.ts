import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: "刚才说错了 是5号不是3号". A claim of the wrong item goes back and the right one is
// claimed; a step its author cannot take back gets an answer that says who can.

const group = 'g-correction';
const wang = { id: 'wang-correction', name: '王秀英' };
let t: TestApp;
let li: SimPerson;

beforeAll(async () => {
  t = await startTestApp();
  ({ li } = await communityWithPeople(t, '改正社区', group));
});
afterAll(() => t.close());

describe('a slip put right', () => {
  it('a claim of the wrong item: that one back to open, the meant one claimed', async () => {
    const a = await newItem(t, wang, '心愿 帮忙取个快递', group);
    const b = await newItem(t, wang, '心愿 帮忙买袋米', group);
    await t.say(li, `认领 ${a}`);
    const r = await t.say(li, `刚才说错了 是${b}号不是${a}号`);
    expect((await ledgerItem(t, a)).status).toBe('open');
    const meant = await ledgerItem(t, b);
    expect(meant.status).toBe('claimed');
    expect(textsTo(r, li.id).join('\n')).toContain(`您认领了 #${b}`);
  });

  it('in the group, without @, from the person who just acted', async () => {
    const a = await newItem(t, wang, '心愿 帮忙修个凳子', group);
    const b = await newItem(t, wang, '心愿 帮忙贴个春联', group);
    await t.say(li, `认领 ${a}`, group);
    await t.say(li, `哎呀 不是${a}号 是${b}号`, group);
    expect((await ledgerItem(t, a)).status).toBe('open');
    expect((await ledgerItem(t, b)).status).toBe('claimed');
  });

  it('a completion said of the wrong item is not undone by its author: the answer says who can', async () => {
    const a = await newItem(t, wang, '心愿 帮忙换个灯泡', group);
    const b = await newItem(t, wang, '心愿 帮忙搬个柜子', group);
    await t.say(li, `认领 ${a}`);
    await t.say(li, `认领 ${b}`);
    await t.say(li, `完成 ${a}`);
    const r = await t.say(li, `刚才说错了 是${b}号不是${a}号`);
    const said = textsTo(r, li.id).join('\n');
    expect(said).toContain('干部');
    expect(said).toContain(`#${b}`);
    expect((await ledgerItem(t, a)).status).toBe('done');
    expect((await ledgerItem(t, b)).status).toBe('claimed');
  });

  it('"我说错了" alone starts nothing new and asks for the right number', async () => {
    const before = (await t.api('GET', '/api/items')).body;
    const r = await t.say(li, '我说错了');
    expect(textsTo(r, li.id).join('\n')).toContain('正确的编号');
    expect((await t.api('GET', '/api/items')).body).toEqual(before);
  });
});
