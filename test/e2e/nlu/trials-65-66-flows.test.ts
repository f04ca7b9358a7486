import { describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo } from '../../helpers/test-app.ts';

// Issue 12, trials 65 and 66: verdicts on two done items in one message, an official's words for
// the office not sent to the resident, and an answer to "这是哪一类？" that is not a verdict.

const group = 'g-t6566';
const c = trialCommunity(group);
const { someone } = c;

describe('two done notices, one answer', () => {
  it('"垃圾的满意 灯的话三楼那盏还是不亮 按了没反应" confirms the rubbish and sends the light back', async () => {
    const manager = someone('赵经理');
    await c.t.say(manager, `报到 ${c.officialCode}`);
    const resident = someone('刘先生');
    const light = await fileRequest(c.t, resident, '反映 12栋三楼楼道灯不亮 没有照片');
    const rubbish = await fileRequest(c.t, resident, '反映 12栋门口垃圾桶满了没人清 没有照片');
    for (const id of [light, rubbish]) {
      await c.t.say(manager, `认领 ${id}`);
      await c.t.say(manager, `完成 ${id} 弄好了`);
    }
    await c.t.say(resident, '垃圾的满意 灯的话三楼那盏还是不亮 按了没反应');
    expect((await ledgerItem(c.t, rubbish)).status).toBe('confirmed');
    expect((await ledgerItem(c.t, light)).status).toBe('claimed');
  });
});

describe("an official's words for the office", () => {
  it('"N号轮椅的，老赵手巧，也给他吧，这周五前" is said back to the official, not sent to the resident', async () => {
    const secretary = someone('李书记');
    await c.t.say(secretary, `报到 ${c.officialCode}`);
    const carer = someone('陈女士');
    const id = await fileRequest(c.t, carer, '心愿 我妈的轮椅刹车不灵了 想请会修的志愿者上门看看 3栋2单元601');
    const sent = await c.t.say(secretary, `${id}号轮椅的，老赵手巧，也给他吧，这周五前`);
    expect(textsTo(sent, carer.id)).toEqual([]);
    expect(textsTo(sent, secretary.id).join('\n')).toContain('没看懂');
  });
});

describe('an answer to "这是哪一类？" while an old item waits for a verdict', () => {
  it('"公家的嘛 电线又不是我屋里的" files the report; the confirmed stove stays confirmed', async () => {
    const volunteer = someone('小明');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('吴爹爹');
    const stove = await fileRequest(c.t, elder, '心愿 我屋里煤气灶打不着火 想请人来看看 12栋304');
    await c.t.say(volunteer, `认领 ${stove}`);
    await c.t.say(volunteer, `完成 ${stove} 换了电池`);
    await c.t.say(elder, '满意');
    expect((await ledgerItem(c.t, stove)).status).toBe('confirmed');
    expect(textsTo(await c.t.say(elder, '楼下那个灯坏了'), elder.id).join('\n')).toContain('哪一类');
    await c.t.say(elder, '公家的嘛 灯又不是我屋里的');
    expect((await ledgerItem(c.t, stove)).status).toBe('confirmed');
    const draft = await c.t.app.db.get<{ kind: string | null }>("SELECT d.kind FROM dialogues d JOIN people p ON p.id = d.person_id WHERE p.platform_user_id = ?", [elder.id]);
    // The draft goes on as a report (asked where next), not filed or taken as a wish.
    expect(draft?.kind).toBe('report');
  });
});
