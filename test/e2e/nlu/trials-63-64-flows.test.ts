import { describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo, type SimPerson } from '../../helpers/test-app.ts';

// Issue 12, trials 63 and 64: an official's lists of what was finished and of unhappy residents, a
// verdict told again after a draft began, an official's question that is no answer for a volunteer,
// and a driver's news about a manhole that is not his street lamp.

const group = 'g-t6364';
const c = trialCommunity(group);
const { someone } = c;

async function doneBy(volunteer: SimPerson, resident: SimPerson, text: string): Promise<number> {
  const id = await fileRequest(c.t, resident, text);
  await c.t.say(volunteer, `认领 ${id}`);
  await c.t.say(volunteer, `完成 ${id} 办好了`);
  return id;
}

describe("the office's lists", () => {
  it('"把这周办好的事情发我" lists what was finished; "有哪些居民不满意…列一下" what was sent back', async () => {
    const director = someone('周主任');
    await c.t.say(director, `报到 ${c.officialCode}`);
    const volunteer = someone('吴桂芝');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const pleased = await doneBy(volunteer, someone('李秀兰'), '心愿 俺家老头子腿不中出不了门 想请人上门给他理个发 五号楼二单元');
    const unhappy = someone('孙丽');
    const sentBack = await doneBy(volunteer, unhappy, '反映 八号楼门口井盖松了 小孩会踩进去 没有照片');
    await c.t.say(unhappy, '不满意 旁边还没放警示牌');
    expect((await ledgerItem(c.t, sentBack)).status).toBe('claimed');

    const done = textsTo(await c.t.say(director, '把这周办好的事情发我 我要写周报'), director.id).join('\n');
    expect(done).toContain('本周');
    expect(done).toContain(`#${pleased}`);
    const listed = textsTo(await c.t.say(director, '这周有哪些居民不满意退回来的 列一下'), director.id).join('\n');
    expect(listed).toContain(`#${sentBack}`);
    expect(listed).not.toContain(`#${pleased}`);
  });

  it('a resident asking for the list is told it is for the office', async () => {
    const resident = someone('王建设');
    expect(textsTo(await c.t.say(resident, '已办结的列表'), resident.id).join('\n')).toContain('社区干部');
  });
});

describe('a verdict said again after a draft began', () => {
  it('"取消 俺是说井盖修好了 满意" confirms the item; it is not sent back', async () => {
    const volunteer = someone('出租车刘师傅');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('张大爷');
    const id = await doneBy(volunteer, elder, '反映 三号楼东头井盖子没了 黑咕隆咚的 没有照片');
    // An answer the bot did not take as a verdict starts a draft …
    await c.t.say(elder, '俺看了 盖上了 那个师傅杠好的人');
    const sent = await c.t.say(elder, '取消 俺是说井盖修好了 满意');
    expect((await ledgerItem(c.t, id)).status).toBe('confirmed');
    expect(textsTo(sent, volunteer.id).join('\n')).not.toContain('退回');
  });
});

describe("an official's question while a volunteer's question to her waits", () => {
  it('"本周办结率多少" gets the figures and goes to no volunteer', async () => {
    const grid = someone('王芳');
    await c.t.say(grid, `报到 ${c.officialCode}`);
    const volunteer = someone('小雨');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const id = await fileRequest(c.t, grid, '心愿 帮五号楼独居的李婶买点菜 五号楼三单元402');
    await c.t.say(volunteer, `认领 ${id}`);
    await c.t.say(volunteer, `${id}号 跟李婶说一下 要买啥菜`);
    const sent = await c.t.say(grid, '本周办结率多少');
    expect(textsTo(sent, volunteer.id)).toEqual([]);
    expect(textsTo(sent, grid.id).join('\n')).toMatch(/本周|办结/u);
  });
});

describe("a holder's news about something else", () => {
  it('"路过三号楼东头那个井盖 我先拿个锥桶挡上了" is not news of the street lamp he holds', async () => {
    const driver = someone('的哥老赵');
    await c.t.say(driver, `报到 ${c.code}`);
    const resident = someone('马大妈');
    const lamp = await fileRequest(c.t, resident, '反映 六号楼跟七号楼当间那个路灯黑了好些天了 没有照片');
    await c.t.say(driver, `认领 ${lamp}`);
    const sent = await c.t.say(driver, '路过三号楼东头那个井盖 我先拿个锥桶挡上了 谁管这个');
    expect(textsTo(sent, resident.id)).toEqual([]);
    expect((await ledgerItem(c.t, lamp)).events.filter((e) => e.type === 'progress')).toEqual([]);
  });
});

describe('someone who cannot take a call', () => {
  it('"…我是聋人 请发文字联系我" is not asked for a phone number', async () => {
    const deaf = someone('陈静');
    const filed = textsTo(await c.t.say(deaf, '心愿 想请人帮我去邮局取个包裹 5号楼1单元502 我是聋人 请发文字联系我'), deaf.id).join('\n');
    expect(filed).toContain('已收到');
    expect(filed).not.toContain('电话');
  });
});
