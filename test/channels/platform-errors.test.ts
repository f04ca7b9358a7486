import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDingtalkChannel } from '../../src/channels/dingtalk/dingtalk-channel.ts';
import { createWecomChannel } from '../../src/channels/wecom/wecom-channel.ts';
import { safeErrorText } from '../../src/core/error-text.ts';
import type { OutboundMessage } from '../../src/core/messages.ts';
import type { OutboxMessage } from '../../src/db/rows.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { DingtalkHttpFake } from '../fakes/dingtalk-http-fake.ts';
import { WecomApiFake } from '../fakes/wecom-api-fake.ts';
import { botCallback, newAesKey, post, type Keys } from '../fakes/wecom-callback-client.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { eventually } from './wecom/helpers.ts';

// Issue 9 item 7: what a platform says when it refuses is stored, logged and shown as a code and a
// fixed description of ours — never its text, which may echo a URL with a webhook key, an access
// token or a session in it. And a smart robot's response_url must be on WeCom's host.

const WEBHOOK_KEY = 'SECRET-webhook-key-0123456789';
const ROBOT = { token: 'SECRET-robot-token-0123456789', secret: 'SECrobot-secret-0123456789' };
const APP = { clientId: 'dingFAKEapp', clientSecret: 'FAKE-app-secret-0123456789' };
const ECHOES = [WEBHOOK_KEY, ROBOT.token, 'SECRET-access-token', 'SECRET-session', 'https://', 'http://', '?key=', 'access_token='];

describe('errors from platforms are a code and a fixed description', () => {
  let wecom: WecomApiFake;
  let dingtalk: DingtalkHttpFake;
  let t: TestApp;
  let elsewhere: Server;
  let elsewhereUrl = '';
  const elsewhereHits: string[] = [];
  const botKeys: Keys = { token: 'bot-token-errors', aesKey: newAesKey(), receiveId: '' };

  const push = async (m: Omit<OutboundMessage, 'format'>) => {
    const [id] = await t.app.db.transaction((tx) => enqueue(tx, [{ format: 'text', ...m }], {}, new Date()));
    t.app.dispatcher.kick();
    return id!;
  };
  const row = (id: number) => t.app.db.get<OutboxMessage>('SELECT * FROM outbox_messages WHERE id = ?', [id]);
  const settledRow = async (id: number, status: string) => {
    await eventually(async () => (await row(id))?.status === status && (await row(id))?.lastError !== null, `row ${id} ${status}`);
    return (await row(id))!;
  };

  beforeAll(async () => {
    wecom = await WecomApiFake.start({ corpId: 'wwcorp', secret: 'app-secret' });
    dingtalk = await DingtalkHttpFake.start({ appKey: APP.clientId, appSecret: APP.clientSecret });
    dingtalk.addRobot(ROBOT.token, ROBOT.secret);
    elsewhere = createServer((req, res) => {
      elsewhereHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}`;
    t = await startTestApp({
      env: {
        SIM_ENABLED: 'false',
        OUTBOX_RETRY_BASE_MS: '60000',
        WECOM_WEBHOOK_BASE: wecom.url,
        WECOM_API_BASE: wecom.url,
        WECOM_CORP_ID: 'wwcorp',
        WECOM_AGENT_ID: '1000002',
        WECOM_SECRET: 'app-secret',
        WECOM_TOKEN: 'app-token-errors',
        WECOM_ENCODING_AES_KEY: newAesKey(),
        WECOM_BOT_TOKEN: botKeys.token,
        WECOM_BOT_ENCODING_AES_KEY: botKeys.aesKey,
        WECOM_RESPONSE_URL_ORIGINS: wecom.url,
        DINGTALK_CLIENT_ID: APP.clientId,
        DINGTALK_CLIENT_SECRET: APP.clientSecret,
        DINGTALK_MODE: 'http',
        DINGTALK_API_BASE: dingtalk.url,
        DINGTALK_OAPI_BASE: dingtalk.url,
      },
      overrides: { channels: (deps) => [createWecomChannel(deps), createDingtalkChannel(deps)] },
    });
    const c = await t.api('POST', '/api/communities', { name: '错误社区' });
    expect((await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: 'wecom-hook', communityId: c.body.id, webhookKey: WEBHOOK_KEY })).status).toBe(201);
    expect(
      (await t.api('POST', '/api/groups', { platform: 'dingtalk', conversationId: 'cid-robot', communityId: c.body.id, webhookToken: ROBOT.token, webhookSecret: ROBOT.secret }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await wecom?.close();
    await dingtalk?.close();
    elsewhere?.closeAllConnections();
    await new Promise((r) => elsewhere?.close(r));
  });

  it('WeCom: a refusal that echoes the webhook URL and its key is stored as the errcode and our words', async () => {
    wecom.failNext('/cgi-bin/webhook/send', {
      errcode: 93000,
      errmsg: `invalid webhook url, hint: [${wecom.url}/cgi-bin/webhook/send?key=${WEBHOOK_KEY}], more info at https://open.work.weixin.qq.com/devtool/query?e=93000`,
    });
    const dead = await settledRow(await push({ platform: 'wecom', target: { type: 'group', id: 'wecom-hook' } , text: '公告' }), 'dead');
    expect(dead.lastError).toBe('WeCom errcode 93000: invalid webhook key');
  });

  it('WeCom: an errcode Lianxin does not know, with a token in its text, is retried and stored without the text', async () => {
    wecom.failNext('/cgi-bin/message/send', { errcode: 654321, errmsg: `try ${wecom.url}/cgi-bin/message/send?access_token=SECRET-access-token again` });
    const retry = await settledRow(await push({ platform: 'wecom', target: { type: 'user', id: 'zhangsan' }, text: '你好' }), 'pending');
    expect(retry.attempts).toBe(1);
    expect(retry.lastError).toBe('WeCom errcode 654321: not known to Lianxin');
  });

  it('DingTalk: a custom robot’s refusal echoing its access_token, and an OpenAPI refusal echoing a URL', async () => {
    dingtalk.failNext('/robot/send', {
      status: 200,
      body: { errcode: 300005, errmsg: `token is not exist: https://oapi.dingtalk.com/robot/send?access_token=${ROBOT.token}` },
    });
    const robot = await settledRow(await push({ platform: 'dingtalk', target: { type: 'group', id: 'cid-robot' }, text: '通知' }), 'dead');
    expect(robot.lastError).toBe('robot/send: errcode 300005 token does not exist');

    dingtalk.failNext('/v1.0/robot/groupMessages/send', {
      status: 400,
      body: { code: 'invalid.openConversationId', message: 'see https://api.dingtalk.com/x?session=SECRET-session', requestid: 'A1B2-C3' },
    });
    const api = await settledRow(await push({ platform: 'dingtalk', target: { type: 'group', id: 'cid-unbound' }, text: '通知' }), 'dead');
    expect(api.lastError).toBe('groupMessages/send: HTTP 400 invalid.openConversationId (requestid A1B2-C3)');
  });

  it('nothing of what the platforms said reaches the log, the outbox or the admin API', async () => {
    const listed = JSON.stringify((await t.api('GET', '/api/outbox?limit=100')).body);
    const stored = JSON.stringify(await t.app.db.all('SELECT last_error FROM outbox_messages'));
    const logs = t.logs.join('\n');
    expect(logs).toMatch(/send failed|undeliverable/u);
    for (const echo of ECHOES) {
      expect(listed, echo).not.toContain(echo);
      expect(stored, echo).not.toContain(echo);
      expect(logs, echo).not.toContain(echo);
    }
  });

  it('a smart robot’s response_url elsewhere than WeCom’s host is never called', async () => {
    const before = wecom.callsTo('/cgi-bin/aibot/response').length;
    for (const [i, responseUrl] of [`${elsewhereUrl}/cgi-bin/aibot/response?response_code=x`, 'https://qyapi.weixin.qq.com.evil.example/r', 'not a url'].entries()) {
      const c = botCallback(botKeys, {
        msgid: `resp-url-${i}`,
        aibotid: 'AIBOTID',
        chattype: 'single',
        from: { userid: `lisi${i}` },
        response_url: responseUrl,
        msgtype: 'text',
        text: { content: '帮助' },
      });
      expect((await post(`${t.url}/wecom/bot/callback`, c.query, c.body, 'application/json')).status).toBe(200);
    }
    // Each reply goes another way (here the app's message/send), none to the named address.
    await eventually(async () => wecom.callsTo('/cgi-bin/message/send').filter((c) => /^lisi\d$/u.test(c.body?.touser)).length === 3, 'the replies');
    expect(elsewhereHits).toEqual([]);
    expect(wecom.callsTo('/cgi-bin/aibot/response').length).toBe(before);
  });
});

describe('safeErrorText, the last line of defence', () => {
  it.each([
    ['fetch failed: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', 'fetch failed: [address]'],
    ['POST qyapi.weixin.qq.com/cgi-bin/message/send?access_token=abc failed', 'POST [address] failed'],
    ['bad request ?access_token=abc&x=1', 'bad request [query]'],
    ['token=abc123 refused; secret: xyz', 'token=[redacted] refused; secret=[redacted]'],
    ['WeCom errcode 45009: frequency limit reached', 'WeCom errcode 45009: frequency limit reached'],
    ['robot/send: errcode 300005 token does not exist', 'robot/send: errcode 300005 token does not exist'],
  ])('%s → %s', (text, safe) => {
    expect(safeErrorText(text)).toBe(safe);
  });
});
