import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const li = { id: 'li', name: '李志强' };
const group = 'g-sunshine';

describe('a whole wish, through the simulator', () => {
  let t: TestApp;
  let wishId = 0;
  beforeAll(async () => {
    t = await startTestApp();
    const community = await t.api('POST', '/api/communities', { name: '阳光社区' });
    expect(community.status).toBe(201);
    const bound = await t.api('POST', '/api/groups', { platform: 'sim', conversationId: group, communityId: community.body.id });
    expect(bound.status).toBe(201);
  });
  afterAll(() => t.close());

  it('a resident makes a wish in the group and gets a number; the group can see how to claim it', async () => {
    const r = await t.say(wang, '@连心 心愿 家里水龙头一直漏水，想请人帮忙修一下', { in: group });
    expect(r.status).toBe(200);
    const inGroup = textsTo(r, group);
    expect(inGroup).toHaveLength(1);
    const m = /#(\d+)/u.exec(inGroup[0]!);
    expect(m).not.toBeNull();
    wishId = Number(m![1]);
    expect(inGroup[0]).toContain('微心愿');
    expect(inGroup[0]).toContain(`认领 ${wishId}`);
    const items = await t.api('GET', '/api/items?kind=wish');
    expect(items.body.items).toHaveLength(1);
    expect(items.body.items[0]).toMatchObject({ id: wishId, kind: 'wish', status: 'open', text: '家里水龙头一直漏水，想请人帮忙修一下' });
  });

  it('a resident cannot claim', async () => {
    const r = await t.say(wang, `认领 ${wishId}`, { in: group });
    expect(textsTo(r, group)[0]).toContain('党员');
    expect((await t.api('GET', `/api/items/${wishId}`)).body.status).toBe('open');
  });

  it('a member registers with an invite code and claims; the submitter is told, the claimant gets the details privately', async () => {
    const invite = await t.api('POST', '/api/invites', { communityId: 1, role: 'member' });
    expect(invite.status).toBe(201);
    const joined = await t.say(li, `报到 ${invite.body.code}`);
    expect(textsTo(joined, li.id)[0]).toContain('报到成功');

    const r = await t.say(li, `认领 ＃${wishId}`, { in: group });
    expect(textsTo(r, group).join('\n')).toContain('认领成功');
    expect(textsTo(r, li.id).join('\n')).toContain('王秀英');
    expect(textsTo(r, wang.id).join('\n')).toContain('李志强');
    // The group never sees the resident's full name.
    expect(textsTo(r, group).join('\n')).not.toContain('王秀英');
    const item = (await t.api('GET', `/api/items/${wishId}`)).body;
    expect(item).toMatchObject({ status: 'claimed', claimantId: expect.any(Number) });
  });

  it('done → the submitter is asked to confirm and rate → confirms with 5', async () => {
    const done = await t.say(li, `完成 ${wishId} 换了新的阀门，不漏了`);
    const toWang = textsTo(done, wang.id).join('\n');
    expect(toWang).toContain('换了新的阀门');
    expect(toWang).toContain(`确认 ${wishId}`);
    expect((await t.api('GET', `/api/items/${wishId}`)).body.status).toBe('done');

    const confirmed = await t.say(wang, `确认 ${wishId} 5 谢谢小李`);
    expect(textsTo(confirmed, wang.id)[0]).toContain('谢谢');
    expect(textsTo(confirmed, li.id).join('\n')).toContain('谢谢小李');
    const item = (await t.api('GET', `/api/items/${wishId}`)).body;
    expect(item).toMatchObject({ status: 'confirmed', rating: 5 });
    expect(item.events.map((e: { type: string }) => e.type)).toEqual(['created', 'claimed', 'done', 'confirmed']);
  });

  it('the group conversation holds everything the bot posted there, oldest first', async () => {
    const res = await fetch(`${t.url}/sim/conversations/${group}/messages`);
    const { messages } = (await res.json()) as { messages: Array<{ id: number; text: string }> };
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages[0]!.text).toContain(`#${wishId}`);
    expect(messages.map((m) => m.id)).toEqual([...messages.map((m) => m.id)].sort((a, b) => a - b));
  });
});
