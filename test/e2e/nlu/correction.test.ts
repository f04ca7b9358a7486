import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: "刚才说错了 是5号不是3号". A claim of the wrong item goes back and the right one is
// claimed; a completion said of the wrong item is taken back by its holder.

const group = 'g-correction';
const wang = { id: 'wang-correction', name: '王秀英' };
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '改正社区', group));
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
    await t.say(li, `认领 ${a}`, { in: group });
    await t.say(li, `哎呀 不是${a}号 是${b}号`, { in: group });
    expect((await ledgerItem(t, a)).status).toBe('open');
    expect((await ledgerItem(t, b)).status).toBe('claimed');
  });

  it('a completion said of the wrong item: taken back (its submitter told) and said of the meant one', async () => {
    const a = await newItem(t, wang, '心愿 帮忙换个灯泡', group);
    const b = await newItem(t, wang, '心愿 帮忙搬个柜子', group);
    await t.say(li, `认领 ${a}`);
    await t.say(li, `认领 ${b}`);
    await t.say(li, `完成 ${a} 换好了`);
    const r = await t.say(li, `刚才说错了 是${b}号不是${a}号`);
    expect(textsTo(r, li.id).join('\n')).toContain(`#${a} 的办结已撤回`);
    expect(textsTo(r, wang.id).join('\n')).toContain(`#${a} 刚才的“已办结”是志愿者说错了`);
    expect((await ledgerItem(t, a)).status).toBe('claimed');
    const meant = await ledgerItem(t, b);
    expect(meant.status).toBe('done');
    expect(meant.events.at(-1)).toMatchObject({ type: 'done', note: '换好了' });
  });

  it('"还没修好 先别算完成" from the holder takes back a completion of a moment ago', async () => {
    const a = await newItem(t, wang, '心愿 帮忙修水龙头', group);
    await t.say(li, `认领 ${a}`);
    await t.say(li, `${a}号修好了`);
    await t.say(li, `刚才说错了 ${a}号还没修好 只是零件买到了 下午才去换 先别算完成`);
    expect((await ledgerItem(t, a)).status).toBe('claimed');
    // The submitter's answer to the done notice no longer confirms anything.
    await t.say(wang, '好的 谢谢');
    expect((await ledgerItem(t, a)).status).toBe('claimed');
  });

  it('"打错了 是N号" right after a refused claim: the claim, on the number meant', async () => {
    const a = await newItem(t, wang, '心愿 帮忙买两斤鸡蛋', group);
    const b = await newItem(t, wang, '心愿 帮忙买一袋米', group);
    await t.say(zhao, `认领 ${a}`);
    const refused = await t.say(li, `认领 ${a}`);
    expect(textsTo(refused, li.id).join('\n')).toContain(`#${a}`);
    await t.say(li, `打错了 是${b}号`);
    expect((await ledgerItem(t, b)).status).toBe('claimed');
    expect((await ledgerItem(t, b)).claimantId).not.toBe((await ledgerItem(t, a)).claimantId);
  });

  it('"打错了 是N号" after a number that is no item ("认领 9999"): the claim, on the number meant', async () => {
    const b = await newItem(t, wang, '心愿 帮忙取一下快递柜的包裹', group);
    await t.say(li, '认领 9999');
    await t.say(li, `打错了 是${b}号`);
    expect((await ledgerItem(t, b)).status).toBe('claimed');
  });

  it('"我说错了" alone starts nothing new and asks for the right number', async () => {
    const before = (await t.api('GET', '/api/items')).body;
    const r = await t.say(li, '我说错了');
    expect(textsTo(r, li.id).join('\n')).toContain('正确的编号');
    expect((await t.api('GET', '/api/items')).body).toEqual(before);
  });
});
