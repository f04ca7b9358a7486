import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const sun = { id: 'sun', name: '孙大爷' };
const li = { id: 'li', name: '李志强' };
const group = 'g-bad';

describe('bad input gets a short Chinese answer and changes nothing', () => {
  let t: TestApp;
  let wishId = 0;
  const snapshot = async () => {
    const items = (await t.api('GET', '/api/items')).body.items;
    const details = await Promise.all(items.map((i: { id: number }) => t.api('GET', `/api/items/${i.id}`)));
    return details.map((d) => d.body);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const c = await t.api('POST', '/api/communities', { name: '坏输入社区' });
    await t.api('POST', '/api/groups', { platform: 'sim', conversationId: group, communityId: c.body.id });
    const invite = await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'member' });
    await t.say(li, `报到 ${invite.body.code}`);
    const wish = await t.say(wang, '心愿 想要一个定位手表', { in: group });
    wishId = Number(/#(\d+)/u.exec(textsTo(wish, group)[0]!)![1]);
  });
  afterAll(() => t.close());

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    ['an unknown item number', async () => textsTo(await t.say(li, '认领 9999'), li.id)[0]!, /没有找到 #9999/u],
    ['a resident claiming', async () => textsTo(await t.say(sun, `认领 ${wishId}`), sun.id)[0]!, /党员/u],
    ['a member confirming someone else’s item', async () => textsTo(await t.say(li, `确认 ${wishId} 5`), li.id)[0]!, /提出人/u],
    ['confirming an open item', async () => textsTo(await t.say(wang, `确认 ${wishId} 5`), wang.id)[0]!, /还没有办结/u],
    ['a rating out of range', async () => textsTo(await t.say(wang, `确认 ${wishId} 9`), wang.id)[0]!, /1 到 5/u],
    ['a message over 2,000 characters', async () => textsTo(await t.say(wang, '长'.repeat(2001)), wang.id)[0]!, /太长/u],
    ['a mention with nothing after it, in a group', async () => textsTo(await t.say(wang, '@连心   ', { in: group }), group)[0]!, /文字/u],
    ['empty text in a direct chat', async () => textsTo(await t.say(wang, '   '), wang.id)[0]!, /文字/u],
    ['an invalid invite code', async () => textsTo(await t.say(sun, '报到 NOPE1234'), sun.id)[0]!, /邀请码/u],
    ['a command without its number', async () => textsTo(await t.say(li, '认领'), li.id)[0]!, /编号.*认领 12/u],
    ['withdrawing someone else’s item', async () => textsTo(await t.say(sun, `撤回 ${wishId}`), sun.id)[0]!, /提出人/u],
    ['an official command from a member', async () => textsTo(await t.say(li, `驳回 ${wishId} 重复`), li.id)[0]!, /干部/u],
  ];

  it.each(refusals)('%s', async (_name, act, expected) => {
    const before = await snapshot();
    const answer = await act();
    expect(answer).toMatch(expected);
    expect(answer.length).toBeLessThan(120);
    expect(await snapshot()).toEqual(before);
  });

  // Issue 12: in a group the bot answers only what is addressed to it.
  it('chatter between residents in a group gets no answer at all', async () => {
    const before = await snapshot();
    for (const text of ['今天天气不错', '赵大爷说的对', '好的', '谢谢', '   ']) {
      expect((await t.say(sun, text, { in: group })).replies).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a message delivered twice (same messageId) is handled once', async () => {
    const first = await t.say(wang, '心愿 帮我买一袋米', { in: group, messageId: 'dup-1' });
    const again = await t.say(wang, '心愿 帮我买一袋米', { in: group, messageId: 'dup-1' });
    expect(first.replies.length).toBeGreaterThan(0);
    expect(again).toMatchObject({ status: 200, duplicate: true, replies: [] });
    const items = (await t.api('GET', '/api/items')).body.items.filter((i: { text: string }) => i.text === '帮我买一袋米');
    expect(items).toHaveLength(1);
  });
});

describe('bad HTTP input gets a 4xx naming the problem, never a stack trace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses the admin API without the bearer token', async () => {
    const res = await fetch(`${t.url}/api/items`);
    expect(res.status).toBe(401);
    const wrong = await fetch(`${t.url}/api/items`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('answers malformed JSON with 400', async () => {
    const r = await t.api('POST', '/api/communities', '{"name": ');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/JSON/u);
  });

  it.each([
    ['/api/communities', {}, /name/u],
    ['/api/communities', { name: '' }, /name/u],
    ['/api/groups', { platform: 'sim', communityId: 1 }, /conversationId/u],
    ['/api/groups', { platform: 'telegram', conversationId: 'x', communityId: 1 }, /platform/u],
    ['/api/groups', { platform: 'sim', conversationId: 'x', communityId: 999 }, /communityId/u],
    ['/api/invites', { communityId: 1, role: 'king' }, /role/u],
    ['/api/invites', { role: 'member' }, /communityId/u],
  ])('POST %s %j → 400', async (path, body, field) => {
    const r = await t.api('POST', path, body);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(field);
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/u);
  });

  it('answers bad simulator messages with 400 naming the field', async () => {
    const res = await fetch(`${t.url}/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationType: 'single', senderId: 'a', senderName: 'A', text: 'hi' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/conversationId/u);
  });

  it('answers an unknown item with 404 and bad filters with 400', async () => {
    expect((await t.api('GET', '/api/items/12345')).status).toBe(404);
    expect((await t.api('GET', '/api/items?status=lost')).status).toBe(400);
    expect((await t.api('GET', '/api/items/abc')).status).toBe(400);
  });

  it('answers /healthz when the database answers', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
