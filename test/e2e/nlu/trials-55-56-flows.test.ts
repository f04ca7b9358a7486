import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 55 and 56 (and 57–58 at the end): a grandmother who types a character at a time ("你 好", "还 有 个 事"),
// a stroke survivor typing one-handed in pieces ("我想", "下楼难", "13709512288"), 宁夏话's 嫑.

const group = 'g-t5556';
let t: TestApp;
let code = '';
let officialCode = '';
let n = 0;
const someone = (name = '马奶奶'): SimPerson => ({ id: `t56-${++n}`, name });
const phoneOf = async (who: SimPerson) =>
  (await t.app.db.get<{ phone: string | null }>('SELECT phone FROM people WHERE platform_user_id = ?', [who.id]))!.phone;
const draftText = async (who: SimPerson) =>
  (await t.app.db.get<{ text: string }>('SELECT d.text FROM dialogues d JOIN people p ON p.id = d.person_id WHERE p.platform_user_id = ?', [who.id]))?.text;

beforeAll(async () => {
  t = await startTestApp();
  ({ memberCode: code, officialCode } = await setUpCommunity(t, '连心测试社区', group));
});
afterAll(() => t.close());

describe('people who type slowly', () => {
  it('"你 好", typed a character at a time, is a greeting: no draft begins', async () => {
    const who = someone();
    const reply = textsTo(await t.say(who, '你 好'), who.id).join('\n');
    expect(reply).toContain('您好');
    expect(reply).not.toContain('这是哪一类');
    expect(await draftText(who)).toBeUndefined();
  });

  it('"还 有 个 事" and "我想" announce a matter: the bot asks what it is, and the next words are the matter', async () => {
    const who = someone();
    const asked = textsTo(await t.say(who, '还 有 个 事'), who.id).join('\n');
    expect(asked).toContain('是什么事');
    expect(asked).not.toContain('这是哪一类');
    // The matter told next makes its kind plain: only where is asked.
    expect(textsTo(await t.say(who, '想 买 点 清 真 的 牛 肉'), who.id).join('\n')).toMatch(/微心愿[\s\S]*地址/u);
    expect(await draftText(who)).toBe('想买点清真的牛肉');

    const other = someone('老赵');
    expect(textsTo(await t.say(other, '我想'), other.id).join('\n')).toContain('是什么事');
    await t.say(other, '下楼难');
    expect(await draftText(other)).toBe('下楼难');
  });

  it('"嫑" (不要) drops a draft that has said nothing yet', async () => {
    const who = someone();
    await t.say(who, '我想');
    expect(textsTo(await t.say(who, '嫑'), who.id).join('\n')).toContain('已取消');
    expect(await draftText(who)).toBeUndefined();
  });

  it('a phone number sent on its own, with no question waiting, is kept, not filed as a request', async () => {
    const who = someone('老赵');
    await t.say(who, '心愿 想去医院复查 要人陪');
    await t.say(who, '不留');
    expect(textsTo(await t.say(who, '13709512288'), who.id).join('\n')).toContain('电话记下了');
    expect(await phoneOf(who)).toBe('13709512288');
    expect(await draftText(who)).toBeUndefined();
    expect(textsTo(await t.say(who, '我电话 13709512288'), who.id).join('\n')).toContain('已经记着了');
  });
});

describe('a volunteer\'s plan, and a resident told too early', () => {
  it('"收到 N号 下午三点前送到" from the holder is news for the resident, not a completion', async () => {
    const volunteer = someone('莫建国');
    await t.say(volunteer, `报到 ${code}`);
    const resident = someone('谭阿姨');
    const id = await fileRequest(t, resident, '心愿 想请人帮我去菜市场买十斤米 9栋101');
    await t.say(volunteer, `认领 ${id}`);
    const plan = await t.say(volunteer, `收到 ${id}号 下午三点前送到`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    expect(textsTo(plan, resident.id).join('\n')).toContain('下午三点前送到');

    // Marked done after all, too early: the resident says so, and it goes back to the holder.
    await t.say(volunteer, `完成 ${id} 米送到了`);
    const told = await t.say(resident, '米还没送来啊 怎么就说办好了');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    expect(textsTo(told, volunteer.id).join('\n')).toContain('米还没送来啊');
  });

  it('"我冇满意啊！…" right after a confirmation takes it back: no five stars', async () => {
    const volunteer = someone('蓝天宇');
    await t.say(volunteer, `报到 ${code}`);
    const resident = someone('谭阿姨');
    const id = await fileRequest(t, resident, '心愿 想请人帮我买袋米 9栋102');
    await t.say(volunteer, `认领 ${id}`);
    await t.say(volunteer, `完成 ${id} 送到了`);
    await t.say(resident, '好');
    await t.say(resident, '我冇满意啊！米都冇到 你咋个讲我确认了');
    const item = await ledgerItem(t, id);
    expect(item.status).not.toBe('confirmed');
    expect(item.rating).not.toBe(5);
  });
});

it('"没事没事 吓我一跳" said among neighbours in the group keeps the speaker\'s unfinished report', async () => {
  const mother = someone('黎小芳');
  await t.say(mother, '@连心 小区儿童滑梯那里有个螺丝冒出来了 好尖', { in: group });
  const before = await draftText(mother);
  expect(before).toContain('滑梯');
  const reply = await t.say(mother, '没事没事 吓我一跳', { in: group });
  expect(reply.replies).toEqual([]);
  expect(await draftText(mother)).toBe(before);
});

describe('the kind plain from the words is not asked', () => {
  it('a household\'s need in a direct chat goes straight to the address, saying how it is filed', async () => {
    const who = someone('谭阿姨');
    const first = textsTo(await t.say(who, '我腰闪了 动不了 想请人帮我去菜市场买十斤米'), who.id).join('\n');
    expect(first).not.toContain('这是哪一类');
    expect(first).toContain('按“微心愿”登记');
    expect(first).toContain('地址');
    const receipt = textsTo(await t.say(who, '9栋101'), who.id).join('\n');
    const item = await ledgerItem(t, Number(/编号 #(\d+)/u.exec(receipt)?.[1]));
    expect(item).toMatchObject({ kind: 'wish', place: '9栋101' });
  });

  it('a public trouble in the group is asked only for a photo, and the person may put the kind right', async () => {
    const who = someone('黎小芳');
    const first = textsTo(await t.say(who, '@连心 3栋2单元楼道灯坏了好几天了 晚上黑漆漆的', { in: group }), group).join('\n');
    expect(first).toMatch(/^黎\*，收到/u);
    expect(first).toContain('按“反映问题”登记');
    expect(first).toContain('照片');
    const receipt = textsTo(await t.say(who, '没照片', { in: group }), group).join('\n');
    expect((await ledgerItem(t, Number(/编号 #(\d+)/u.exec(receipt)?.[1]))).kind).toBe('report');

    const other = someone('老赵');
    await t.say(other, '我家门口那个灯坏了 想请人换一下');
    const changed = textsTo(await t.say(other, '改成反映问题'), other.id).join('\n');
    expect(changed).toContain('问题反映');
  });

  it('the pieces of a slow typist make the kind plain: it is not asked a second time', async () => {
    const who = someone('老赵');
    expect(textsTo(await t.say(who, '下楼难'), who.id).join('\n')).toContain('哪一类');
    const next = textsTo(await t.say(who, '想去医院复查'), who.id).join('\n');
    expect(next).toContain('按“微心愿”登记');
    expect(next).not.toContain('请回复 1');
  });
});

it('"买 菜 要 清 真 的" to "住哪里？" is kept with the wish, not taken as the address', async () => {
  const who = someone('马奶奶');
  await t.say(who, '想买点菜');
  const again = textsTo(await t.say(who, '买 菜 要 清 真 的'), who.id).join('\n');
  expect(again).toContain('记下了');
  expect(again).toContain('地址');
  const receipt = textsTo(await t.say(who, '7号楼2单元101'), who.id).join('\n');
  const item = await ledgerItem(t, Number(/编号 #(\d+)/u.exec(receipt)?.[1]));
  expect(item.place).toBe('7号楼2单元101');
  expect(item.text).toContain('买菜要清真的');
});

it('a resident\'s question or message for the holder, by name, reaches the holder rather than showing the status', async () => {
  const volunteer = someone('蓝天宇');
  await t.say(volunteer, `报到 ${code}`);
  const resident = someone('覃姐');
  const id = await fileRequest(t, resident, '心愿 阿婆周三要去医院复查 想请人陪一下 5栋101');
  await t.say(volunteer, `认领 ${id}`);
  for (const words of ['请问蓝同学周三几点来接阿婆啊 要带医保卡吗', '帮我带个话给蓝同学：周三几点来接阿婆，要不要带医保卡', '刚才讲的九点半的号是回答蓝同学的 你帮我转给他']) {
    const r = await t.say(resident, words);
    expect(textsTo(r, volunteer.id).join('\n')).toContain('提出人转告');
    expect(textsTo(r, resident.id).join('\n')).not.toContain('办理中');
  }
});

it('a holder who gives up in their words, or takes back a completion said too early, is understood', async () => {
  const volunteer = someone('蓝天宇');
  await t.say(volunteer, `报到 ${code}`);
  const a = await fileRequest(t, someone('韦阿婆'), '心愿 想请人帮忙换个灯泡 5栋101');
  await t.say(volunteer, `认领 ${a}`);
  await t.say(volunteer, `${a}号灯得供电所来弄 我爬不上去也没工具 放弃了sorry`);
  expect((await ledgerItem(t, a)).status).toBe('open');

  const b = await fileRequest(t, someone('韦阿婆'), '心愿 想请人帮忙修个门锁 5栋101');
  await t.say(volunteer, `认领 ${b}`);
  await t.say(volunteer, `完成 ${b}`);
  await t.say(volunteer, `我还没去呢 怎么就办结了 ${b}号撤销完成 我下午才去`);
  expect((await ledgerItem(t, b)).status).toBe('claimed');
});

it('an official\'s reminder for the holder ("提醒一下蓝天宇 N号抓紧", "转告 N 蓝天宇同学 …", "N号催一下蓝天宇") reaches the holder, not the resident', async () => {
  const volunteer = someone('蓝天宇');
  await t.say(volunteer, `报到 ${code}`);
  const official = someone('梁副书记');
  await t.say(official, `报到 ${officialCode}`);
  const resident = someone('韦阿婆');
  const id = await fileRequest(t, resident, '心愿 想请人帮忙换个灯泡 5栋101');
  await t.say(volunteer, `认领 ${id}`);
  for (const words of [`提醒一下蓝天宇 ${id}号抓紧`, `转告 ${id} 蓝天宇同学 阿婆的事请今天内处理`, `${id}号催一下蓝天宇`]) {
    const r = await t.say(official, words);
    expect(textsTo(r, volunteer.id).join('\n')).toContain('提醒您');
    expect(textsTo(r, resident.id)).toEqual([]);
  }
  expect((await ledgerItem(t, id)).claimantId).not.toBeNull();
  // Words for the resident still go to the resident.
  const r = await t.say(official, `转告 ${id} 物业说明天来人`);
  expect(textsTo(r, resident.id).join('\n')).toContain('物业说明天来人');
});

describe('an official in the group', () => {
  it('names an item by what it is about ("滑梯的事紧急，派给…，今天之内处理"): it is set, and no alarm is raised', async () => {
    const official = someone('梁副书记');
    await t.say(official, `报到 ${officialCode}`);
    const volunteer = someone('莫卫东');
    await t.say(volunteer, `报到 ${code}`);
    const id = await fileRequest(t, someone('黎小芳'), '反映 中心花园滑梯有颗螺丝冒出来了');
    const r = await t.say(official, '@连心 滑梯的事紧急，派给莫卫东，今天之内处理', { in: group });
    expect(textsTo(r, volunteer.id).join('\n')).toContain(`#${id}`);
    const item = await ledgerItem(t, id);
    expect(item).toMatchObject({ priority: 'urgent', claimantId: expect.any(Number) });
    expect(item.place).toBe('中心花园滑梯');
    expect(textsTo(r, group).join('\n')).not.toContain('哪一类');
  });

  it('a notice to everyone is not filed', async () => {
    const official = someone('海主任');
    await t.say(official, `报到 ${officialCode}`);
    const r = await t.say(official, '@连心 大家好，本周六上午九点在活动室开居民议事会，欢迎参加', { in: group });
    expect(textsTo(r, group).join('\n')).toContain('通知');
    expect(await draftText(official)).toBeUndefined();
  });

  it('"N号我自己办 完成 已电话告知" takes the item on and closes it', async () => {
    const official = someone('梁副书记');
    await t.say(official, `报到 ${officialCode}`);
    const id = await fileRequest(t, someone('谭阿姨'), '心愿 想问社区有没有老年人免费体检 5栋101');
    await t.say(official, `${id}号我自己办 完成 已电话告知`);
    expect((await ledgerItem(t, id)).status).toBe('done');
  });
});

it('"N号不归我们 井盖是市政的 退回" from 物业\'s manager holding it gives it back; it is not refused to the resident', async () => {
  const manager = someone('包经理');
  await t.say(manager, `报到 ${officialCode}`);
  const resident = someone('白大爷');
  const id = await fileRequest(t, resident, '心愿 北门外井盖翘起来了 想请人看看 北门');
  await t.say(manager, `认领 ${id}`);
  const r = await t.say(manager, `${id}号不归我们 井盖是市政的 退回`);
  expect((await ledgerItem(t, id)).status).toBe('open');
  expect(textsTo(r, resident.id).join('\n')).not.toContain('没有受理');
});

it('a question for the office ("想问下 社区有冇老年人免费体检 几时有") is filed as 政策咨询 at once, asked for no place or photo', async () => {
  const who = someone('谭阿姨');
  const receipt = textsTo(await t.say(who, '想问下 社区有冇老年人免费体检 几时有'), who.id).join('\n');
  expect(receipt).toContain('政策咨询');
  expect(receipt).not.toMatch(/哪一类|在哪里|照片/u);
});

it('"1，<what it is>" to the kind question keeps what is said after the 1', async () => {
  const who = someone('覃姐');
  await t.say(who, '喂 有冇人啊 我讲水龙头坏咯');
  await t.say(who, '1，我是她儿媳妇覃姐帮她打字，就是家里厨房的水龙头关不紧一直滴水，阿婆一个人在家弄不了');
  const receipt = textsTo(await t.say(who, '5栋1单元101'), who.id).join('\n');
  const item = await ledgerItem(t, Number(/编号 #(\d+)/u.exec(receipt)?.[1]));
  expect(item.text).toContain('关不紧一直滴水');
  expect(item.text).not.toContain('有冇人');
});

describe('trials 59-60', () => {
  it('"没照片" said to "在哪里？" skips the place and the photo both: the report is filed', async () => {
    const who = someone('老于头');
    await t.say(who, '@连心 俺家门口那个路灯不亮了 黑灯瞎火的', { in: group });
    const filed = textsTo(await t.say(who, '没照片', { in: group }), group).join('\n');
    expect(filed).toContain('编号');
    expect(filed).not.toContain('有照片的话');
  });

  it('"N号…我们管不了 这个我不接 退回去吧" from the unit it was given to hands it back; the resident is not refused', async () => {
    const official = someone('其木格');
    await t.say(official, `报到 ${officialCode}`);
    const manager = someone('物业的张工');
    await t.say(manager, `报到 ${officialCode}`);
    const resident = someone('包大娘');
    const id = await fileRequest(t, resident, '心愿 花园里有条大黄狗天天撵人 想请人管管 3号楼');
    await t.say(official, `${id}号交给物业`);
    const r = await t.say(manager, `${id}号狗的事我们管不了 这个我不接 退回去吧`);
    expect((await ledgerItem(t, id)).status).toBe('open');
    expect(textsTo(r, resident.id).join('\n')).not.toContain('没有受理');
  });

  it('chatter that asks the bot its opinion ("@连心 你话今个礼拜六会唔会落雨啊") starts nothing', async () => {
    const who = someone('小芳');
    const r = textsTo(await t.say(who, '@连心 你话今个礼拜六会唔会落雨啊 我哋想去白云山', { in: group }), group).join('\n');
    expect(r).not.toContain('哪一类');
    expect(await draftText(who)).toBeUndefined();
  });
});

describe('trials 57-58', () => {
  it('"N号内容有误 应为：…" from an official puts the item\'s words right, and its holder hears it', async () => {
    const official = someone('郭网格员');
    await t.say(official, `报到 ${officialCode}`);
    const volunteer = someone('刘骑手');
    await t.say(volunteer, `报到 ${code}`);
    const id = await fileRequest(t, someone('谭爹爹'), '心愿 屋里客厅的灯泡烧哒 楼上吵得很 5栋1单元202');
    await t.say(volunteer, `认领 ${id}`);
    const r = await t.say(official, `${id}号内容有误 应为：客厅灯泡烧了 要人来换`);
    expect((await ledgerItem(t, id)).text).toBe('客厅灯泡烧了 要人来换');
    expect(textsTo(r, volunteer.id).join('\n')).toContain('内容更正为');
    expect((await ledgerItem(t, id)).events.at(-1)).toMatchObject({ type: 'text_set' });
    // Said without the new words: how to say them, and nothing for the resident.
    const how = await t.say(official, `${id}号内容有误 把楼上吵那段删掉`);
    expect(textsTo(how, official.id).join('\n')).toContain('内容改为');
    expect(how.replies.filter((r) => r.conversationId !== official.id)).toEqual([]);
  });

  it('a volunteer\'s chatter in the group ("今天谁家炖肉了 楼道里好香") is no news of the 楼道 item they hold', async () => {
    const volunteer = someone('小周');
    await t.say(volunteer, `报到 ${code}`);
    const resident = someone('小吴');
    const id = await fileRequest(t, resident, '心愿 12号楼2单元楼道灯坏了 想请人帮忙换 12号楼2单元501');
    await t.say(volunteer, `认领 ${id}`);
    const r = await t.say(volunteer, '今天谁家炖肉了 楼道里好香', { in: group });
    expect(r.replies).toEqual([]);
  });

  it('a resident\'s new matter while words passed on wait ("您好，我还有一件事想反映：…") is not passed on', async () => {
    const volunteer = someone('黄老师');
    await t.say(volunteer, `报到 ${code}`);
    const resident = someone('周明');
    const id = await fileRequest(t, resident, '心愿 请帮我在网上申请补贴 3栋2单元402');
    await t.say(volunteer, `认领 ${id}`);
    await t.say(volunteer, `${id}号 周六上午十点上门可以吗？`);
    const r = await t.say(resident, '您好，我还有一件事想反映：3栋与4栋之间的儿童游乐区，滑梯旁边的铁栏杆已经松动，没有照片。');
    expect(textsTo(r, volunteer.id)).toEqual([]);
  });

  it('"派给她" or a name no member has is refused, not handed to a unit of that name; "派给物业小马" finds 物业的小马', async () => {
    const official = someone('方主任');
    await t.say(official, `报到 ${officialCode}`);
    const xiaoma = { id: 't58-xiaoma', name: '物业的小马' };
    await t.say(xiaoma, `报到 ${code}`);
    const id = await fileRequest(t, someone('顾老伯'), '心愿 阿拉屋里电视机勿来事了 想请人来弄一下 7号楼302');
    const r = await t.say(official, `${id}号紧急 派给她 今天内`);
    expect(textsTo(r, official.id).join('\n')).toContain('她');
    expect((await ledgerItem(t, id)).claimantId).toBeNull();
    expect((await ledgerItem(t, id)).priority).toBe('urgent');
    const given = await t.say(official, `${id}号 派给物业小马`);
    expect(textsTo(given, xiaoma.id).join('\n')).toContain(`#${id}`);
  });

  it('"取消 …" or "…取消" leaves a draft at any step, and what follows is answered', async () => {
    const who = someone('彭书记');
    await t.say(who, '6号楼门口的路灯坏了');
    const r = textsTo(await t.say(who, '取消 我要的是统计数字 这个月的'), who.id).join('\n');
    expect(r).toContain('已取消');
    expect(await draftText(who)).toBeUndefined();
    await t.say(who, '5号楼楼道灯坏了');
    expect(textsTo(await t.say(who, '不是反映问题你怎么老是搞错我是书记在布置工作取消'), who.id).join('\n')).toContain('已取消');
  });

  it('an official\'s orders about an item not named by number are asked "which one", not filed', async () => {
    const official = someone('彭书记');
    await t.say(official, `报到 ${officialCode}`);
    const r = textsTo(await t.say(official, '小郭啊那个消防通道的事情你去跟一下这个事情比较急要设成紧急三天之内必须解决'), official.id).join('\n');
    expect(r).toContain('哪一件');
    expect(await draftText(official)).toBeUndefined();
  });
});
