import { describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo } from '../../helpers/test-app.ts';

// Issue 12, trials 71 and 72: answers for a volunteer that became new requests, a volunteer's
// "送到了" with sums of money in it, a phone number sent as "电话1389" then the rest, the office
// withdrawing for a resident who phoned, and a satisfied verdict with a worry that reopened an item
// confirmed the day before.

const group = 'g-t7172';
const c = trialCommunity(group);
const { someone } = c;

describe('answers for the volunteer', () => {
  it('"要得要得 十斤就够哒 买那个五常的…" to "买十斤的可以吧" reaches the volunteer; nothing new is filed', async () => {
    const volunteer = someone('李骏');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('刘桂英');
    const id = await fileRequest(c.t, elder, '我屋里冇得米哒 想请个人帮我买袋米送上来 五栋二单元四零二');
    const claimed = await c.t.say(volunteer, `买米那个${id}号我来 今天中午一点左右给奶奶送过去 买十斤的可以吧`);
    expect(textsTo(claimed, elder.id).join('\n')).toContain('买十斤的可以吧');
    const answer = await c.t.say(elder, '要得要得 十斤就够哒 买那个五常的 钱我到时候把给你');
    expect(textsTo(answer, volunteer.id).join('\n')).toContain('五常');
    expect(textsTo(answer, elder.id).join('\n')).not.toContain('这是哪一类');
  });

  it('"不是新的 是跟买米那个小李说的" after words that started a draft passes those words on', async () => {
    const volunteer = someone('李老师');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('李德顺');
    const id = await fileRequest(c.t, elder, '帮我买一袋米 九栋三单元602');
    await c.t.say(volunteer, `认领 ${id} 明天上午送过去`);
    await c.t.say(elder, '我想要东北大米哈 菜籽油最好');
    const told = await c.t.say(elder, '不是新的 是跟买米那个小李说的');
    expect(textsTo(told, volunteer.id).join('\n')).toContain('东北大米');
  });
});

describe("a volunteer's own words", () => {
  it('"送到了 奶奶给了我65块钱 米钱是62…" from the holder of one item finishes it', async () => {
    const volunteer = someone('李五');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('王奶奶');
    const id = await fileRequest(c.t, elder, '帮我买袋米 五栋二单元402');
    await c.t.say(volunteer, `认领 ${id}`);
    const done = await c.t.say(volunteer, '送到了 奶奶给了我65块钱 米钱是62 多的3块她说不用找了 我给她放桌上了');
    expect((await ledgerItem(c.t, id)).status).toBe('done');
    expect(textsTo(done, elder.id).join('\n')).toMatch(/满意/u);
  });
});

describe('a phone number', () => {
  it('"电话1389", then "3127756", is one number', async () => {
    const elder = someone('马福海');
    await fileRequest(c.t, elder, '帮我买点菜 九栋三单元602');
    const first = textsTo(await c.t.say(elder, '电话1389'), elder.id).join('\n');
    expect(first).not.toContain('这是哪一类');
    expect(textsTo(await c.t.say(elder, '3127756'), elder.id).join('\n')).toContain('电话记下了');
  });

  it('"电话 没有 孙女 的 有 等她 回来" declines it, kindly', async () => {
    const elder = someone('普阿芝');
    await fileRequest(c.t, elder, '我 想 请 人 帮 我 换 灯 泡 五 栋 一 单 元 101');
    const said = textsTo(await c.t.say(elder, '电话 没有 孙女 的 有 等她 回来'), elder.id).join('\n');
    expect(said).toContain('不留也没关系');
  });
});

describe('the office acts for a resident', () => {
  it('"帮她把N号撤掉吧 她说不用了" withdraws it, and she is told how to undo it', async () => {
    const director = someone('刘建华');
    await c.t.say(director, `报到 ${c.officialCode}`);
    const elder = someone('张秀兰');
    const id = await fileRequest(c.t, elder, '帮我换个水龙头 八号楼二单元301');
    const sent = await c.t.say(director, `帮她把${id}号撤掉吧 她说不用了`);
    expect((await ledgerItem(c.t, id)).status).toBe('withdrawn');
    expect(textsTo(sent, elder.id).join('\n')).toContain(`恢复 ${id}`);
    await c.t.say(elder, `恢复 ${id}`);
    expect((await ledgerItem(c.t, id)).status).toBe('open');
  });

  it('a member who is no official still cannot withdraw what someone else asked for', async () => {
    const volunteer = someone('孙志');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const id = await fileRequest(c.t, someone('赵大妈'), '帮我拿个快递 三栋一单元201');
    expect(textsTo(await c.t.say(volunteer, `撤回 ${id}`), volunteer.id).join('\n')).toContain('提出人');
    expect((await ledgerItem(c.t, id)).status).toBe('open');
  });
});

describe('a verdict with a worry', () => {
  it('"…会不会又停回来咯 你们要盯紧点 满意" confirms the car; the tap confirmed yesterday stays closed', async () => {
    const volunteer = someone('曾淑华');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('周德胜');
    const tap = await fileRequest(c.t, elder, '我屋里厨房水龙头关不紧 一晚上滴滴答答 二栋五零三');
    await c.t.say(volunteer, `认领 ${tap}`);
    await c.t.say(volunteer, `完成 ${tap} 换了阀芯`);
    await c.t.say(elder, '满意');
    const car = await fileRequest(c.t, elder, '反映 二栋楼下消防通道上停了辆车 好几天了 没有照片');
    await c.t.say(volunteer, `认领 ${car}`);
    await c.t.say(volunteer, `完成 ${car} 车主挪走了`);
    await c.t.say(elder, '车是挪走哒 要得 但是明天渠屋里亲戚会不会又停回来咯 你们要盯紧点 满意');
    expect((await ledgerItem(c.t, car)).status).toBe('confirmed');
    expect((await ledgerItem(c.t, tap)).status).toBe('confirmed');
  });
});

describe('said the way they say it', () => {
  it('"@连心 孙女 学校 要 交 钱 手机 上 交 我 不会 弄 谁 教 我" in the group is a request, not an empty message', async () => {
    const elder = someone('普阿芝');
    const said = textsTo(await c.t.say(elder, '@连心 孙女 学校 要 交 钱 手机 上 交 我 不会 弄 谁 教 我', { in: group }), group).join('\n');
    expect(said).not.toContain('请发文字内容');
    expect(said).toMatch(/编号 #\d+|这是哪一类/u);
  });

  it('"小陈 你明早来敲门 …" reaches 陈 who holds her request, not "meant for someone else"', async () => {
    const volunteer = someone('陈浩宇');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('赵桂芬');
    const id = await fileRequest(c.t, elder, '帮我去社区医院拿药 五栋二单元402');
    await c.t.say(volunteer, `认领 ${id}`);
    const told = await c.t.say(elder, '小陈 你明早来敲门 我把医保卡和药盒子给你 照着药盒子开就得');
    expect(textsTo(told, volunteer.id).join('\n')).toContain('医保卡和药盒子');
  });

  it('"这周志愿者哪个干得最多 给我排个名 周一开会要表扬" from an official is the 先锋榜, not a notice', async () => {
    const director = someone('罗建国');
    await c.t.say(director, `报到 ${c.officialCode}`);
    const said = textsTo(await c.t.say(director, '这周志愿者哪个干得最多 给我排个名 周一开会要表扬'), director.id).join('\n');
    expect(said).not.toContain('通知');
    expect(said).toContain('先锋榜');
  });

  it('"…陪马大爷去医院那个我去不了了 谁能帮忙接一下" gives back that one, not the one given back before', async () => {
    const volunteer = someone('陈志');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const light = await fileRequest(c.t, someone('张秀兰'), '反映 小区东门那个路灯不亮了 没有照片');
    const escort = await fileRequest(c.t, someone('马福海'), '礼拜三想请人陪我去医院看眼睛 九栋三单元602');
    await c.t.say(volunteer, `认领 ${light}`);
    await c.t.say(volunteer, `认领 ${escort}`);
    await c.t.say(volunteer, `放弃 ${light} 我搞不定 得专业电工`);
    await c.t.say(volunteer, '不好意思各位 礼拜三单位临时通知开会 陪马大爷去医院那个我去不了了 谁能帮忙接一下', { in: group });
    expect((await ledgerItem(c.t, escort)).status).toBe('open');
  });
});

describe('said once is enough', () => {
  it('"反映问题嘞 冇得照片 半夜哪个去拍" to the kind question: the place is asked, the photo is not, and the skip is no content', async () => {
    const elder = someone('邹长根');
    await c.t.say(elder, '那个东西又坏了 好几天了');
    const asked = textsTo(await c.t.say(elder, '反映问题嘞 冇得照片 半夜哪个去拍'), elder.id).join('\n');
    expect(asked).toContain('在哪里');
    const filed = textsTo(await c.t.say(elder, '就是马路对面的工地啊 建商场那个'), elder.id).join('\n');
    expect(filed).not.toContain('照片');
    const id = Number(/编号 #(\d+)/u.exec(filed)?.[1]);
    expect((await ledgerItem(c.t, id)).text).not.toContain('照片');
  });

  it('"跟你说过了嘛 耳朵背 不留" declines the phone; nothing new is started', async () => {
    const elder = someone('李德顺');
    await fileRequest(c.t, elder, '心愿 帮我理个发 九栋一单元101');
    const said = textsTo(await c.t.say(elder, '跟你说过了嘛 耳朵背 不留'), elder.id).join('\n');
    expect(said).toContain('不留也没关系');
    expect(said).not.toContain('这是哪一类');
  });
});
