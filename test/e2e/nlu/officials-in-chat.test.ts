import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.ts';
import { communityWithPeople, ledgerItem, newItem, newReport } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §7: officials set category, priority and deadline, reopen, and make invite codes in chat;
// a refusal says why.

const group = 'g-officials';
const wang = { id: 'wang', name: '王秀英' };
const clock = fixedClock('2026-11-10T02:00:00Z'); // Tuesday
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let qian: SimPerson;

beforeAll(async () => {
  t = await startTestApp({ overrides: { clock } });
  ({ li, zhao } = await communityWithPeople(t, '干部社区', group));
  const other = await communityWithPeople(t, '隔壁社区', 'g-next');
  qian = other.zhao;
  // Her community is known from the group she writes in (two communities exist).
  await t.say(wang, '待认领', { in: group });
});
afterAll(() => t.close());

describe('settings', () => {
  it('设置 N 分类: one of the categories; a part of its name is enough; a wish has none', async () => {
    const id = await newReport(t, wang, '反映 3号楼东门的路灯坏了', '3号楼东门');
    expect(textsTo(await t.say(zhao, `设置 ${id} 分类 环境卫生`), zhao.id)).toEqual([`#${id} 的分类已改为：环境卫生。`]);
    expect(textsTo(await t.say(zhao, `设置 ${id} 分类 矛盾`), zhao.id)).toEqual([`#${id} 的分类已改为：矛盾纠纷。`]);
    expect(textsTo(await t.say(zhao, `设置 ${id} 分类 天气`), zhao.id)[0]).toContain('没有这个分类。可用的分类：基础设施、环境卫生');
    expect((await ledgerItem(t, id)).category).toBe('矛盾纠纷');
    const wish = await newItem(t, wang, '心愿 帮忙买菜', group);
    expect(textsTo(await t.say(zhao, `设置 ${wish} 分类 其他`), zhao.id)).toEqual([`#${wish} 是微心愿，微心愿不分类。`]);
  });

  it('期限 N 3天 counts working days, shows the date and tells the holder', async () => {
    const id = await newReport(t, wang, '反映 2号楼门口的路面塌了', '2号楼门口');
    await t.say(li, `认领 ${id}`);
    const r = await t.say(zhao, `期限 ${id} 3天`);
    // Tuesday 11-10 + 3 working days = Friday 11-13.
    expect(textsTo(r, zhao.id)).toEqual([`#${id} 的期限已改为 3 个工作日，11月13日 前办结。`]);
    expect(textsTo(r, li.id)).toEqual([`社区把您在办的 #${id} 的期限改为 11月13日。`]);
    expect((await ledgerItem(t, id)).deadlineAt).toBe('2026-11-13T15:59:59.000Z');
    expect(textsTo(await t.say(zhao, `期限 ${id} 100天`), zhao.id)[0]).toContain('期限请写 1 到 60 个工作日');
  });

  it('a deadline as a day ("这周五之前", "下周一", "12月1日前", "月底前") ends that day, counted in working days', async () => {
    const id = await newReport(t, wang, '反映 4号楼后面的路灯不亮', '4号楼后面');
    // Tuesday 11-10: this Friday is 3 working days away.
    expect(textsTo(await t.say(zhao, `${id}号期限定在这周五之前`), zhao.id)).toEqual([`#${id} 的期限已改为 3 个工作日，11月13日 前办结。`]);
    expect((await ledgerItem(t, id)).deadlineAt).toBe('2026-11-13T15:59:59.000Z');
    expect(textsTo(await t.say(zhao, `期限 ${id} 下周一`), zhao.id)).toEqual([`#${id} 的期限已改为 4 个工作日，11月16日 前办结。`]);
    expect(textsTo(await t.say(zhao, `期限 ${id} 12月1日前`), zhao.id)).toEqual([`#${id} 的期限已改为 15 个工作日，12月1日 前办结。`]);
    expect(textsTo(await t.say(zhao, `${id}号期限改为月底前`), zhao.id)).toEqual([`#${id} 的期限已改为 14 个工作日，11月30日 前办结。`]);
    // This week's day already past is no deadline; a weekday said alone is the next one to come.
    expect(textsTo(await t.say(zhao, `期限 ${id} 本周一前`), zhao.id)[0]).toBe(`这一天已经过了（或就是今天），期限至少要一个工作日。可以这样写：期限 ${id} 下周五，或 期限 ${id} 3天`);
    expect((await ledgerItem(t, id)).deadlineAt).toBe('2026-11-30T15:59:59.000Z');
    expect(textsTo(await t.say(zhao, `期限 ${id} 周一前`), zhao.id)).toEqual([`#${id} 的期限已改为 4 个工作日，11月16日 前办结。`]);
  });

  it('"那就下周三吧" right after a day that was not ahead sets that day', async () => {
    const id = await newReport(t, wang, '反映 5号楼后面的路灯不亮', '5号楼后面');
    expect(textsTo(await t.say(zhao, `期限 ${id} 本周一前`), zhao.id)[0]).toContain('这一天已经过了');
    await t.say(zhao, '哦周一已经过了，那就下周三吧');
    // Tuesday 11-10: next Wednesday is 11-18.
    expect((await ledgerItem(t, id)).deadlineAt).toBe('2026-11-18T15:59:59.000Z');
  });

  it('优先 N 紧急 / 普通, with the holder told when it becomes urgent', async () => {
    const id = await newItem(t, wang, '心愿 帮忙换煤气罐', group);
    await t.say(li, `认领 ${id}`);
    const r = await t.say(zhao, `优先 ${id} 紧急`);
    expect(textsTo(r, li.id)).toEqual([`社区把您在办的 #${id} 标为紧急了，请尽快处理。`]);
    expect(textsTo(await t.say(zhao, `优先 ${id} 普通`), zhao.id)).toEqual([`#${id} 已改为普通优先级。`]);
    expect(textsTo(await t.say(zhao, `优先 ${id} 很高`), zhao.id)[0]).toContain('优先级请写“紧急”或“普通”');
  });
});

describe('in their own words', () => {
  it('"把N號指派給李志強" in traditional characters finds the member 李志强', async () => {
    const id = await newReport(t, wang, '反映 5号楼后门的台阶碎了', '5号楼后门');
    const r = await t.say(zhao, `把${id}號指派給李志強`);
    expect(textsTo(r, li.id).join('\n')).toContain(`#${id}`);
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'claimed', assignedUnit: null });
  });

  it('"把N号交给李志强" without an @ assigns the member of that name, who is told and can finish it', async () => {
    const id = await newReport(t, wang, '反映 3号楼东门的路灯坏了', '3号楼东门');
    const r = await t.say(zhao, `把${id}号交给李志强`);
    expect(textsTo(r, li.id).join('\n')).toContain(`#${id}`);
    const item = await ledgerItem(t, id);
    expect(item.assignedUnit).toBeNull();
    expect(item.status).toBe('claimed');
    expect(textsTo(await t.say(li, `${id}号修好了 换了灯泡`), li.id).join('\n')).not.toContain('只有');
    expect((await ledgerItem(t, id)).status).toBe('done');
  });

  it('"N号改成紧急 …" sets the priority of #N and files no new report', async () => {
    const id = await newItem(t, wang, '心愿 帮忙换煤气罐', group);
    const before = (await t.api('GET', '/api/items?limit=1000')).body.items.length;
    const r = await t.say(zhao, `${id}号改成紧急 电梯有安全隐患`);
    expect(textsTo(r, zhao.id).join('\n')).toContain(`#${id}`);
    expect((await ledgerItem(t, id)).priority).toBe('urgent');
    expect((await t.api('GET', '/api/items?limit=1000')).body.items).toHaveLength(before);
  });
});

describe('重新打开', () => {
  it('reopens a confirmed item to its holder, keeping the rating; tells the submitter and the holder', async () => {
    const id = await newItem(t, wang, '心愿 帮忙修水管', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `完成 ${id}`);
    await t.say(wang, '满意');
    const r = await t.say(zhao, `重新打开 ${id} 居民电话说又漏了`);
    expect(textsTo(r, zhao.id)).toEqual([`#${id} 已重新打开，提出人和办理人都已知晓。`]);
    expect(textsTo(r, wang.id)).toEqual([`#${id} 已重新打开办理，有进展会告诉您。`]);
    expect(textsTo(r, li.id)).toEqual([`#${id} 被退回重新办理，原因：居民电话说又漏了。`]);
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'claimed', rating: 5 });
  });

  it('says why it cannot while still open; a withdrawal it puts right, telling the resident', async () => {
    const open = await newItem(t, wang, '心愿 帮忙打扫楼道', group);
    expect(textsTo(await t.say(zhao, `重新打开 ${open}`), zhao.id)).toEqual([`#${open} 还在办理中，不需要重新打开。`]);
    await t.say(wang, `撤回 ${open}`);
    // "6号是误操作撤回的，重新打开" (trial 40): the office restores it; the resident hears.
    const reply = await t.say(zhao, `重新打开 ${open}`);
    expect(textsTo(reply, zhao.id)[0]).toBe(`好的，#${open} 恢复了，照常办理。`);
    expect(textsTo(reply, wang.id).join('\n')).toContain(`#${open} 恢复了`);
  });
});

describe('邀请码', () => {
  it('in a direct chat: a member code for 30 people, which works', async () => {
    const reply = textsTo(await t.say(zhao, '邀请码'), zhao.id)[0]!;
    expect(reply).toMatch(/^邀请码：[A-Z0-9]{8}\n干部社区 · 党员志愿者 · 可用 30 次 · 12月10日 前有效\n请对方私聊我发：报到 [A-Z0-9]{8}$/u);
    const code = /邀请码：(\S+)/u.exec(reply)![1]!;
    const newcomer = { id: 'new-member', name: '陈党员' };
    expect(textsTo(await t.say(newcomer, `报到 ${code}`), newcomer.id)[0]).toContain('报到成功');
  });

  it('in a group: sent privately, never posted where anyone could use it; 干部 codes are for one', async () => {
    const r = await t.say(zhao, '邀请码 干部', { in: group });
    expect(textsTo(r, group)).toEqual(['邀请码已私信发给您，请不要在群里转发。']);
    expect(textsTo(r, zhao.id)[0]).toContain('社区干部 · 可用 1 次');
    expect(textsTo(await t.say(zhao, '生成一个党员邀请码 50个'), zhao.id)[0]).toContain('党员志愿者 · 可用 50 次');
  });
});

describe('refusals say why', () => {
  it('an official of another community hears the item is not theirs, not that they lack a role', async () => {
    const id = await newItem(t, wang, '心愿 帮忙挂个钟', group);
    for (const cmd of [`优先 ${id} 紧急`, `期限 ${id} 3天`, `设置 ${id} 分类 其他`, `重新打开 ${id}`, `指派 ${id} @李志强`, `驳回 ${id} 重复`]) {
      expect(textsTo(await t.say(qian, cmd), qian.id)).toEqual([`#${id} 不属于您所在的社区。`]);
    }
    expect(textsTo(await t.say(qian, '邀请码', { in: group }), group)[0]).toContain('您不是本群所在社区的干部');
  });

  it('a member hears the role it takes', async () => {
    const id = await newItem(t, wang, '心愿 帮忙贴春联', group);
    expect(textsTo(await t.say(li, `优先 ${id} 紧急`), li.id)).toEqual(['这一步要由社区干部来做，有需要请联系社区干部。']);
    expect(textsTo(await t.say(li, '邀请码'), li.id)).toEqual(['这一步要由社区干部来做，有需要请联系社区干部。']);
  });
});

describe('closing what a unit handled', () => {
  it('an official closes an item nobody claimed ("3号办结了 燃气公司已处理"): it is done, by them, and the resident is asked to confirm', async () => {
    const id = await newReport(t, wang, '反映 5号楼一楼楼道有煤气味 已经散了', '5号楼一楼楼道');
    const r = await t.say(zhao, `${id}号办结了 燃气公司已处理`, { in: group });
    expect(textsTo(r, wang.id).join('')).toContain(`#${id}`);
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('done');
    expect(item.claimantId).not.toBeNull();
    // A member who never claimed it still may not.
    const other = await newReport(t, wang, '反映 小区南门的井盖松了', '小区南门');
    expect(textsTo(await t.say(li, `${other}号完成了`), li.id).join('')).toContain('还没有人认领');
    expect((await ledgerItem(t, other)).status).toBe('open');
  });
});

describe('帮助 and 登录', () => {
  it('officials see their commands; residents do not', async () => {
    const help = textsTo(await t.say(zhao, '帮助'), zhao.id)[0]!;
    for (const c of ['设置 12 分类', '优先 12 紧急', '期限 12 3天', '重新打开 12', '邀请码 党员 30', '登录']) expect(help).toContain(c);
    expect(textsTo(await t.say(wang, '帮助'), wang.id)[0]).not.toContain('邀请码');
  });

  it('登录 gives an official a one-time link to the console in a direct chat', async () => {
    const [link] = textsTo(await t.say(zhao, '登录'), zhao.id);
    expect(link).toMatch(/\/console\/login\?token=[\w-]+/u);
  });
});
