import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 41–42: an official's 公文 and numbered lists set what they say; a volunteer's
// report in plain words closes the item; a question after confirmation reopens nothing.

const group = 'g-office-style';
let t: TestApp;
const cadre = { id: 'os-cadre', name: '吴卫东' };
const volunteer = { id: 'os-volunteer', name: '钱国强' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '公文社区', group);
  await t.say(cadre, `报到 ${c.officialCode}`);
  await t.say(volunteer, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

describe('an official in the style of a 公文', () => {
  it('"经研究，N号事项请予以加急处理，着物业公司办理，限三个工作日内完成。" sets all three', async () => {
    const id = await fileRequest(t, { id: 'os-lu', name: '陆建华' }, '反映 地库B2出口坡道积水 很滑');
    await t.say(cadre, `经研究，${id}号事项请予以加急处理，着物业公司办理，限三个工作日内完成。`);
    const item = await ledgerItem(t, id);
    expect(item.priority).toBe('urgent');
    expect(item.assignedUnit).toBe('物业公司');
    expect(item.deadlineAt).not.toBeNull();
    expect(item.place).toBe('地库B2出口坡道');
  });

  it('"N号：1、交物业公司返工；2、期限2个工作日。" reads the list as settings of N, not item 2', async () => {
    const id = await fileRequest(t, { id: 'os-gu', name: '顾婷婷' }, '反映 12幢电梯按钮按了没反应');
    const other = await fileRequest(t, { id: 'os-zhang', name: '张阿姨' }, '心愿 帮我买点菜 5栋101');
    await t.say(cadre, `${id}号：1、交物业公司返工；2、期限2个工作日。`);
    expect((await ledgerItem(t, id)).assignedUnit).toBe('物业公司');
    expect((await ledgerItem(t, other)).status).toBe('open');
  });

  it('a resident\'s words are kept as typed', async () => {
    const who = { id: 'os-resident', name: '沈阿婆' };
    const id = await fileRequest(t, who, '心愿 着急办理老年卡 想请人陪我去 7号楼302');
    expect((await ledgerItem(t, id)).text).toContain('着急办理老年卡');
  });
});

describe('a volunteer and a resident, in their words', () => {
  it('"N号漆已干透，警戒线已撤除，可正常使用！" from the holder closes it; a later question reopens nothing', async () => {
    const who = { id: 'os-jiang', name: '蒋阿姨' };
    const id = await fileRequest(t, who, '反映 健身区长椅油漆掉了 请人刷一下');
    await t.say(volunteer, `认领 ${id}`);
    const reply = await t.say(volunteer, `${id}号漆已干透，警戒线已撤除，可正常使用！`, { in: group });
    expect(textsTo(reply, who.id).join('\n')).toContain('满意吗');
    expect((await ledgerItem(t, id)).status).toBe('done');
    await t.say(who, '满意');
    expect((await ledgerItem(t, id)).status).toBe('confirmed');
    await t.say(who, '想问下社区有没有那种免费帮小孩辅导作业的');
    expect((await ledgerItem(t, id)).status).toBe('confirmed');
  });
});

describe('an official dictating while walking', () => {
  it('"@连心 N号那个坡道的事儿加急啊让钱国强今天上午就给挪开" in the group: urgent, handed to him, due today', async () => {
    const id = await fileRequest(t, { id: 'os-slope', name: '李想' }, '反映 地库坡道上堆了一堆建筑垃圾');
    const spoken = id < 10 ? '零一二三四五六七八九'[id]! : String(id);
    await t.say(cadre, `@连心 ${spoken}号那个坡道的事儿加急啊让钱国强今天上午就给挪开`, { in: group });
    const item = await ledgerItem(t, id);
    expect(item.priority).toBe('urgent');
    expect(item.claimantName).toBe('钱国强');
    expect(item.deadlineAt).not.toBeNull();
  });
});

describe('a clerk pasting rows from Excel', () => {
  it('"编号⇥承办⇥期限" rows hand each item out with its deadline', async () => {
    const a = await fileRequest(t, { id: 'os-row-a', name: '周会计' }, '反映 车棚顶棚漏雨 3栋车棚');
    const b = await fileRequest(t, { id: 'os-row-b', name: '林阿姨' }, '心愿 帮我取一下快递 5栋201');
    await t.say(cadre, `编号\t承办\t期限\n${a}\t物业\t12月10日\n${b}\t钱国强\t3天`);
    const first = await ledgerItem(t, a);
    expect(first.assignedUnit).toBe('物业');
    expect(first.deadlineAt).not.toBeNull();
    expect((await ledgerItem(t, b)).claimantName).toBe('钱国强');
  });
});

describe('asking after one of several requests by its thing', () => {
  it('"充电桩呢" shows the request about the charging post, not a new draft', async () => {
    const who = { id: 'os-rider', name: '骑手小王' };
    const post = await fileRequest(t, who, '反映 小区门口的充电桩坏了 充不了电');
    await fileRequest(t, who, '反映 3栋外卖柜门关不严');
    const reply = textsTo(await t.say(who, '充电桩呢'), who.id).join('\n');
    expect(reply).toContain(`#${post}`);
    expect(reply).not.toContain('哪一类');
  });
});

describe('an official asking how', () => {
  it('"N号…是不是应该设个期限？怎么设" gets the help, and nothing reaches the resident', async () => {
    const who = { id: 'os-chenmo', name: '陈默' };
    const id = await fileRequest(t, who, '心愿 帮我装个闪光门铃 5栋301');
    const reply = await t.say(cadre, `${id}号那个装门铃的，是不是应该设个期限？怎么设`);
    expect(textsTo(reply, cadre.id).join('\n')).toContain('期限 12');
    expect(textsTo(reply, who.id)).toEqual([]);
  });
});

describe('a holder on the way, and asking (trial 48)', () => {
  it('"N号 收到 马上去" from its holder tells the resident; "N号 药叫啥名 有医保卡没" reaches the resident', async () => {
    const who = { id: 'os-vendor', name: '杨德明' };
    const id = await fileRequest(t, who, '反映 3栋门口下水道堵了 一直反水');
    await t.say(volunteer, `认领 ${id}`);
    const onTheWay = await t.say(volunteer, `${id}号 收到 马上去`, { in: group });
    expect(textsTo(onTheWay, who.id).join('\n')).toContain('马上去');
    const asked = await t.say(volunteer, `${id}号 药叫啥名 有医保卡没`);
    expect(textsTo(asked, who.id).join('\n')).toContain('药叫啥名');
  });
});
