import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: "认领12和13", "12号完成了 13号也完成了" — one message, a command for each item. One
// refused (taken already) leaves the others done and says which one and why.

const group = 'g-several';
const wang = { id: 'wang-several', name: '王秀英' };
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let ids: number[];

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '多件社区', group));
  ids = [];
  for (const text of ['心愿 帮忙买点菜', '心愿 想学用智能手机', '心愿 帮忙取个快递', '心愿 陪我去趟医院']) ids.push(await newItem(t, wang, text, group));
});
afterAll(() => t.close());

describe('several items in one message', () => {
  it('a list of numbers with one verb claims each', async () => {
    const [a, b] = ids as [number, number];
    const r = await t.say(li, `认领${a}和${b}号`);
    const said = textsTo(r, li.id).join('\n');
    expect(said).toContain(`您认领了 #${a}`);
    expect(said).toContain(`您认领了 #${b}`);
    expect((await ledgerItem(t, a)).status).toBe('claimed');
    expect((await ledgerItem(t, b)).status).toBe('claimed');
  });

  it('clauses each with a number: both done, each with its own note', async () => {
    const [a, b] = ids as [number, number];
    await t.say(li, `${a}号菜已经送到了，${b}号也完成了 教会了视频通话`);
    const first = await ledgerItem(t, a);
    const second = await ledgerItem(t, b);
    expect(first.status).toBe('done');
    expect(second.status).toBe('done');
    expect(first.events.at(-1)).toMatchObject({ type: 'done', note: '菜已经送到了' });
    expect(second.events.at(-1)).toMatchObject({ type: 'done', note: '教会了视频通话' });
  });

  it('one refused, the other done: the refusal names its item', async () => {
    const [, , c, d] = ids as [number, number, number, number];
    await t.say(zhao, `认领 ${c}`);
    const r = await t.say(li, `认领 ${c} ${d}`);
    const said = textsTo(r, li.id).join('\n');
    expect(said).toContain(`您认领了 #${d}`);
    expect(said).toContain(`#${c}`);
    expect(said).not.toContain(`您认领了 #${c}`);
    expect((await ledgerItem(t, d)).status).toBe('claimed');
    expect((await ledgerItem(t, c)).status).toBe('claimed');
  });

  it('a rating after the number is no second item', async () => {
    const [a] = ids as [number];
    const r = await t.say(wang, `确认 ${a} 5`);
    expect(textsTo(r, wang.id).join('\n')).not.toContain('#5');
    expect((await ledgerItem(t, a)).rating).toBe(5);
  });

  it("an official's list with a hand-over and a time limit: each item handed over, each with the limit", async () => {
    const a = await newItem(t, wang, '心愿 帮忙把楼下的旧柜子搬走', group);
    const b = await newItem(t, wang, '心愿 帮忙清一下楼道里的杂物', group);
    const r = await t.say(zhao, `${a}号和${b}号一起交给物业 限三天`);
    const said = textsTo(r, zhao.id).join('\n');
    for (const id of [a, b]) {
      const item = await ledgerItem(t, id);
      expect(item.status).toBe('claimed');
      expect(item.deadlineAt).not.toBeNull();
      expect(said).toContain(`#${id} 的期限已改为 3 个工作日`);
    }
  });

  it('"N号紧急 期限两天" from an official: urgent, and two working days', async () => {
    const a = await newItem(t, wang, '反映 楼道里电线冒火花', group);
    await t.say(zhao, `${a}号紧急 期限两天`);
    const item = await ledgerItem(t, a);
    expect(item.priority).toBe('urgent');
    expect(item.deadlineAt).not.toBeNull();
  });

  it('"N号今天之内弄好": from the holder a promise told as progress, from an official the deadline', async () => {
    const a = await newItem(t, wang, '心愿 帮忙修一下门锁', group);
    await t.say(li, `认领 ${a}`);
    const r = await t.say(li, `${a}号今天之内弄好`);
    const item = await ledgerItem(t, a);
    expect(item.events.at(-1)).toMatchObject({ type: 'progress', note: '今天之内弄好' });
    expect(item.deadlineAt).toBeNull();
    expect(textsTo(r, wang.id).join('\n')).toContain('今天之内弄好');
    const o = await t.say(zhao, `${a}号今天之内弄好`);
    expect(textsTo(o, zhao.id).join('\n')).toContain(`#${a} 的期限已改为今天内`);
    expect((await ledgerItem(t, a)).deadlineAt).not.toBeNull();
  });
});
