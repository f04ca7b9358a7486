import { describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo } from '../../helpers/test-app.ts';

// Issue 12, trials 61 and 62: a 主任's words for the one holding an item, an item named by what it is
// about when its submitter has another, a volunteer called by the start of their name.

const group = 'g-t6162';
const c = trialCommunity(group);
const { someone } = c;

describe("an official's words about an item someone holds", () => {
  it('"5号 …必须画好禁停线 你跟物业说清楚 周网格" reaches 周网格, not the resident', async () => {
    const director = someone('李主任');
    const grid = someone('周网格');
    await c.t.say(director, `报到 ${c.officialCode}`);
    await c.t.say(grid, `报到 ${c.officialCode}`);
    const resident = someone('孙大哥');
    const id = await fileRequest(c.t, resident, '反映 七栋后头空地乱停车 消防通道堵到了 没有照片');
    await c.t.say(grid, `认领 ${id}`);
    const sent = await c.t.say(director, `${id}号 12月8号之前必须画好禁停线 你跟物业说清楚 周网格`);
    expect(textsTo(sent, grid.id).join('\n')).toContain('必须画好禁停线');
    expect(textsTo(sent, resident.id)).toEqual([]);
  });
});

describe('an item named by what it is about', () => {
  it('"陈明反映的盲道那个 设成紧急" is the blind path, not 陈明\'s other item', async () => {
    const director = someone('王主任');
    await c.t.say(director, `报到 ${c.officialCode}`);
    const chen = someone('陈明');
    const lights = await fileRequest(c.t, chen, '反映 我是五栋二单元的陈明 楼道的声控灯不亮了 没有照片');
    const path = await fileRequest(c.t, chen, '反映 小区门口的盲道上停了好多电瓶车 没有照片');
    await c.t.say(director, '陈明反映的盲道那个 设成紧急');
    expect((await ledgerItem(c.t, path)).priority).toBe('urgent');
    expect((await ledgerItem(c.t, lights)).priority).toBe('normal');
  });
});

describe('a volunteer called by the start of their name', () => {
  it('"4号 派给小何" hands it to 小何骑手, the one member whose name begins so', async () => {
    const grid = someone('周网格长');
    await c.t.say(grid, `报到 ${c.officialCode}`);
    const rider = someone('小何骑手');
    await c.t.say(rider, `报到 ${c.code}`);
    const id = await fileRequest(c.t, someone('张大爷'), '心愿 明天早上想请个人陪我去华西医院看病 七栋三单元');
    const sent = await c.t.say(grid, `${id}号 派给小何`);
    expect(textsTo(sent, rider.id).join('\n')).toContain(`#${id}`);
    expect((await ledgerItem(c.t, id)).status).toBe('claimed');
  });
});

describe("a wish that tells someone's illnesses", () => {
  it('the group sees that help is needed, not the illnesses; the volunteer who takes it reads them', async () => {
    const nurse = someone('周护士');
    await c.t.say(nurse, `报到 ${c.code}`);
    // Filed in a direct chat, the wish is announced to the group ("代居民登记一个心愿" says its kind).
    const filed = await c.t.say(nurse, '代居民登记一个心愿：9栋1501独居老人郑伯，82岁，2型糖尿病、高血压，行动不便，想请人周六陪他去社区医院复查');
    const post = textsTo(filed, group).join('\n');
    expect(post).toContain('（病情略）');
    expect(post).not.toMatch(/糖尿病|高血压/u);
    const id = Number(/#(\d+)/u.exec(post)![1]);
    const helper = someone('小林');
    await c.t.say(helper, `报到 ${c.code}`);
    expect(textsTo(await c.t.say(helper, `认领 ${id}`), helper.id).join('\n')).toContain('2型糖尿病、高血压');
  });
});

describe("an official's orders for numbered items, and an invite code asked beside them", () => {
  it('"12号…给小何骑手，13号门禁给周网格，都两天内办好。再给我弄个党员的邀请码" does all of it', async () => {
    const director = someone('李主任');
    await c.t.say(director, `报到 ${c.officialCode}`);
    const rider = someone('小何骑手二');
    await c.t.say(rider, `报到 ${c.code}`);
    const grid = someone('周网格员');
    await c.t.say(grid, `报到 ${c.officialCode}`);
    const rubbish = await fileRequest(c.t, someone('王老师'), '反映 十二栋西侧垃圾桶旁边堆了很多装修垃圾 没有照片');
    const gate = await fileRequest(c.t, someone('赵阿姨'), '反映 九栋门禁坏了 刷卡没反应 没有照片');
    const sent = await c.t.say(director, `${rubbish}号垃圾那个给小何骑手二，${gate}号门禁给周网格员，都两天内办好。再给我弄个党员的邀请码，新来了几个志愿者`);
    expect((await ledgerItem(c.t, rubbish)).status).toBe('claimed');
    expect((await ledgerItem(c.t, gate)).status).toBe('claimed');
    expect((await ledgerItem(c.t, rubbish)).deadlineAt).not.toBeNull();
    expect((await ledgerItem(c.t, gate)).deadlineAt).toBe((await ledgerItem(c.t, rubbish)).deadlineAt);
    expect(textsTo(sent, director.id).join('\n')).toMatch(/邀请码：[A-Z0-9]{8}/u);
  });
});

describe('物业 hands back what is not theirs', () => {
  it('"N号这个不归我们管啊 …这个建议交给社区调解" from its holder gives it back, not news for the resident', async () => {
    const manager = someone('王志强');
    await c.t.say(manager, `报到 ${c.officialCode}`);
    const elder = someone('吴叔');
    const id = await fileRequest(c.t, elder, '反映 楼上卫生间漏水 把我家厕所顶上泡坏了 7栋602 没有照片');
    await c.t.say(manager, `认领 ${id}`);
    const sent = await c.t.say(manager, `${id}号这个不归我们管啊 是702住户家里防水层的问题 这个建议交给社区调解`);
    expect((await ledgerItem(c.t, id)).status).toBe('open');
    expect(textsTo(sent, elder.id).join('\n')).not.toContain('不归我们管');
  });
});
