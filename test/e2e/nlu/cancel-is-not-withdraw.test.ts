import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerItem, receiptNumber, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 40: "取消。4号的地址是…" (ending a stray draft) withdrew item 4, and "取消 6号能不能
// 快点" item 6; an official's "…我们社区管不了，退回去吧" gave an item back instead of rejecting it.

let t: TestApp;
const official = { id: 'cancel-official', name: '吴丽' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '取消社区', 'g-cancel');
  await t.say(official, `报到 ${c.officialCode}`);
});
afterAll(() => t.close());

describe('取消 ends a draft, not the request named after it', () => {
  it('"取消。4号的地址是…" with a stray draft open leaves the item open', async () => {
    const who = { id: 'cancel-grandson', name: '小宇' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 奶奶家灯泡坏了 想找人换一下 7栋'), who.id).join('\n'));
    await t.say(who, '1单元');
    const reply = textsTo(await t.say(who, `取消。${id}号的地址是7栋1单元402`), who.id).join('\n');
    expect(reply).not.toContain('已撤回');
    expect((await ledgerItem(t, id)).status).toBe('open');
  });

  it('"取消 N号能不能快点" asks after it; "取消 N号 不需要了" withdraws', async () => {
    const who = { id: 'cancel-zhao', name: '赵强' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 帮我看看电动车充电器 2号车棚'), who.id).join('\n'));
    await t.say(who, `取消 ${id}号能不能快点`);
    expect((await ledgerItem(t, id)).status).toBe('open');
    await t.say(who, `取消${id}号 不需要了`);
    expect((await ledgerItem(t, id)).status).toBe('withdrawn');
  });
});

describe('a withdrawal put right', () => {
  it('by the resident within the day, back to open; by an official, back to the volunteer who held it', async () => {
    const who = { id: 'cancel-li', name: '李秀珍' };
    const volunteer = { id: 'cancel-volunteer', name: '周淑芬' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 帮忙换个灯泡 7栋1单元402'), who.id).join('\n'));
    await t.say(who, `撤回 ${id}`);
    expect((await ledgerItem(t, id)).status).toBe('withdrawn');
    const back = textsTo(await t.say(who, `不是撤回${id}号！！${id}号还要的 奶奶灯还没换`), who.id).join('\n');
    expect(back).toContain(`#${id} 恢复了`);
    expect((await ledgerItem(t, id)).status).toBe('open');
    // Claimed, withdrawn by mistake, then restored by the office: the volunteer has it again.
    const c = await t.api('POST', '/api/invites', { communityId: (await ledgerItem(t, id)).communityId, role: 'member', maxUses: 5 });
    await t.say(volunteer, `报到 ${c.body.code}`);
    await t.say(volunteer, `认领 ${id}`);
    await t.say(who, `撤回 ${id}`);
    const reply = await t.say(official, `${id}号是误操作撤回的，重新打开`);
    expect(textsTo(reply, volunteer.id).join('\n')).toContain('恢复');
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('claimed');
    expect(item.events.map((e) => e.type).filter((e) => e === 'withdrawn' || e === 'restored')).toEqual(['withdrawn', 'restored', 'withdrawn', 'restored']);
  });
});

describe('an official sending an item back', () => {
  it('"…我们社区管不了，退回去吧" rejects it with the reason', async () => {
    const who = { id: 'cancel-wang', name: '王德海' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 解放路红绿灯时间太短 老人过不去'), who.id).join('\n'));
    const reply = await t.say(official, `${id}号红绿灯是解放路上的，归交警管，我们社区管不了，退回去吧`);
    expect(textsTo(reply, who.id).join('\n')).toContain('交警');
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('rejected');
  });
});
