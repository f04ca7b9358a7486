import { describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo } from '../../helpers/test-app.ts';

// Issue 12, trials 67 and 68: a verdict about one thing kept off a confirmed item about another, a
// question about another matter not answered with one's own item's record, and an official's "那件
// 紧急" that marks the item meant instead of raising a new alarm.

const group = 'g-t6768';
const c = trialCommunity(group);
const { someone } = c;

describe('words about one thing, another confirmed just before', () => {
  it('"井盖儿换上了 瞅着挺结实 满意" does not re-rate the stair light confirmed an hour ago', async () => {
    const volunteer = someone('小李');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const elder = someone('张大爷');
    const light = await fileRequest(c.t, elder, '反映 五号楼二单元楼道灯黑了 没有照片');
    await c.t.say(volunteer, `认领 ${light}`);
    await c.t.say(volunteer, `完成 ${light} 换了灯泡`);
    await c.t.say(elder, '还行吧 三星');
    expect((await ledgerItem(c.t, light)).rating).toBe(3);
    await c.t.say(elder, '井盖儿换上了 瞅着挺结实 满意');
    expect((await ledgerItem(c.t, light)).rating).toBe(3);
  });
});

describe('a question about another matter', () => {
  it('"@连心 物业啥时候来摘马蜂窝啊" does not post the asker\'s own item about a manhole', async () => {
    const mother = someone('小周');
    await fileRequest(c.t, mother, '反映 八号楼门口井盖松了 小孩会踩进去 没有照片');
    const said = textsTo(await c.t.say(mother, '@连心 物业啥时候来摘马蜂窝啊 孩子放学了都', { in: group }), group).join('\n');
    expect(said).not.toContain('井盖');
  });
});

describe("an official's '那件 紧急'", () => {
  it('"马蜂窝那件 紧急" marks the hornet nest urgent; no new alarm is raised', async () => {
    const secretary = someone('书记');
    await c.t.say(secretary, `报到 ${c.officialCode}`);
    const nest = await fileRequest(c.t, someone('马叔'), '反映 小区北门健身器材旁边树上有个大马蜂窝 孩子们都在底下玩 没有照片');
    const sent = textsTo(await c.t.say(secretary, '马蜂窝那件 紧急'), secretary.id).join('\n');
    expect(sent).not.toContain('请立即拨打');
    expect((await ledgerItem(c.t, nest)).priority).toBe('urgent');
  });
});

describe('a report that says it has no photo', () => {
  it('"…路灯坏了好几天了黑黢黢的 没有照片", with no draft open, is filed, not taken as a skip of nothing', async () => {
    const elder = someone('张大爷');
    const said = textsTo(await c.t.say(elder, '我们七动楼底下那个路灯坏了好几天了黑黢黢的 没有照片'), elder.id).join('\n');
    expect(said).toMatch(/已登记，编号 #\d+/u);
    const neighbour = someone('李婶');
    expect(textsTo(await c.t.say(neighbour, '没有照片'), neighbour.id).join('\n')).toContain('没有正在登记');
  });
});
