import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newItem, receiptNumber } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 25 and 26: office staff's shorthand and formal sentences that set two things
// at once, a volunteer called by surname, a hand-over put right, a category the office does not
// have followed by one it does, a code asked for by whose it is, and a code among words.

const group = 'g-office-more';
const wang = { id: 'wang-office-more', name: '王秀英' };
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let memberCode: string;
let officialCode: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao, memberCode, officialCode } = await communityWithPeople(t, '办公社区', group));
});
afterAll(() => t.close());

const report = (text: string) => newItem(t, wang, `@连心 心愿 ${text}`, group);
/** A report (reports have categories), through the group: the photo question skipped. */
async function publicReport(text: string): Promise<number> {
  await t.say(wang, `@连心 反映 ${text}`, { in: group });
  return receiptNumber(textsTo(await t.say(wang, '@连心 没有', { in: group }), group).join('\n'));
}

describe('two settings in one breath', () => {
  it('"N 给物业 急": the unit and the priority', async () => {
    const id = await report('楼道堆满了纸箱子');
    await t.say(zhao, `${id} 给物业 急`);
    const item = await ledgerItem(t, id);
    expect(item.assignedUnit).toBe('物业');
    expect(item.priority).toBe('urgent');
  });

  it('"N 物业 2天" and "…事项交由物业公司办理，期限三个工作日。"', async () => {
    const a = await report('单元门关不上');
    await t.say(zhao, `${a} 物业 2天`);
    expect(await ledgerItem(t, a)).toMatchObject({ assignedUnit: '物业' });
    const b = await report('楼顶漏雨');
    const r = await t.say(zhao, `@连心 ${b}号事项交由物业公司办理，期限三个工作日。`);
    expect(await ledgerItem(t, b)).toMatchObject({ assignedUnit: '物业公司' });
    expect(textsTo(r, zhao.id).join('\n')).toContain('3 个工作日');
  });

  it('"N号事项由我牵头协调…，期限设为十个工作日。": the official takes it on', async () => {
    const id = await report('维修基金的事要人协调');
    await t.say(zhao, `${id}号事项由我牵头协调维修基金的事，期限设为十个工作日。`);
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('claimed');
    expect(textsTo(await t.say(zhao, `查询 ${id}`), zhao.id).join('\n')).toContain('赵书记');
  });

  it('"N号不是养老的 改成邻里纠纷": the category put right', async () => {
    const id = await publicReport('5号楼楼上装修太吵了');
    await t.say(zhao, `${id}号 分类 养老助残`);
    await t.say(zhao, `${id}号不是养老的 改成邻里纠纷 我明天上午去五楼跟装修户说`);
    expect((await ledgerItem(t, id)).category).toBe('矛盾纠纷');
  });

  it('"请暂停提醒一周" pauses for seven days', async () => {
    const id = await report('路边树枝挡路');
    await t.say(li, `认领 ${id}`);
    const r = await t.say(li, `${id}号涉及物业审批，流程较长，请暂停提醒一周。`);
    expect(textsTo(r, li.id).join('\n')).toContain('7 天');
  });
});

describe('people and units by the names the office uses', () => {
  it('"让周师傅去处理一下" hands it to the one volunteer named 周; "不对 …是给物业 不是周师傅" puts it right', async () => {
    const zhou = { id: 'zhou-office-more', name: '周福贵' };
    await t.say(zhou, `报到 ${memberCode}`);
    const id = await report('车棚的灯不亮');
    const r = await t.say(zhao, `${id}号让周师傅去处理一下，他有钥匙`);
    expect(textsTo(r, zhou.id).join('\n')).toContain(`#${id}`);
    expect((await ledgerItem(t, id)).claimantId).not.toBeNull();
    const again = await t.say(zhao, `不对 ${id}号是给物业 不是周师傅`);
    expect((await ledgerItem(t, id)).assignedUnit).toBe('物业');
    // The volunteer taken off it hears who has it now, with thanks.
    expect(textsTo(again, zhou.id).join('\n')).toMatch(/改由 物业 办理.*谢谢/u);
  });

  it('a category the community does not have is refused with the list; "那就基础设施吧" is the one meant', async () => {
    const id = await publicReport('北门路面塌了一块');
    const r = await t.say(zhao, `认领${id}。另请将${id}号分类设为房屋修缮。`);
    const said = textsTo(r, zhao.id).join('\n');
    expect(said).toContain('您认领了');
    expect(said).toContain('可用的分类');
    await t.say(zhao, '那就基础设施吧');
    expect((await ledgerItem(t, id)).category).toBe('基础设施');
  });

  it('"干部码 1个" makes an official code; a code among words joins', async () => {
    const said = textsTo(await t.say(zhao, '干部码 1个'), zhao.id).join('\n');
    expect(said).toMatch(/社区干部 · 可用 1 次/u);
    const yang = { id: 'yang-office-more', name: '杨雨萱' };
    const joined = textsTo(await t.say(yang, `锦园那边我也兼着，${officialCode} 这个码我也报一下到`), yang.id).join('\n');
    expect(joined).toContain('报到成功');
  });
});

describe("volunteers' words", () => {
  it('"王阿姨N号我陪您去…" in the group without @ claims it; "N号 我还是放弃吧 太忙" gives it back', async () => {
    const id = await report('下周三想请人陪我去医院复查');
    await t.say(li, `王阿姨${id}号我陪您去，我下周三正好调休`, { in: group });
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    await t.say(li, `${id}号 我还是放弃吧 太忙`);
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('open');
    expect(item.events.at(-1)).toMatchObject({ note: '太忙' });
  });

  it('"喂猫的我来吧…" in the group takes the one open wish about feeding a cat', async () => {
    const id = await report('我去外地几天 家里猫没人喂 想请人帮忙喂一下猫');
    await t.say(li, '婆婆出院了，谢谢大家关心～喂猫的我来吧，我跟她同一栋', { in: group });
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });
});
