import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/test-app.ts';

// Every kind of bad request the framework or zod can refuse, sent for real: each answer is one short
// reason in Chinese (naming the field where there is one), never an English developer text.
const CHINESE = /[\u4e00-\u9fff]/u;
const ENGLISH_DEV_TEXT = /\b(must|required|expected|invalid|received|cannot|body is|not valid|unsupported|too large|one of)\b/iu;

type Answer = { status: number; error: string };

describe('the HTTP error handler answers every kind of bad request in Chinese', () => {
  let t: TestApp;
  const send = async (method: string, path: string, init: { body?: string; type?: string; token?: string | null } = {}): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? ADMIN_TOKEN}`;
    if (init.type) headers['content-type'] = init.type;
    const res = await fetch(`${t.url}${path}`, { method, headers, body: init.body });
    const text = await res.text();
    return { status: res.status, error: text ? ((JSON.parse(text) as { error?: string }).error ?? '') : '' };
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '10' } });
  });
  afterAll(() => t.close());

  const json = 'application/json';
  const cases: Array<[string, () => Promise<Answer>, number, RegExp]> = [
    ['no bearer token', () => send('GET', '/api/items', { token: null }), 401, /令牌/u],
    ['a wrong bearer token', () => send('GET', '/api/items', { token: 'nope' }), 401, /令牌/u],
    ['an unknown address', () => send('GET', '/api/nothing-here'), 404, /没有这个地址/u],
    ['malformed JSON', () => send('POST', '/api/communities', { body: '{"name": ', type: json }), 400, /JSON/u],
    ['a __proto__ key (prototype poisoning)', () => send('POST', '/api/communities', { body: '{"name":"x","__proto__":{"a":1}}', type: json }), 400, /JSON/u],
    ['a content type the route does not read', () => send('POST', '/api/communities', { body: '<name>x</name>', type: 'application/xml' }), 415, /内容类型/u],
    ['a body over the limit', () => send('POST', '/api/communities', { body: JSON.stringify({ name: 'x'.repeat(300 * 1024) }), type: json }), 413, /太大/u],
    ['an empty body where one is needed', () => send('POST', '/api/communities', { body: '', type: json }), 400, /^请求体：/u],
    ['a missing field', () => send('POST', '/api/communities', { body: '{}', type: json }), 400, /^请求体：name：/u],
    ['an empty string', () => send('POST', '/api/communities', { body: '{"name":"  "}', type: json }), 400, /name：不能为空/u],
    ['a value of the wrong type', () => send('POST', '/api/invites', { body: '{"communityId":"abc","role":"member"}', type: json }), 400, /communityId：/u],
    ['true for a number (no coercion in a JSON body)', () => send('POST', '/api/invites', { body: '{"communityId":true,"role":"member"}', type: json }), 400, /communityId：应为正整数编号/u],
    ['a list for a number', () => send('POST', '/api/groups', { body: '{"platform":"sim","conversationId":"x","communityId":[1]}', type: json }), 400, /communityId：应为正整数编号/u],
    ['true for a count', () => send('POST', '/api/invites', { body: '{"communityId":1,"role":"member","maxUses":true}', type: json }), 400, /maxUses：应为 1 到 1000 的整数/u],
    ['a value outside an enum', () => send('POST', '/api/groups', { body: '{"platform":"telegram","conversationId":"x","communityId":1}', type: json }), 400, /platform：/u],
    ['a rule across fields', () => send('POST', '/api/groups', { body: '{"platform":"sim","conversationId":"x","communityId":1,"webhookKey":"k"}', type: json }), 400, /webhookKey：只用于企业微信/u],
    ['a nested field', () => send('POST', '/api/calendar', { body: '{"days":[{"date":"2027-13-01","workday":false}]}', type: json }), 400, /days\.0\.date：应为 YYYY-MM-DD/u],
    ['a bad query parameter', () => send('GET', '/api/items?status=lost'), 400, /^查询参数：status：/u],
    ['a number out of range in the query', () => send('GET', '/api/outbox?limit=0'), 400, /^查询参数：limit：/u],
    ['a bad path parameter', () => send('GET', '/api/items/abc'), 400, /^路径参数：id：/u],
    ['an unknown job', () => send('POST', '/api/jobs/nope/run'), 400, /^路径参数：name：/u],
    ['an unknown item', () => send('GET', '/api/items/12345'), 404, /没有编号为 12345 的事项/u],
    ['an unknown community', () => send('POST', '/api/groups', { body: '{"platform":"sim","conversationId":"x","communityId":999}', type: json }), 400, /communityId：没有编号为 999 的社区/u],
    ['a text too long', () => send('POST', '/sim/messages', { body: JSON.stringify({ conversationId: 'x'.repeat(5000), conversationType: 'single', senderId: 'a', senderName: 'A', text: 'hi' }), type: json }), 400, /conversationId：太长了：最多 256 个字/u],
    ['a simulator message without its conversation', () => send('POST', '/sim/messages', { body: '{"conversationType":"single","senderId":"a","senderName":"A","text":"hi"}', type: json }), 400, /conversationId：/u],
  ];

  it.each(cases)('%s', async (_what, act, status, reason) => {
    const answer = await act();
    expect(answer.status).toBe(status);
    expect(answer.error).toMatch(reason);
    expect(answer.error).toMatch(CHINESE);
    expect(answer.error).not.toMatch(ENGLISH_DEV_TEXT);
  });

  it('a POST that reads no body takes `content-type: application/json` with an empty body', async () => {
    const run = await send('POST', '/api/jobs/group-nudge/run', { body: '', type: json });
    expect(run.status).toBe(200);
    const retry = await send('POST', '/api/outbox/999999/retry', { body: '', type: json });
    expect(retry).toEqual({ status: 404, error: '没有编号为 999999 的待发消息' });
  });

  it('too many requests from one client on a public route: 429 in Chinese', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 12; i++) answers.push(await send('GET', '/sim/state', { token: null }));
    expect(answers.map((a) => a.status)).toContain(429);
    expect(answers.find((a) => a.status === 429)!.error).toBe('请求太频繁，请稍后再试');
  });
});
