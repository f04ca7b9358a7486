import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/db/rows.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { WecomApiFake } from '../../fakes/wecom-api-fake.ts';
import { settled } from './helpers.ts';

// The requests of WeCom's own published callback sample (weworkapi_python callback/Sample.py:
// token, EncodingAESKey, CorpID, and the GET and POST exactly as shown there), sent to a running
// Lianxin configured with the sample's keys. Made by WeCom, not by us or @wecom/crypto.

const SAMPLE = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
  verify: {
    msg_signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
    timestamp: '1476416373',
    nonce: '47744683',
    echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
  },
  post: {
    query: { msg_signature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e', timestamp: '1476422779', nonce: '1597212914' },
    body:
      '<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n<Encrypt><![CDATA[Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+]]></Encrypt>\n<AgentID><![CDATA[1000002]]></AgentID>\n</xml>',
  },
};

describe("WeCom's published callback sample, sent to a running Lianxin", () => {
  let api: WecomApiFake;
  let t: TestApp;

  beforeAll(async () => {
    api = await WecomApiFake.start({ corpId: SAMPLE.corpId, secret: 'app-secret' });
    t = await startTestApp({
      env: {
        SIM_ENABLED: 'false',
        WECOM_CORP_ID: SAMPLE.corpId,
        WECOM_AGENT_ID: '1000002',
        WECOM_SECRET: 'app-secret',
        WECOM_TOKEN: SAMPLE.token,
        WECOM_ENCODING_AES_KEY: SAMPLE.aesKey,
        WECOM_API_BASE: api.url,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  it('answers the sample URL verification with the bare echo', async () => {
    const res = await fetch(`${t.url}/wecom/callback?${new URLSearchParams(SAMPLE.verify)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1288432023552776189');
  });

  it('takes in the sample message (a text “你好” from ChenJiaShun, MsgId 1456453720) once, and replies', async () => {
    const post = () =>
      fetch(`${t.url}/wecom/callback?${new URLSearchParams(SAMPLE.post.query)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: SAMPLE.post.body });
    for (let i = 0; i < 3; i++) {
      const res = await post();
      expect({ status: res.status, body: await res.text() }).toEqual({ status: 200, body: '' });
    }
    await settled(t);
    const stored = await t.app.db.all<InboundMessage>('SELECT * FROM inbound_messages WHERE platform = ? ORDER BY id', ['wecom']);
    expect(stored.map((m) => m.messageId)).toEqual(['1456453720']);
    expect(JSON.parse(stored[0]!.payload)).toMatchObject({ senderId: 'ChenJiaShun', text: '你好', conversationType: 'single' });
    const replies = api.callsTo('/cgi-bin/message/send').filter((c) => c.reply?.errcode === 0);
    expect(replies.map((c) => c.body.touser)).toEqual(['ChenJiaShun']);
  });
});
