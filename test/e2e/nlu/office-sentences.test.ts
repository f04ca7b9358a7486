import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAndFinish, communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 20: office staff write long polite sentences and terse shorthand; volunteers
// write a story with the claim at its end, by voice without stops, or to a neighbour by mistake.

const group = 'g-office';
const wang = { id: 'wang-office', name: '王秀英' };
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '桂花社区', group));
});
afterAll(() => t.close());

describe("an office's sentences", () => {
  it('a code asked for in a polite sentence, for two officials', async () => {
    const r = await t.say(zhao, '你好，麻烦帮我生成两个干部的邀请码，我们社区主任和网格员也要加进来，谢谢。');
    const said = textsTo(r, zhao.id).join('\n');
    expect(said).toContain('邀请码');
    expect(said).not.toMatch(/哪一类/u);
  });

  it('terse shorthand in the group without @ sets all it names', async () => {
    const id = await newItem(t, wang, '心愿 楼下健身器材的螺丝松了 想找人紧一紧', group);
    await t.say(zhao, `${id} 基础设施 交物业 限3天`, { in: group });
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('claimed');
    expect(item.deadlineAt).not.toBeNull();
  });

  it('"请转告N号的居民，…" reaches the resident', async () => {
    const id = await newItem(t, wang, '心愿 帮忙问问车库道闸什么时候修', group);
    const r = await t.say(zhao, `@连心 请转告${id}号的居民，物业明天上午会来更换道闸控制器`, { in: group });
    expect(textsTo(r, wang.id).join('\n')).toContain('物业明天上午会来更换道闸控制器');
    expect(textsTo(r, wang.id).join('\n')).not.toContain('的居民');
  });
});

describe("volunteers' ways", () => {
  it('a story with "认领4号" at its end claims it', async () => {
    const id = await newItem(t, wang, '心愿 周四想请人陪我去医院复查', group);
    const r = await t.say(li, `@连心 周阿姨星期四去医院我陪她去吧，正好我那天也要去拿药，认领${id}号`, { in: group });
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    expect(textsTo(r, group).join('\n')).not.toMatch(/哪一类/u);
  });

  it('"认N" claims', async () => {
    const id = await newItem(t, wang, '心愿 帮忙把旧衣服送到回收点', group);
    await t.say(li, `认${id}`, { in: group });
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('done said by voice without stops is done', async () => {
    const id = await newItem(t, wang, '心愿 楼道灯坏了想找人换个灯泡', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `${id}号灯泡今天换了个新的现在亮了王阿姨你晚上出去看看`, { in: group });
    expect((await ledgerItem(t, id)).status).toBe('done');
  });

  it('words to a neighbour sent to the bot file nothing, and "发错了" is fine', async () => {
    // From someone with nothing under way: were it the holder's, it would be news for the submitter.
    const zhang = { id: 'zhang-office', name: '张红梅' };
    const before = (await t.api('GET', '/api/items')).body.items.length;
    const r = await t.say(zhang, '王姐 明天上午九点我去你家拿钥匙 你在家等我哈');
    expect(textsTo(r, zhang.id).join('\n')).toContain('发给别人');
    const again = await t.say(zhang, '哎呀发错了 不是给你的');
    expect(textsTo(again, zhang.id).join('\n')).not.toMatch(/哪一类|请回复 1/u);
    expect((await t.api('GET', '/api/items')).body.items.length).toBe(before);
  });
});

describe("residents' replies", () => {
  it('"满意 燃气公司来得挺快的" confirms, though it names another thing', async () => {
    const id = await newItem(t, wang, '心愿 帮忙看看灶台打不着火', group);
    await claimAndFinish(t, li, id, '燃气公司来换了点火针');
    await t.say(wang, '满意 燃气公司来得挺快的');
    expect((await ledgerItem(t, id)).status).toBe('confirmed');
  });

  it('"没有，晚上我拍一张" to the photo question in the group files the report', async () => {
    const chen = { id: 'chen-office', name: '陈静' };
    await t.say(chen, '@连心 反映 3号楼门口的地砖翘起来了', { in: group });
    const r = await t.say(chen, '没有，晚上我拍一张', { in: group });
    expect(textsTo(r, group).join('\n')).toMatch(/#\d+/u);
  });

  it('a fall last night beside a broken light is no emergency', async () => {
    const wu = { id: 'wu-office', name: '吴建军' };
    const r = await t.say(wu, '@连心 3号楼楼道里的灯坏了好几盏 我儿子昨晚上楼摔了一跤', { in: group });
    expect(textsTo(r, group).join('\n')).not.toContain('120');
    expect(textsTo(r, zhao.id).join('\n')).not.toContain('【紧急】');
  });
});

describe('在办', () => {
  it("an official's list of what is under way: who holds each, by when; a volunteer gets their own", async () => {
    const a = await newItem(t, wang, '心愿 帮忙把阳台的花盆搬下楼', group);
    await t.say(li, `认领 ${a}`);
    await t.say(zhao, `期限 ${a} 3天`);
    const r = await t.say(zhao, '把现在还没办完的事项给我列一下，谁在办，什么时候到期');
    const said = textsTo(r, zhao.id).join('\n');
    expect(said).toContain('办理中');
    expect(said).toMatch(new RegExp(`#${a} .*李志强 · 期限`, 'u'));
    const own = textsTo(await t.say(li, '在办'), li.id).join('\n');
    expect(own).toContain('您在办的');
    expect(own).toContain(`#${a}`);
  });

  it('a dash for 及时率 (nothing has fallen due yet: every answer is promised within a day) says why', async () => {
    const r = await t.say(zhao, '统计');
    expect(textsTo(r, zhao.id).join('\n')).toContain('及时率 —（本周还没有到答复时限的事项）');
  });
});

describe('我的 for a volunteer whose work is all confirmed', () => {
  it('shows what they finished lately, not "nothing"', async () => {
    const sun = { id: 'sun-office', name: '孙志远' };
    const code = (await t.api('POST', '/api/invites', { communityId: 1, role: 'member', maxUses: 5 })).body.code as string;
    await t.say(sun, `报到 ${code}`);
    const id = await newItem(t, wang, '心愿 帮忙取一下药', group);
    await claimAndFinish(t, sun, id, '送到了');
    await t.say(wang, `确认 ${id} 5`);
    const said = textsTo(await t.say(sun, '我的'), sun.id).join('\n');
    expect(said).toContain('您最近办好的');
    expect(said).toContain(`#${id}`);
  });
});

describe('an official, after the bot answered', () => {
  it('"孙浩同志您好，…" reaches that resident about their item', async () => {
    const sunhao = { id: 'sunhao-office', name: '孙浩' };
    const id = await newItem(t, sunhao, '心愿 帮忙看看热水器打不着', group);
    const r = await t.say(zhao, '@连心 孙浩同志您好，燃气公司的师傅已经在路上了，请您先把窗户打开', { in: group });
    const said = textsTo(r, sunhao.id).join('\n');
    expect(said).toContain(`#${id}`);
    expect(said).toContain('燃气公司的师傅已经在路上了');
  });
});
