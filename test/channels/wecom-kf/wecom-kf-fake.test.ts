import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptPayload, verifySignature } from '../../../src/channels/wecom/callback-crypto.ts';
import { parseXml } from '../../../src/channels/wecom/parse-xml.ts';
import { HOUR, KF_ERR, WecomKfFake } from '../../fakes/wecom-kf-fake.ts';
import { newAesKey } from '../../fakes/wecom-callback-client.ts';

// The fake is a test instrument: these check that it holds WeChat's rules, so that the channel's
// tests against it mean something.

let fake: WecomKfFake;
let token: string;

async function call(path: string, body?: unknown, query: Record<string, string> = {}) {
  const q = new URLSearchParams({ access_token: token, ...query });
  const res = await fetch(`${fake.url}${path}?${q}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.headers.get('content-type')?.startsWith('application/json') ? ((await res.json()) as any) : Buffer.from(await res.arrayBuffer());
}
const sync = (body: object) => call('/cgi-bin/kf/sync_msg', { open_kfid: fake.openKfid, ...body });
const send = (to: string, content: string) => call('/cgi-bin/kf/send_msg', { touser: to, open_kfid: fake.openKfid, msgtype: 'text', text: { content } });

beforeEach(async () => {
  fake = await WecomKfFake.start();
  const res = await fetch(`${fake.url}/cgi-bin/gettoken?corpid=${fake.corpId}&corpsecret=${fake.secret}`);
  token = ((await res.json()) as { access_token: string }).access_token;
});
afterEach(() => fake.close());

describe('the 微信客服 fake', () => {
  it('gives a token only for the 微信客服 secret, and refuses calls without a valid one', async () => {
    const bad = await fetch(`${fake.url}/cgi-bin/gettoken?corpid=${fake.corpId}&corpsecret=app-secret`);
    expect(((await bad.json()) as { errcode: number }).errcode).toBe(KF_ERR.invalidCredential);
    token = 'stale';
    expect((await sync({})).errcode).toBe(KF_ERR.tokenExpired);
  });

  it('pages with cursor, limit and has_more, and the cursor resumes where it stopped', async () => {
    for (let i = 0; i < 5; i++) fake.customerSends('wmA', { text: `m${i}` });
    const t = fake.issueToken();
    const first = await sync({ token: t, limit: 2 });
    expect(first.msg_list.map((m: any) => m.text.content)).toEqual(['m0', 'm1']);
    expect(first.has_more).toBe(1);
    const second = await sync({ token: t, limit: 1000, cursor: first.next_cursor });
    expect(second.msg_list.map((m: any) => m.text.content)).toEqual(['m2', 'm3', 'm4']);
    expect(second.has_more).toBe(0);
    const again = await sync({ token: t, cursor: first.next_cursor });
    expect(again.msg_list).toHaveLength(3);
    expect((await sync({ token: t, limit: 1001 })).errcode).toBe(KF_ERR.invalidParameter);
  });

  it('accepts a callback token for 10 minutes and only for its own account', async () => {
    const t = fake.issueToken();
    expect((await sync({ token: t })).errcode).toBe(0);
    expect((await sync({ token: fake.issueToken('wkOther') })).errcode).toBe(KF_ERR.invalidMsgToken);
    expect((await sync({ token: 'ENCforged' })).errcode).toBe(KF_ERR.invalidMsgToken);
    fake.advance(10 * 60_000 + 1);
    expect((await sync({ token: t })).errcode).toBe(KF_ERR.invalidMsgToken);
  });

  it('keeps 3 days of history', async () => {
    fake.customerSends('wmA', { text: 'old' });
    fake.advance(72 * HOUR + 1000);
    fake.customerSends('wmA', { text: 'new' });
    const page = await sync({ token: fake.issueToken() });
    expect(page.msg_list.map((m: any) => m.text.content)).toEqual(['new']);
  });

  it('lets 5 messages go within 48 hours of the customer writing, then answers 95001; 95002 after 48 hours', async () => {
    expect((await send('wmA', 'too early')).errcode).toBe(KF_ERR.invalidExternalUserId);
    fake.customerSends('wmA', { text: '你好' });
    for (let i = 0; i < 5; i++) expect((await send('wmA', `n${i}`)).errcode).toBe(0);
    expect((await send('wmA', 'sixth')).errcode).toBe(KF_ERR.overLimit);
    fake.customerSends('wmA', { text: '还在吗' });
    expect((await send('wmA', 'again')).errcode).toBe(0);
    fake.advance(48 * HOUR + 1000);
    expect((await send('wmA', 'late')).errcode).toBe(KF_ERR.outsideWindow);
    expect(fake.deliveredTo('wmA')).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'again']);
  });

  it('takes a welcome_code once, within 20 seconds', async () => {
    const { welcomeCode } = fake.enterSession('wmA', { scene: 'c1', sceneParam: '1' });
    const welcome = (code: string | null) => call('/cgi-bin/kf/send_msg_on_event', { code, msgtype: 'text', text: { content: '欢迎' } });
    expect((await welcome(welcomeCode)).errcode).toBe(0);
    expect((await welcome(welcomeCode)).errcode).toBe(KF_ERR.welcomeCodeInvalid);
    const late = fake.enterSession('wmB');
    fake.advance(21_000);
    expect((await welcome(late.welcomeCode)).errcode).toBe(KF_ERR.welcomeCodeInvalid);
    expect(fake.deliveredTo('wmA')).toEqual(['欢迎']);
  });

  it('reports enter_session with scene and scene_param, and session changes, as events (origin 4)', async () => {
    fake.enterSession('wmA', { scene: 'c1', sceneParam: '1' });
    fake.servicerTakesOver('wmA', 'zhang', '您好，我是社区的小张');
    const page = await sync({ token: fake.issueToken() });
    expect(page.msg_list.map((m: any) => [m.origin, m.msgtype, m.event?.event_type])).toEqual([
      [4, 'event', 'enter_session'],
      [4, 'event', 'session_status_change'],
      [5, 'text', undefined],
    ]);
    expect(page.msg_list[0].event).toMatchObject({ scene: 'c1', scene_param: '1', external_userid: 'wmA' });
  });

  it('refuses send_msg while a human holds the session; trans moves the session as allowed', async () => {
    fake.customerSends('wmA', { text: '人工' });
    const trans = (state: number, servicer?: string) =>
      call('/cgi-bin/kf/service_state/trans', { open_kfid: fake.openKfid, external_userid: 'wmA', service_state: state, servicer_userid: servicer });
    const toQueue = await trans(2);
    expect(toQueue.errcode).toBe(0);
    expect(toQueue.msg_code).toMatch(/^MSGCODE/u);
    expect((await call('/cgi-bin/kf/service_state/get', { open_kfid: fake.openKfid, external_userid: 'wmA' })).service_state).toBe(2);
    expect((await send('wmA', 'bot')).errcode).toBe(KF_ERR.badSessionState);
    expect((await trans(1)).errcode).toBe(KF_ERR.badSessionState);
    expect((await trans(3, 'zhang')).errcode).toBe(0);
  });

  it('makes one link per scene', async () => {
    const a = await call('/cgi-bin/kf/add_contact_way', { open_kfid: fake.openKfid, scene: 'c1' });
    const b = await call('/cgi-bin/kf/add_contact_way', { open_kfid: fake.openKfid, scene: 'c1' });
    const c = await call('/cgi-bin/kf/add_contact_way', { open_kfid: fake.openKfid, scene: 'c2' });
    expect(a.url).toMatch(/^https:\/\/work\.weixin\.qq\.com\/kfid\/kfc/u);
    expect(b.url).toBe(a.url);
    expect(c.url).not.toBe(a.url);
    expect((await call('/cgi-bin/kf/add_contact_way', { open_kfid: fake.openKfid, scene: '社区' })).errcode).toBe(KF_ERR.invalidParameter);
    expect((await call('/cgi-bin/kf/add_contact_way', { open_kfid: 'wkOther', scene: 'c1' })).errcode).toBe(KF_ERR.invalidOpenKfid);
  });

  it('serves media for 3 days', async () => {
    const id = fake.addMedia(Buffer.from('JPEG!'));
    expect((await call('/cgi-bin/media/get', undefined, { media_id: id })).toString()).toBe('JPEG!');
    fake.advance(72 * HOUR + 1);
    expect((await call('/cgi-bin/media/get', undefined, { media_id: id })).errcode).toBe(KF_ERR.invalidMediaId);
  });

  it('makes kf_msg_or_event callbacks that WeCom\'s algorithm (our strict decoder) opens', () => {
    const keys = { token: 'kf-token', aesKey: newAesKey(), receiveId: fake.corpId };
    const cb = fake.callback(keys);
    const encrypt = String(parseXml(cb.body).value.Encrypt);
    verifySignature({ token: keys.token, timestamp: cb.query.get('timestamp')!, nonce: cb.query.get('nonce')!, encrypt, signature: cb.query.get('msg_signature')! });
    const inner = parseXml(decryptPayload(keys.aesKey, encrypt, fake.corpId)).value;
    expect(inner).toMatchObject({ MsgType: 'event', Event: 'kf_msg_or_event', Token: cb.token, OpenKfId: fake.openKfid });
  });
});
