import { describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo } from '../../helpers/test-app.ts';

// Issue 12, trials 77 and 78: an address said again after the receipt, a holder's news that the
// resident's son fixed it, a resident's "覅弄了", and a verdict of "一般般" with a remark.

const group = 'g-t7778';
const c = trialCommunity(group);
const { someone } = c;

describe('an address said again', () => {
  it('"6幢3单元502" right after the receipt is kept, no new request started', async () => {
    const elder = someone('顾阿婆');
    const id = await fileRequest(c.t, elder, '心愿 伲屋里米吃光哉 想请人帮忙买袋米');
    const again = textsTo(await c.t.say(elder, '6幢3单元502'), elder.id).join('\n');
    expect(again).toContain('地址记下了');
    expect(again).not.toContain('哪一类');
    expect((await ledgerItem(c.t, id)).place).toBe('6幢3单元502');
    // Another address right after: put right, not a new request either.
    expect(textsTo(await c.t.say(elder, '6幢3单元503'), elder.id).join('\n')).not.toContain('哪一类');
    expect((await ledgerItem(c.t, id)).place).toBe('6幢3单元503');
  });
});

describe('fixed by someone else', () => {
  it('the holder\'s "老伯儿子已自行修好，我就不去了，此单请撤销" reaches the resident; the item stays, not done', async () => {
    const soldier = someone('周建军');
    await c.t.say(soldier, `报到 ${c.code}`);
    const elder = someone('沈老伯');
    const id = await fileRequest(c.t, elder, '心愿 厨房水龙头滴水 想请人帮忙修一下 2幢1单元301');
    await c.t.say(soldier, `认领 ${id}`);
    const sent = await c.t.say(soldier, `收到。${id}号老伯儿子已自行修好，我就不去了，此单请撤销。`);
    expect(textsTo(sent, elder.id).join('\n')).toContain('已自行修好');
    expect((await ledgerItem(c.t, id)).status).toBe('claimed');
    // The resident says it: withdrawn.
    await c.t.say(elder, `${id}号覅弄了 伲儿子今朝回来 已经修好了`);
    expect((await ledgerItem(c.t, id)).status).toBe('withdrawn');
  });
});

describe('a middling verdict', () => {
  it('"通是通了 但是井盖边边上还是臭烘烘的 一般般嘛" confirms with three stars', async () => {
    const rider = someone('小周');
    await c.t.say(rider, `报到 ${c.code}`);
    const resident = someone('陈幺妹');
    const id = await fileRequest(c.t, resident, '反映 8栋门口下水道堵了 臭得遭不住');
    await c.t.say(rider, `认领 ${id}`);
    await c.t.say(rider, `完成 ${id} 通了`);
    const answered = textsTo(await c.t.say(resident, '通是通了 但是井盖边边上还是臭烘烘的 一般般嘛'), resident.id).join('\n');
    expect(answered).not.toContain('在哪里');
    const item = await ledgerItem(c.t, id);
    expect(item.status).toBe('confirmed');
    expect(item.rating).toBe(3);
  });
});

describe('a request made before, named by its words', () => {
  it('"挂号那个不用了哈 孙女儿刚刚帮我挂好了" withdraws "…帮我在手机上挂个华西的号"', async () => {
    const elder = someone('刘建国');
    const id = await fileRequest(c.t, elder, '心愿 我想找个人帮我在手机上挂个华西的号 我搞不来这些 5栋1单元202');
    await c.t.say(elder, '挂号那个不用了哈 孙女儿刚刚帮我挂好了');
    expect((await ledgerItem(c.t, id)).status).toBe('withdrawn');
  });

  it('"我反映楼上剁馅儿那事儿 到底有人管没人管啊" asks after it, no new report', async () => {
    const elder = someone('刘大爷');
    const id = await fileRequest(c.t, elder, '反映 楼上天天半夜剁馅儿 吵得睡不着 9号楼2门301');
    const asked = textsTo(await c.t.say(elder, '我反映楼上剁馅儿那事儿 到底有人管没人管啊 介都两天了'), elder.id).join('\n');
    expect(asked).toContain(`#${id}`);
    expect(asked).not.toContain('在哪里');
    expect(asked).not.toContain('编号 #');
  });
});

describe('the address of the last wish', () => {
  it('is not asked again; said back in a direct chat, put right with "地址改为 …", never shown in the group', async () => {
    const elder = someone('王秀兰');
    await fileRequest(c.t, elder, '心愿 想请人帮俺买袋米 俺住5号楼二单元402');
    const second = textsTo(await c.t.say(elder, '俺想找个人教教俺咋用微信视品'), elder.id).join('\n');
    expect(second).toContain('地址按上次的：5号楼二单元402');
    expect(second).not.toContain('命令');
    const id = Number(/编号 #(\d+)/u.exec(second)?.[1]);
    await c.t.say(elder, '不留');
    await c.t.say(elder, '地址改为 5号楼二单元403');
    expect((await ledgerItem(c.t, id)).place).toBe('5号楼二单元403');
    const inGroup = await c.t.say(elder, '@连心 天冷了 俺想找个人帮俺把大衣柜顶上那床厚被子拿下来 俺够不着', { in: group });
    expect(textsTo(inGroup, group).join('\n')).not.toContain('二单元');
    const third = Number(/#(\d+)/u.exec(textsTo(inGroup, group).join('\n'))?.[1]);
    expect((await ledgerItem(c.t, third)).place).toBe('5号楼二单元403');
  });

  it('an official registering for residents is asked each time', async () => {
    const officer = someone('马主任');
    await c.t.say(officer, `报到 ${c.officialCode}`);
    await fileRequest(c.t, officer, '心愿 想请人帮忙搬个柜子 3号楼101');
    expect(textsTo(await c.t.say(officer, '想请人帮忙换个灯泡'), officer.id).join('\n')).toContain('请告诉我');
  });
});

describe("the office's lists", () => {
  it('"请把目前尚未办结的事项列表报我，注明责任人和办理期限。" lists what is in hand and what nobody took', async () => {
    const secretary = someone('孙书记');
    await c.t.say(secretary, `报到 ${c.officialCode}`);
    const doctor = someone('陈医生');
    await c.t.say(doctor, `报到 ${c.code}`);
    const taken = await fileRequest(c.t, someone('林阿嬷'), '反映 3号楼路灯不亮 没有照片');
    await c.t.say(doctor, `认领 ${taken}`);
    const open = await fileRequest(c.t, someone('赵大哥'), '反映 车棚顶漏雨 没有照片');
    const listed = textsTo(await c.t.say(secretary, '请把目前尚未办结的事项列表报我，注明责任人和办理期限。'), secretary.id).join('\n');
    expect(listed).not.toContain('哪一件');
    expect(listed).toContain(`#${taken}`);
    expect(listed).toContain('陈医生');
    expect(listed).toContain(`#${open}`);
  });
});

describe('a volunteer holding two items', () => {
  it('"米送到了 十斤的 放厨房了" closes the rice errand, not the kitchen light', async () => {
    const rider = someone('小赵');
    await c.t.say(rider, `报到 ${c.code}`);
    // (Both name 厨房: the rice is put in the kitchen, the light is the kitchen's.)
    const stove = await fileRequest(c.t, someone('孙奶奶'), '心愿 厨房灯泡坏了 够不着 想请人帮忙换一下 8栋2单元301');
    const rice = await fileRequest(c.t, someone('王桂兰'), '心愿 俺家米吃完了 腿疼下不了楼 5号楼3单元401');
    await c.t.say(rider, `认领 ${stove}`);
    await c.t.say(rider, `认领 ${rice}`);
    const said = textsTo(await c.t.say(rider, '米送到了 十斤的 放厨房了'), rider.id).join('\n');
    expect(said).not.toContain('哪一类');
    expect((await ledgerItem(c.t, rice)).status).toBe('done');
    expect((await ledgerItem(c.t, stove)).status).toBe('claimed');
  });
});
