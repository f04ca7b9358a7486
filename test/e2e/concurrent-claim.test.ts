import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const resident = { id: 'r1', name: '刘奶奶' };
const group = 'g-race';

describe('two members claiming the same item at the same moment', () => {
  let t: TestApp;
  const members = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, name: `党员${i}` }));
  beforeAll(async () => {
    t = await startTestApp();
    const c = await t.api('POST', '/api/communities', { name: '竞争社区' });
    await t.api('POST', '/api/groups', { platform: 'sim', conversationId: group, communityId: c.body.id });
    const invite = await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'member', maxUses: 50 });
    for (const m of members) await t.say(m, `报到 ${invite.body.code}`);
  });
  afterAll(() => t.close());

  it('exactly one of two wins and the other is told who has it', async () => {
    const wish = await t.say(resident, '心愿 帮忙取一下药', { in: group });
    const id = Number(/#(\d+)/u.exec(textsTo(wish, group)[0]!)![1]);
    const [a, b] = await Promise.all([t.say(members[0]!, `认领 ${id}`), t.say(members[1]!, `认领 ${id}`)]);
    const answers = [textsTo(a, members[0]!.id).join('\n'), textsTo(b, members[1]!.id).join('\n')];
    const winners = answers.filter((x) => x.includes('您认领了'));
    const losers = answers.filter((x) => x.includes('已经被'));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(losers[0]).toContain(item.claimantName);
    expect(item.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
  });

  it('with twelve at once, still one claim and one timeline entry', async () => {
    const wish = await t.say(resident, '心愿 陪老人去医院复诊', { in: group });
    const id = Number(/#(\d+)/u.exec(textsTo(wish, group)[0]!)![1]);
    const replies = await Promise.all(members.map((m) => t.say(m, `认领 ${id}`, { in: group })));
    const won = replies.filter((r) => textsTo(r, group).some((x) => x.includes('认领成功')));
    expect(won).toHaveLength(1);
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(item.status).toBe('claimed');
    expect(item.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
  });
});
