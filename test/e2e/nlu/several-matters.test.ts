import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: "楼道灯坏了，还有三楼垃圾桶满了没人清" tells two things; each gets its own number, so
// each has its own handler and deadline. A wish stays one (a household's needs are one visit).

const group = 'g-matters';
const wang = { id: 'wang-matters', name: '王秀英' };
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await communityWithPeople(t, '两事社区', group);
});
afterAll(() => t.close());

const numbers = (text: string) => [...text.matchAll(/编号 #(\d+)/gu)].map((m) => Number(m[1]));

describe('one message, several matters', () => {
  it('a report of two things becomes two items, each with its own place and category', async () => {
    await t.say(wang, '反映 5号楼楼道灯坏了好几天了，还有3号楼门口垃圾桶满了也没人清');
    let r = await t.say(wang, '没有');
    let said = textsTo(r, wang.id).join('\n');
    expect(said).toContain('2 件事');
    const [a, b] = numbers(said);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    const lamp = await ledgerItem(t, a!);
    const bins = await ledgerItem(t, b!);
    expect(lamp.text).toBe('5号楼楼道灯坏了好几天了');
    expect(lamp.place).toContain('5号楼');
    expect(bins.text).toBe('3号楼门口垃圾桶满了也没人清');
    expect(bins.place).toContain('3号楼');
    expect(lamp.category).not.toBe(bins.category);
    // Both are announced to the group, each with its claim hint.
    r = await t.say(wang, '查询');
    expect(textsTo(r, wang.id).join('\n')).toMatch(new RegExp(`#${a}[\\s\\S]*#${b}|#${b}[\\s\\S]*#${a}`, 'u'));
  });

  it('in a group with @, a numbered list: one receipt per matter, the place said once goes to both', async () => {
    const r1 = await t.say(wang, '@连心 反映两个事 1、路灯不亮 2、井盖松了', { in: group });
    let said = textsTo(r1, group).join('\n');
    if (/在哪里/u.test(said)) said = textsTo(await t.say(wang, '@连心 小区南门', { in: group }), group).join('\n');
    if (/照片/u.test(said)) said = textsTo(await t.say(wang, '@连心 没有', { in: group }), group).join('\n');
    const ids = [...new Set([...said.matchAll(/#(\d+)/gu)].map((m) => Number(m[1])))];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect((await ledgerItem(t, id)).place).toBe('小区南门');
  });

  it('one thing told on stays one item', async () => {
    await t.say(wang, '反映 7号楼电梯又坏了。电梯里还有股味道');
    const said = textsTo(await t.say(wang, '没有'), wang.id).join('\n');
    expect(numbers(said)).toHaveLength(1);
  });

  it('a wish of two needs stays one (one visit)', async () => {
    const said = textsTo(await t.say(wang, '心愿 帮我买点菜，另外能不能帮忙修下水龙头'), wang.id).join('\n');
    expect(numbers(said)).toHaveLength(1);
  });
});
