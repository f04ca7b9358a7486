import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 30 and 31: a holder who gives an item back in a sentence, or who was wrongly
// read as done; an official who names the person before the item, or rejects in a formal sentence.

const group = 'g-holders-more';
const wang = { id: 'wang-holders-more', name: '何翠兰' };
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let memberCode: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao, memberCode } = await communityWithPeople(t, '长青社区', group));
});
afterAll(() => t.close());

describe('holders', () => {
  it('"…只能先放下了，哪位能接一下" gives it back; it is not done', async () => {
    const id = await newItem(t, wang, '心愿 想请人给孙子辅导下数学', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, '跟大家说一声，下周起我要去上海带外孙半个月，何大姐家小孙子的辅导只能先放下了，哪位能接一下，教案我都整理好了', { in: group });
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('open');
  });

  it('"刚才说错了 N号不是办完了 是我要放弃" takes the completion back and gives it back', async () => {
    const id = await newItem(t, wang, '心愿 想请人帮忙浇几天花', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `完成 ${id}`);
    await t.say(li, `刚才说错了 ${id}号不是办完了 是我要放弃 请别人接`);
    expect((await ledgerItem(t, id)).status).toBe('open');
  });
});

describe('officials', () => {
  it('"请郑凯同志负责N号事项" hands it to that volunteer', async () => {
    const zheng = { id: 'zheng-holders-more', name: '郑凯' };
    await t.say(zheng, `报到 ${memberCode}`);
    const id = await newItem(t, wang, '心愿 想请人教我用手机挂号', group);
    const r = await t.say(zhao, `@连心 请郑凯同志负责${id}号事项，尽快落实。`);
    expect(textsTo(r, zheng.id).join('\n')).toContain(`#${id}`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"…社区无权处理，予以退回。请告知居民…" rejects it with the whole as the reason', async () => {
    const id = await newItem(t, wang, '心愿 小区外面饭馆油烟太大 想请社区管管', group);
    await t.say(zhao, `@连心 ${id}号反映的餐饮油烟问题位于小区红线外，属城管部门执法范畴，社区无权处理，予以退回。请告知居民可拨打12345热线投诉。`);
    expect((await ledgerItem(t, id)).status).toBe('rejected');
  });

  it('"期限定于12月18日前" sets that day', async () => {
    const id = await newItem(t, wang, '心愿 想请人每周来量一次血压', group);
    const r = await t.say(zhao, `${id}号期限定于12月18日前`);
    expect(textsTo(r, zhao.id).join('\n')).toContain('12月18日');
  });
});
