import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAesKey, post } from '../../fakes/wecom-callback-client.ts';
import { WecomKfFake } from '../../fakes/wecom-kf-fake.ts';
import { freshDatabaseUrl } from '../../helpers/test-db.ts';
import { setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 10, end to end: a real Lianxin (on SQLite and PostgreSQL) with WECOM_KF_* pointing at the
// 微信客服 fake, callbacks encrypted with WeCom's published algorithm (@wecom/crypto). Members and
// officials act through the simulator in the community's group.

const keys = { token: 'kf-callback-token', aesKey: newAesKey(), receiveId: 'wwcorp' };
const li = { id: 'li', name: '李志强' };
const group = 'g-xingfu';

function kfEnv(fake: WecomKfFake): Record<string, string> {
  return {
    WECOM_CORP_ID: keys.receiveId,
    WECOM_KF_TOKEN: keys.token,
    WECOM_KF_ENCODING_AES_KEY: keys.aesKey,
    WECOM_KF_SECRET: fake.secret,
    WECOM_KF_OPEN_KFID: fake.openKfid,
    WECOM_API_BASE: fake.url,
  };
}

describe('a resident on WeChat, through 微信客服', () => {
  let fake: WecomKfFake;
  let t: TestApp;
  let communityId = 0;
  let wishId = 0;

  const lastTo = (to: string) => fake.deliveredTo(to).at(-1) ?? '';
  const notifyAndWait = async (to: string, count: number, what: string) => {
    expect((await fake.notify(t.url, keys)).status).toBe(200);
    await fake.waitFor(() => fake.deliveredTo(to).length >= count, what);
  };

  beforeAll(async () => {
    fake = await WecomKfFake.start({ corpId: keys.receiveId });
    t = await startTestApp({ env: kfEnv(fake) });
    const c = await setUpCommunity(t, '幸福里社区', group);
    communityId = c.communityId;
    expect(textsTo(await t.say(li, `报到 ${c.memberCode}`), li.id)[0]).toContain('报到成功');
    expect((await t.api('PATCH', `/api/communities/${communityId}`, { phone: '010-62345678' })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('makes the community\'s link once and prints it on its card', async () => {
    const made = await t.api('POST', `/api/communities/${communityId}/wechat-link`);
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/^https:\/\/work\.weixin\.qq\.com\/kfid\/.*scene_param=community-\d+$/u);
    const again = await t.api('POST', `/api/communities/${communityId}/wechat-link`);
    expect(again).toMatchObject({ status: 201, body: { url: made.body.url } });
    expect(fake.callsTo('/cgi-bin/kf/add_contact_way')).toHaveLength(1);

    const card = await fetch(`${t.url}/api/communities/${communityId}/card`, { headers: { authorization: 'Bearer test-admin-token-0123456789' } });
    expect(card.headers.get('content-type')).toContain('text/html');
    const html = await card.text();
    expect(html).toContain('幸福里社区');
    expect(html).toContain('<svg');
    expect(html).toContain('010-62345678');
    const png = await fetch(`${t.url}/api/communities/${communityId}/card?format=png`, { headers: { authorization: 'Bearer test-admin-token-0123456789' } });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await t.api('GET', '/api/communities/999/card')).status).toBe(404);
  });

  it('greets a resident who enters through the card, naming the community', async () => {
    const url = new URL((await t.api('GET', '/api/communities')).body.communities[0].wechatLink);
    fake.enterSession('wmWang', { scene: 'community-' + communityId, sceneParam: url.searchParams.get('scene_param')! });
    await notifyAndWait('wmWang', 1, 'the welcome');
    expect(fake.delivered[0]).toMatchObject({ to: 'wmWang', via: 'send_msg_on_event' });
    expect(lastTo('wmWang')).toContain('幸福里社区');
  });

  it('takes a wish from the resident\'s own chat into that community, without asking, and answers with a receipt', async () => {
    fake.customerSends('wmWang', { text: '心愿 家里水龙头一直漏水，电话13812345678' });
    await notifyAndWait('wmWang', 2, 'the receipt');
    const m = /#(\d+)/u.exec(lastTo('wmWang'));
    expect(m).not.toBeNull();
    wishId = Number(m![1]);
    const item = (await t.api('GET', `/api/items/${wishId}`)).body;
    expect(item).toMatchObject({ kind: 'wish', status: 'open', communityId });
    expect(fake.delivered[1]).toMatchObject({ via: 'send_msg' });
  });

  it('tells the resident through 微信客服 when a member claims in the group', async () => {
    const r = await t.say(li, `认领 ${wishId}`, { in: group });
    expect(textsTo(r, group).join('\n')).toContain('认领成功');
    await fake.waitFor(() => fake.deliveredTo('wmWang').length === 3, 'the claim notice');
    expect(lastTo('wmWang')).toContain('李志强');
  });

  it('holds a sixth message within 48 hours and delivers it merged after the resident writes again', async () => {
    // Since the resident's wish: the receipt and the claim notice went (2 of 5).
    for (let i = 1; i <= 3; i++) await t.say(li, `进展 ${wishId} 第${i}次：已买好配件`);
    await fake.waitFor(() => fake.deliveredTo('wmWang').length === 6, 'three progress notices');
    expect(lastTo('wmWang')).toContain('回复任意文字，可继续收到后续进展');
    expect(fake.customerState('wmWang')?.sentSince).toBe(5);

    await t.say(li, `进展 ${wishId} 第4次：明天上门`);
    await t.say(li, `完成 ${wishId} 换了新的阀门`);
    await t.settle();
    const held = await t.api('GET', '/api/outbox?status=held');
    expect(held.body.messages).toHaveLength(2);
    expect(held.body.messages[0]).toMatchObject({ waitingForResident: true, attempts: 0, lastError: expect.stringContaining('48 hours') });
    const unreachable = await t.api('GET', '/api/wecom-kf/unreachable');
    expect(unreachable.body.residents).toEqual([
      expect.objectContaining({ externalUserId: 'wmWang', heldMessages: 2, community: { id: communityId, name: '幸福里社区' }, window: expect.objectContaining({ open: true, messagesLeft: 0 }) }),
    ]);
    expect(fake.callsTo('/cgi-bin/kf/send_msg').filter((c) => c.reply?.errcode !== 0)).toHaveLength(0);

    fake.customerSends('wmWang', { text: '好的，谢谢' });
    await notifyAndWait('wmWang', 8, 'the merged notices and the answer');
    const [merged] = fake.deliveredTo('wmWang').slice(6);
    expect(merged).toMatch(/^您有 2 条新进展：\n1\. .*第4次：明天上门\n2\. .*换了新的阀门/su);
    expect((await t.api('GET', '/api/outbox?status=held')).body.messages).toHaveLength(0);
    expect((await t.api('GET', '/api/wecom-kf/unreachable')).body.residents).toHaveLength(0);
  });

  it('handles the same callback three times, and each message once', async () => {
    const before = fake.deliveredTo('wmZhao').length;
    fake.customerSends('wmZhao', { text: '心愿 想请人陪我去医院复查' });
    const cb = fake.callback(keys);
    const answers = await Promise.all([0, 1, 2].map(() => post(`${t.url}/wecom/kf/callback`, cb.query, cb.body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await fake.waitFor(() => fake.deliveredTo('wmZhao').length === before + 1, 'one receipt');
    await new Promise((r) => setTimeout(r, 300));
    await t.settle();
    expect(fake.deliveredTo('wmZhao')).toHaveLength(before + 1);
    const rows = await t.app.db.all("SELECT id FROM inbound_messages WHERE platform = 'wecom-kf' AND conversation_id = 'wmZhao'");
    expect(rows).toHaveLength(1);
  });

  it('stays silent while a human servicer holds the session', async () => {
    fake.customerSends('wmSun', { text: '你好' });
    await notifyAndWait('wmSun', 1, 'the bot\'s answer');
    fake.servicerTakesOver('wmSun', 'zhang', '您好，我是社区的小张');
    fake.customerSends('wmSun', { text: '心愿 帮我问问低保怎么办' });
    expect((await fake.notify(t.url, keys)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    await t.settle();
    expect(fake.deliveredTo('wmSun')).toHaveLength(1);
    expect((await t.api('GET', '/api/items?kind=wish')).body.items.some((i: { text: string }) => i.text.includes('低保'))).toBe(false);

    fake.endSession('wmSun');
    fake.customerSends('wmSun', { text: '心愿 帮我问问低保怎么办' });
    await notifyAndWait('wmSun', 2, 'the bot again after the session ended');
  });

  it('passes "转人工" to the human queue and says so; the resident\'s items go on', async () => {
    fake.customerSends('wmZhou', { text: '转人工' });
    await notifyAndWait('wmZhou', 1, 'the hand-over notice');
    expect(fake.delivered.at(-1)).toMatchObject({ to: 'wmZhou', via: 'send_msg_on_event', text: expect.stringContaining('人工客服') });
    expect(fake.customerState('wmZhou')?.state).toBe(2);
  });

  it('answers a 10 MB picture with a short note and keeps nothing of it', async () => {
    fake.customerSends('wmQian', { image: { mediaId: fake.addMedia(Buffer.alloc(10 * 1024 * 1024, 7)) } });
    await notifyAndWait('wmQian', 1, 'the answer');
    expect(lastTo('wmQian')).toContain('图片太大');
  });
});

describe('two Lianxin processes on one database', () => {
  let fake: WecomKfFake;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    fake = await WecomKfFake.start({ corpId: keys.receiveId });
    const databaseUrl = await freshDatabaseUrl();
    a = await startTestApp({ env: kfEnv(fake), databaseUrl });
    b = await startTestApp({ env: kfEnv(fake), databaseUrl });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await fake.close();
  });

  it('pull one at a time: twenty residents writing, both woken at once, each answered once', async () => {
    const residents = Array.from({ length: 20 }, (_, i) => `wm${i}`);
    for (const r of residents) fake.customerSends(r, { text: '帮助' });
    const cb = fake.callback(keys);
    await Promise.all([post(`${a.url}/wecom/kf/callback`, cb.query, cb.body), post(`${b.url}/wecom/kf/callback`, cb.query, cb.body)]);
    await fake.waitFor(() => residents.every((r) => fake.deliveredTo(r).length >= 1), 'an answer for everyone', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all([a.settle(), b.settle()]);
    expect(residents.map((r) => fake.deliveredTo(r).length)).toEqual(residents.map(() => 1));
    expect(await a.app.db.all("SELECT id FROM inbound_messages WHERE platform = 'wecom-kf'")).toHaveLength(20);
  });
});
