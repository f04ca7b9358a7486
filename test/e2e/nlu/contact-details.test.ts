import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople, ledgerItem, receiptNumber } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §5: a phone number is asked for with consent when a visit needs one, stored, never shown
// in a group, and given to whoever handles the item in their direct chat.

const group = 'g-contact';
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let n = 0;
const someone = (): SimPerson => ({ id: `c${++n}`, name: '韩奶奶' });
const phoneOf = async (who: SimPerson) =>
  (await t.app.db.get<{ phone: string | null }>('SELECT phone FROM people WHERE platform_user_id = ?', [who.id]))!.phone;

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '联系社区', group));
});
afterAll(() => t.close());

describe('a wish in a direct chat', () => {
  it('asks for a phone with consent, stores the answer, and gives it to the claimant only', async () => {
    const who = someone();
    const receipt = textsTo(await t.say(who, '心愿 想请人帮忙换个灯泡'), who.id)[0]!;
    expect(receipt).toContain('方便留个电话吗？不留也可以');
    const id = receiptNumber(receipt);
    const answer = await t.say(who, '138 1234 5678');
    expect(textsTo(answer, who.id)).toEqual(['好的，电话记下了，只有办理的志愿者和社区干部能看到。']);
    expect(await phoneOf(who)).toBe('13812345678');
    const claim = await t.say(li, `认领 ${id}`, { in: group });
    expect(textsTo(claim, li.id)[0]).toContain('电话：13812345678');
    expect(textsTo(claim, group).join('\n')).not.toContain('13812345678');
    expect(textsTo(claim, group)[0]).toBe(`认领成功：#${id} 由 李志强 办理，提出人的信息已私信发给办理人。`);
  });

  it.each(['不留了', '不用了', '不方便', '算了吧'])('"%s" declines, and nobody asks again for that item', async (no) => {
    const who = someone();
    const id = receiptNumber(textsTo(await t.say(who, '心愿 帮忙取个快递'), who.id)[0]!);
    expect(textsTo(await t.say(who, no), who.id)).toEqual(['好的，不留也没关系，有进展我会在这里告诉您。']);
    expect(await phoneOf(who)).toBeNull();
    const claim = await t.say(li, `认领 ${id}`);
    expect(textsTo(claim, li.id)[0]).toContain('电话：没有留');
  });

  it('a phone left after the claim goes to the claimant at once', async () => {
    const who = someone();
    const id = receiptNumber(textsTo(await t.say(who, '心愿 帮忙修下自行车'), who.id)[0]!);
    await t.say(li, `认领 ${id}`);
    const later = await t.say(who, '我的电话是13987654321');
    expect(textsTo(later, li.id)).toEqual([`#${id} 的提出人留了电话：13987654321`]);
  });

  it('a phone written in the wish itself is taken, and not asked for again', async () => {
    const who = someone();
    const receipt = textsTo(await t.say(who, '心愿 帮忙修门锁 电话 139-1111-2222'), who.id)[0]!;
    expect(receipt).not.toContain('方便留个电话');
    expect(await phoneOf(who)).toBe('13911112222');
    const id = receiptNumber(receipt);
    expect(textsTo(await t.say(li, `认领 ${id}`), li.id)[0]).toContain('电话：13911112222');
  });

  it('a report about a public place needs no visit: no phone question', async () => {
    const who = someone();
    await t.say(who, '反映 3号楼东门的路灯坏了');
    expect(textsTo(await t.say(who, '没有'), who.id)[0]).not.toContain('电话');
  });
});

describe('in a group', () => {
  it('asks for the phone in the direct chat, and the group post masks any number in the text', async () => {
    const who = someone();
    const r = await t.say(who, '心愿 帮忙买药 电话13600001111', { in: group });
    expect(textsTo(r, group).join('\n')).not.toContain('13600001111');
    // It came with the wish: nothing to ask.
    expect(textsTo(r, who.id)).toEqual([]);
    const other = someone();
    const r2 = await t.say(other, '心愿 帮忙扛一袋米上楼', { in: group });
    expect(textsTo(r2, other.id)[0]).toContain('请在这里回复，不会发到群里');
    expect(textsTo(r2, group).join('\n')).not.toContain('电话');
  });
});

describe('an assignment', () => {
  it('gives the assignee the submitter’s phone in a direct message that does not say “您认领了”', async () => {
    const who = someone();
    const id = receiptNumber(textsTo(await t.say(who, '心愿 帮忙通下水道'), who.id)[0]!);
    await t.say(who, '13700002222');
    const r = await t.say(zhao, `指派 ${id} @李志强`, { in: group });
    const toLi = textsTo(r, li.id)[0]!;
    expect(toLi).toMatch(new RegExp(`^社区把 #${id} `, 'u'));
    expect(toLi).not.toContain('您认领了');
    expect(toLi).toContain('电话：13700002222');
    expect(textsTo(r, group)[0]).toBe(`已将 #${id} 交给 李志强 办理。`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });
});
