import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12's remaining list: a claim said with a plan ("4号我来 明天上午九点给您送过去") told the
// resident only "会尽快联系您"; the plan, which is what they wait for, was dropped.

const group = 'g-claim-plan';
let t: TestApp;
const volunteer = { id: 'cp-vol', name: '莫建国' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '计划社区', group);
  await t.say(volunteer, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

it('the resident hears the plan said with a claim, and their answer goes back to the claimant', async () => {
  const resident = { id: 'cp-wei', name: '韦阿婆' };
  const id = await fileRequest(t, resident, '心愿 想请人帮我买点菜 8号楼301');
  const claim = await t.say(volunteer, `${id}号我来 明天上午九点给您送过去`, { in: group });
  expect((await ledgerItem(t, id)).status).toBe('claimed');
  const told = textsTo(claim, resident.id).join('\n');
  expect(told).toContain('莫建国 说：明天上午九点给您送过去');
  expect(textsTo(claim, group).join('\n')).not.toContain('明天上午九点');

  const answer = await t.say(resident, '好的 我在家等 要两斤土豆');
  expect(textsTo(answer, volunteer.id).join('\n')).toContain('要两斤土豆');
  expect((await ledgerItem(t, id)).status).toBe('claimed');
});

it('a bare claim promises contact, as before', async () => {
  const resident = { id: 'cp-li', name: '黎小芳' };
  const id = await fileRequest(t, resident, '心愿 想请人帮忙修一下婴儿车 3栋502');
  const claim = await t.say(volunteer, `认领 ${id}`, { in: group });
  expect(textsTo(claim, resident.id).join('\n')).toContain('会尽快联系您');
});
