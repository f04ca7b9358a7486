import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 55 and 56: a grandmother who types a character at a time ("你 好", "还 有 个 事"),
// a stroke survivor typing one-handed in pieces ("我想", "下楼难", "13709512288"), 宁夏话's 嫑.

const group = 'g-t5556';
let t: TestApp;
let n = 0;
const someone = (name = '马奶奶'): SimPerson => ({ id: `t56-${++n}`, name });
const phoneOf = async (who: SimPerson) =>
  (await t.app.db.get<{ phone: string | null }>('SELECT phone FROM people WHERE platform_user_id = ?', [who.id]))!.phone;
const draftText = async (who: SimPerson) =>
  (await t.app.db.get<{ text: string }>('SELECT d.text FROM dialogues d JOIN people p ON p.id = d.person_id WHERE p.platform_user_id = ?', [who.id]))?.text;

beforeAll(async () => {
  t = await startTestApp();
  await setUpCommunity(t, '连心测试社区', group);
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
    await t.say(who, '想 买 点 清 真 的 牛 肉');
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
