import { afterAll, beforeAll, expect, it } from 'vitest';
import { communityWithPeople, receiptNumber } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12's remaining list: a phone number typed in two sends ("138 0013", then "8000") got "评分请用
// 1 到 5" for the first part and a new draft for the second; the number was never kept.

const group = 'g-phone-pieces';
let t: TestApp;
let li: SimPerson;
let n = 0;
const someone = (): SimPerson => ({ id: `pp${++n}`, name: '赵叔' });
const phoneOf = async (who: SimPerson) =>
  (await t.app.db.get<{ phone: string | null }>('SELECT phone FROM people WHERE platform_user_id = ?', [who.id]))!.phone;
const draftsOf = async (who: SimPerson) =>
  (await t.app.db.all('SELECT d.id FROM dialogues d JOIN people p ON p.id = d.person_id WHERE p.platform_user_id = ?', [who.id])).length;

beforeAll(async () => {
  t = await startTestApp();
  ({ li } = await communityWithPeople(t, '分段社区', group));
});
afterAll(() => t.close());

it('a number sent in two or three pieces is put together, kept, and given to the claimant', async () => {
  const who = someone();
  const id = receiptNumber(textsTo(await t.say(who, '心愿 想请人帮我换个灯泡 9号楼101'), who.id)[0]!);
  expect(textsTo(await t.say(who, '138 0013'), who.id)).toEqual(['好的，后面几位呢？接着发就行。']);
  expect(await phoneOf(who)).toBeNull();
  expect(textsTo(await t.say(who, '8000'), who.id)[0]).toContain('电话记下了');
  expect(await phoneOf(who)).toBe('13800138000');
  expect(await draftsOf(who)).toBe(0);
  expect(textsTo(await t.say(li, `认领 ${id}`, { in: group }), li.id)[0]).toContain('电话：13800138000');

  const other = someone();
  await t.say(other, '心愿 想请人帮我修下门锁 2号楼');
  await t.say(other, '139');
  await t.say(other, '1234');
  await t.say(other, '5678');
  expect(await phoneOf(other)).toBe('13912345678');
});

it('pieces that make too many digits are asked for again, and nothing wrong is kept', async () => {
  const who = someone();
  await t.say(who, '心愿 想请人帮我修下门锁 2号楼');
  await t.say(who, '138 0013');
  expect(textsTo(await t.say(who, '80001'), who.id)[0]).toContain('号码好像不对');
  expect(await phoneOf(who)).toBeNull();
  // Sent again whole, it is kept.
  await t.say(who, '13800138000');
  expect(await phoneOf(who)).toBe('13800138000');
});

it('"120" while the phone question waits is no piece of a number', async () => {
  const who = someone();
  await t.say(who, '心愿 想请人陪我去医院 5号楼');
  const reply = textsTo(await t.say(who, '120'), who.id).join('\n');
  expect(reply).not.toContain('后面几位');
});
