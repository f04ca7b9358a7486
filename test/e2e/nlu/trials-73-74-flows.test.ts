import { describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo } from '../../helpers/test-app.ts';

// Issue 12, trials 73 and 74: a phone number in two pieces with words around them, a landline
// without its area code, a resident's words for the holder kept after "不是新事 额是说…", news of
// an item among an official's orders passed on, and a child shut in a lift said in 沪语.

const group = 'g-t7374';
const c = trialCommunity(group);
const { someone } = c;

describe('a phone number, as elders give it', () => {
  it('"行 13904512", then "367 这是俺闺女的电话 俺耳朵背接不着", is one number', async () => {
    const elder = someone('赵桂芝');
    await fileRequest(c.t, elder, '心愿 帮俺换个灯泡 3栋一单元201');
    expect(textsTo(await c.t.say(elder, '行 13904512'), elder.id).join('\n')).not.toContain('这是哪一类');
    expect(textsTo(await c.t.say(elder, '367 这是俺闺女的电话 俺耳朵背接不着'), elder.id).join('\n')).toContain('电话记下了');
  });

  it('"屋里电话 64187723 手机阿拉勿大会用" is a landline, not item #64187723', async () => {
    const elder = someone('王阿婆');
    await fileRequest(c.t, elder, '心愿 阿拉想寻人帮阿拉买点米 5栋301');
    const said = textsTo(await c.t.say(elder, '屋里电话 64187723 手机阿拉勿大会用'), elder.id).join('\n');
    expect(said).toContain('电话记下了');
    expect(said).not.toContain('没有找到');
  });
});

describe('words for the holder, said again', () => {
  it('"不是新事 额是说楼上吵的那个" passes on the words that started a draft', async () => {
    const grid = someone('常建军');
    await c.t.say(grid, `报到 ${c.officialCode}`);
    const elder = someone('赵福贵');
    const id = await fileRequest(c.t, elder, '反映 楼上那家天天黑夜十一二点还咚咚的 吵得睡不着 七号楼302 没有照片');
    await c.t.say(grid, `认领 ${id} 明天上午我去楼上敲门说说`);
    await c.t.say(elder, '额再看两天 还吵的话额再寻你们');
    const told = await c.t.say(elder, '不是新事 额是说楼上吵的那个');
    expect(textsTo(told, grid.id).join('\n')).toContain('额再看两天');
  });
});

describe("an official's orders with news among them", () => {
  it('"9号物业说…跟钟伯说一声；13号先挂着 暂停提醒一周": the news reaches 9号\'s resident', async () => {
    const director = someone('贺晓梅');
    await c.t.say(director, `报到 ${c.officialCode}`);
    const elder = someone('钟贵生');
    const lift = await fileRequest(c.t, elder, '反映 十二栋电梯又坏了 没有照片');
    const noise = await fileRequest(c.t, someone('郭来虎'), '反映 楼下天天半夜打麻将 吵得睡不着 没有照片');
    await c.t.say(director, `指派 ${lift} 物业公司`);
    await c.t.say(director, `指派 ${noise} 物业公司`);
    const sent = await c.t.say(director, `${lift}号物业说维保明天上午来修电梯 跟钟伯说一声；${noise}号先挂着 暂停提醒一周`);
    expect(textsTo(sent, elder.id).join('\n')).toContain('维保明天上午来修电梯');
    expect(textsTo(sent, director.id).join('\n')).not.toContain('没看懂');
  });
});

describe('emergencies', () => {
  it('"快点快点 九号楼电梯关牢人了 是隔壁人家个小囡…" gets the receipt first and an alert, no kind question', async () => {
    const officer = someone('马书记');
    await c.t.say(officer, `报到 ${c.officialCode}`);
    const elder = someone('王阿婆二');
    const sent = await c.t.say(elder, '快点快点 九号楼电梯关牢人了 是隔壁人家个小囡 勒里向哭 按铃呒没人应');
    const said = textsTo(sent, elder.id).join('\n');
    expect(said).not.toContain('这是哪一类');
    expect(said).toContain('紧急');
    expect(textsTo(sent, officer.id).join('\n')).toContain('【紧急】');
  });

  it('"8号可以结了 人已经送医院了" from its holder finishes the item', async () => {
    const nurse = someone('郝静');
    await c.t.say(nurse, `报到 ${c.code}`);
    const id = await fileRequest(c.t, someone('郭来虎二'), '心愿 明天想请人陪我去医院复查 五号楼201');
    await c.t.say(nurse, `认领 ${id}`);
    await c.t.say(nurse, `${id}号可以结了 人已经送医院了`, { in: group });
    expect((await ledgerItem(c.t, id)).status).toBe('done');
  });
});

describe('found trying the build as a new user', () => {
  it('"反映 五栋门口路灯唔着 好几晚了 冇相" (冇相: no photo) is filed without asking for one', async () => {
    const elder = someone('林伯');
    const said = textsTo(await c.t.say(elder, '反映 五栋门口路灯唔着 好几晚了 冇相'), elder.id).join('\n');
    expect(said).toMatch(/编号 #\d+/u);
    expect(said).not.toContain('照片');
  });
});

describe('a volunteer asking the group', () => {
  it('"现在还有啥单子没人接的 发我看看" from a volunteer in the group gets the open list; from a resident it is chatter', async () => {
    const volunteer = someone('林小雨');
    await c.t.say(volunteer, `报到 ${c.code}`);
    await fileRequest(c.t, someone('赵大姐'), '心愿 想请人帮我买袋米 3栋502');
    expect(textsTo(await c.t.say(volunteer, '现在还有啥单子没人接的 发我看看', { in: group }), group).join('\n')).toMatch(/待认领|#\d+/u);
    expect((await c.t.say(someone('邻居'), '现在还有啥单子没人接的 发我看看', { in: group })).replies).toEqual([]);
  });
});

describe('asked after in 沪语', () => {
  it('"阿拉个事体哪能了" from someone with one request answers how it stands; no kind question', async () => {
    const elder = someone('陈阿娘');
    const id = await fileRequest(c.t, elder, '心愿 阿拉想学用手机打视频 啥人好教教阿拉 十五幢三单元101');
    await c.t.say(elder, '覅留');
    const said = textsTo(await c.t.say(elder, '阿拉个事体哪能了'), elder.id).join('\n');
    expect(said).toContain(`#${id}`);
    expect(said).not.toContain('这是哪一类');
  });
});
