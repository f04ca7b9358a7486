import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCommunity } from '../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

// The simulator acting as a resident on personal WeChat (platform "wechat"): the bot's messages
// keep WeChat's 48-hour rule exactly as 微信客服's do, and the window can be seen and closed.

const li = { id: 'li', name: '李志强' };
const group = 'g-wechat';

describe('a WeChat resident in the simulator', () => {
  let t: TestApp;
  let communityId = 0;
  let wishId = 0;
  const wang = (text: string, extra: Record<string, unknown> = {}) =>
    fetch(`${t.url}/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'wechat', conversationId: 'wang', conversationType: 'single', senderId: 'wang', senderName: '王秀英', text, ...extra }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const windowOf = async () => (await (await fetch(`${t.url}/sim/wechat/wang`)).json()) as { open: boolean; messagesLeft: number; held: string[] };

  beforeAll(async () => {
    t = await startTestApp();
    const c = await setUpCommunity(t, '微信社区', group);
    communityId = c.communityId;
    await t.say(li, `报到 ${c.memberCode}`);
  });
  afterAll(() => t.close());

  it('comes in through a card (communityId) and gets a receipt; the window shows 4 left', async () => {
    const r = await wang('心愿 想请人帮忙换个灯泡', { communityId });
    expect(r.status).toBe(200);
    const receipt = textsTo(r.body, 'wx:wang').join('\n');
    wishId = Number(/#(\d+)/u.exec(receipt)![1]);
    expect((await t.api('GET', `/api/items/${wishId}`)).body).toMatchObject({ communityId });
    expect(r.body.wechat).toMatchObject({ open: true, messagesLeft: 4, held: [] });
  });

  it('holds what goes beyond 5 messages and merges it when the resident writes again', async () => {
    await t.say(li, `认领 ${wishId}`, { in: group });
    for (let i = 1; i <= 5; i++) await t.say(li, `进展 ${wishId} 第${i}步`);
    await t.settle();
    const w = await windowOf();
    expect(w).toMatchObject({ open: true, messagesLeft: 0 });
    expect(w.held).toHaveLength(2);
    const chat = (await (await fetch(`${t.url}/sim/conversations/wx:wang/messages`)).json()) as { messages: Array<{ text: string }> };
    expect(chat.messages).toHaveLength(5);
    expect(chat.messages.at(-1)!.text).toContain('回复任意文字');

    const r = await wang('收到');
    const texts = textsTo(r.body, 'wx:wang');
    expect(texts[0]).toMatch(/^您有 2 条新进展：\n1\. .*第4步\n2\. .*第5步$/su);
    // "收到" itself asks nothing: the merged notice is the one message it costs.
    expect(texts).toHaveLength(1);
    expect(r.body.wechat).toMatchObject({ open: true, messagesLeft: 4, held: [] });
  });

  it('closes the window on "48 hours later", and the next notice waits', async () => {
    const closed = await (await fetch(`${t.url}/sim/wechat/wang/expire`, { method: 'POST' })).json();
    expect(closed).toMatchObject({ open: false, messagesLeft: 0 });
    await t.say(li, `完成 ${wishId} 灯泡换好了`);
    await t.settle();
    expect((await windowOf()).held).toEqual([expect.stringContaining('灯泡换好了')]);
  });

  it('refuses a WeChat resident in a group, and a card community that does not exist', async () => {
    expect((await wang('hi', { conversationType: 'group' })).status).toBe(400);
    expect((await wang('hi', { communityId: 999 })).status).toBe(400);
  });
});
