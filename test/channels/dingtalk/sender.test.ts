import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, MINUTE } from '../../../src/core/clock.ts';
import { enqueue } from '../../../src/outbox/enqueue.ts';
import { dueRows } from '../../../src/outbox/due-rows.ts';
import { DingtalkHttpFake } from '../../fakes/dingtalk-http-fake.ts';
import { robotMessage, type DingtalkPerson } from '../../fakes/dingtalk-robot-message.ts';
import type { OutboxMessage } from '../../../src/db/rows.ts';
import type { TestApp } from '../../helpers/test-app.ts';
import { countRows } from '../../helpers/test-db.ts';
import { APP, postSigned, startDingtalkApp, waitUntil } from './dingtalk-test-app.ts';

const wang: DingtalkPerson = { staffId: '', senderId: '$:LWCP_v1:$wang', nick: '王秀英' };
const li: DingtalkPerson = { staffId: 'li4711', senderId: '$:LWCP_v1:$li', nick: '李志强' };
const zhao: DingtalkPerson = { staffId: 'zhao0815', senderId: '$:LWCP_v1:$zhao', nick: '赵书记' };

describe('replies and pushes through the app robot', () => {
  let t: TestApp;
  let http: DingtalkHttpFake;
  const GROUP = 'cidSendGroup==';
  let memberCode = '';
  const say = async (from: DingtalkPerson, text: string, o: { group?: string; session?: string; expiresAt?: number } = {}) => {
    const status = await postSigned(t, robotMessage({ from, text, group: o.group, sessionWebhook: o.session ? http.sessionWebhook(o.session) : undefined, expiresAt: o.expiresAt }));
    expect(status).toBe(200);
    await t.app.inbound.idle();
  };
  const outbox = () => t.app.db.all<OutboxMessage>('SELECT * FROM outbox_messages WHERE platform = ? ORDER BY id', ['dingtalk']);
  const settled = () => waitUntil(async () => (await countRows(t.app.db, 'outbox_messages', "platform = ? AND status IN ('pending', 'sending') AND attempts = 0 AND not_before <= ?", ['dingtalk', new Date()])) === 0, 5000, 'the outbox');

  beforeAll(async () => {
    http = await DingtalkHttpFake.start({ appKey: APP.clientId, appSecret: APP.clientSecret });
    // 20 a minute counted over 6 s: these tests are about the ways out, not the limit (below, with a clock).
    t = await startDingtalkApp({ http, mode: 'http', env: { LOG_LEVEL: 'debug', RATE_LIMIT_WINDOW_MS: '6000' } });
    const c = await t.api('POST', '/api/communities', { name: '发送社区' });
    await t.api('POST', '/api/groups', { platform: 'dingtalk', conversationId: GROUP, communityId: c.body.id });
    memberCode = (await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'member', maxUses: 5 })).body.code;
  });
  afterAll(async () => {
    await t.close();
    await http.close();
  });

  it('answers through the OpenAPI once the sessionWebhook is (nearly) expired: group by openConversationId, single chat by userId', async () => {
    const soon = Date.now() + 60_000; // inside the 5-minute safety margin
    await say(li, ' 帮助', { group: GROUP, session: 's-old-group', expiresAt: soon });
    await say(li, '帮助', { session: 's-old-single', expiresAt: soon });
    await waitUntil(() => http.groupTexts(GROUP).length === 1 && http.userTexts('li4711').length === 1, 5000, 'OpenAPI sends');
    expect(http.sessionTexts('s-old-group')).toEqual([]);
    expect(http.sessionTexts('s-old-single')).toEqual([]);
    const group = http.to('/v1.0/robot/groupMessages/send')[0]!;
    expect(group.body).toMatchObject({ robotCode: APP.clientId, openConversationId: GROUP, msgKey: 'sampleText' });
    expect(group.headers['x-acs-dingtalk-access-token']).toMatch(/^fake-token-/u);
    expect(http.to('/v1.0/robot/oToMessages/batchSend')[0]!.body).toMatchObject({ robotCode: APP.clientId, userIds: ['li4711'] });
  });

  it('falls back to the OpenAPI in the same attempt when DingTalk says the session is gone', async () => {
    http.expireSession('s-gone');
    await say(li, ' 帮助', { group: GROUP, session: 's-gone' });
    await waitUntil(() => http.groupTexts(GROUP).length === 2, 5000, 'the fallback');
    expect(http.sessionTexts('s-gone')).toHaveLength(1); // tried once, refused with 300001
    await settled();
    const last = (await outbox()).at(-1)!;
    expect(last).toMatchObject({ status: 'sent', attempts: 0 });
  });

  it('reuses one access token, and fetches a new one when DingTalk refuses it', async () => {
    expect(http.tokensIssued).toBe(1);
    http.revokeTokens();
    await say(li, ' 帮助', { group: GROUP, session: 's-gone' });
    await waitUntil(() => http.tokensIssued === 2, 5000, 'a new token');
    await settled();
    expect((await outbox()).at(-1)).toMatchObject({ status: 'sent', attempts: 0 });
    // Refused once with the old token, then sent with the new one.
    const sends = http.to('/v1.0/robot/groupMessages/send').slice(-2);
    expect(sends[0]!.headers['x-acs-dingtalk-access-token']).not.toBe(sends[1]!.headers['x-acs-dingtalk-access-token']);
  });

  it('reaches people through the newest session of their single chat, also people outside the org', async () => {
    const batchSends = http.to('/v1.0/robot/oToMessages/batchSend').length;
    // 王秀英 (outside the org: no userId) and 李志强 write to the bot directly; then act in the group.
    await say(wang, '帮助', { session: 's-wang' });
    await say(li, `报到 ${memberCode}`, { session: 's-li' });
    await waitUntil(() => http.sessionTexts('s-li').join().includes('报到成功'), 5000, 'the welcome');
    await say(wang, ' 心愿 想要一副老花镜', { group: GROUP, session: 's-g1' });
    const receipt = await waitFirst(() => http.sessionTexts('s-g1')[0]);
    const id = Number(/#(\d+)/u.exec(receipt)![1]);
    await say(li, ` 认领 ${id}`, { group: GROUP, session: 's-g2' });
    // The claimant's details and the submitter's notice are direct messages: no reply context, found by address.
    await waitUntil(() => http.sessionTexts('s-wang').some((x) => x.includes('认领')) && http.sessionTexts('s-li').some((x) => x.includes(`#${id}`)), 5000, 'the direct messages');
    expect(http.to('/v1.0/robot/oToMessages/batchSend')).toHaveLength(batchSends);
  });

  it('marks a message to a user id DingTalk does not know as undeliverable at once', async () => {
    http.invalidUser('zhao0815');
    await say(zhao, '帮助', { session: 's-zhao', expiresAt: Date.now() + 1000 });
    await waitUntil(async () => (await outbox()).at(-1)!.status === 'dead', 5000, 'a dead row');
    expect((await outbox()).at(-1)).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await outbox()).at(-1)!.lastError).toContain('not valid');
  });

  it('waits when DingTalk flow-controls a user, without spending an attempt', async () => {
    const sun: DingtalkPerson = { staffId: 'sun2024', senderId: '$:LWCP_v1:$sun', nick: '孙大爷' };
    http.flowControl('sun2024');
    const before = Date.now();
    await say(sun, '帮助', { session: 's-sun', expiresAt: Date.now() + 1000 });
    await waitUntil(async () => (await outbox()).at(-1)!.lastError !== null, 5000, 'the flow control');
    const row = (await outbox()).at(-1)!;
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row.notBefore.getTime()).toBeGreaterThanOrEqual(before + 10 * MINUTE - 1000);
    http.flowControl('sun2024', false);
  });

  it('never writes the app secret, a token or a sessionWebhook into the log', async () => {
    const log = t.logs.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(APP.clientSecret);
    expect(log).not.toContain('fake-token-');
    expect(log).not.toContain('sendBySession');
    expect(log).not.toContain('session=');
  });
});

describe('custom group robots (push only)', () => {
  let t: TestApp;
  let http: DingtalkHttpFake;
  const clock = fixedClock(new Date());
  const APP_GROUP = 'cidAppGroup==';
  const ROBOT_GROUP = 'cidRobotGroup==';
  const TOKEN = 'robot-access-token-0123456789abcdef';
  const SECRET = 'SEC0123456789abcdef0123456789abcdef';
  const say = async (from: DingtalkPerson, text: string, session: string) => {
    expect(await postSigned(t, robotMessage({ from, text, group: APP_GROUP, sessionWebhook: http.sessionWebhook(session), createAt: clock.now().getTime() }), clock.now().getTime())).toBe(200);
    await t.app.inbound.idle();
  };
  /** Lets time pass in steps of 5 s until `done` (the fake robot keeps DingTalk's clock, the same one). */
  const drive = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) {
      clock.advance(5000);
      await new Promise((r) => setTimeout(r, 40));
    }
  };
  const robotRows = () => t.app.db.all<OutboxMessage>('SELECT * FROM outbox_messages WHERE platform = ? AND target_id = ? ORDER BY id', ['dingtalk', ROBOT_GROUP]);

  beforeAll(async () => {
    http = await DingtalkHttpFake.start({ appKey: APP.clientId, appSecret: APP.clientSecret });
    http.now = () => clock.now().getTime();
    http.addRobot(TOKEN, SECRET);
    t = await startDingtalkApp({ http, mode: 'http', clock, options: { maxPartBytes: 120 }, env: { LOG_LEVEL: 'debug' } });
    const c = await t.api('POST', '/api/communities', { name: '机器人社区' });
    await t.api('POST', '/api/groups', { platform: 'dingtalk', conversationId: APP_GROUP, communityId: c.body.id });
    const bound = await t.api('POST', '/api/groups', { platform: 'dingtalk', conversationId: ROBOT_GROUP, communityId: c.body.id, webhookToken: TOKEN, webhookSecret: SECRET });
    expect(bound.status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await http.close();
  });

  it('posts announcements through /robot/send with a valid signature, and never shows the keys', async () => {
    await say(wang, ' 心愿 帮忙修一下自行车', 's-a1');
    await waitUntil(() => http.robotTexts(TOKEN).length > 0, 5000, 'the announcement');
    const sent = http.to('/robot/send');
    expect(sent.every((r) => r.query.timestamp === String(clock.now().getTime()))).toBe(true);
    expect(sent[0]!.body.msgUuid).toMatch(/^lianxin-\d+-0$/u);
    expect(http.robotTexts(TOKEN).join('\n')).toContain('帮忙修一下自行车');
    await waitUntil(async () => (await robotRows()).every((r) => r.status === 'sent'), 5000, 'sent');
    const groups = await t.api('GET', '/api/groups');
    expect(JSON.stringify(groups.body)).not.toContain(TOKEN);
    expect(JSON.stringify(groups.body)).not.toContain(SECRET);
    expect(groups.body.groups.find((g: { conversationId: string }) => g.conversationId === ROBOT_GROUP).hasWebhook).toBe(true);
  });

  it('splits a long post on line boundaries, and resumes after the parts already sent', async () => {
    clock.advance(2 * MINUTE); // a fresh minute for the robot
    const before = http.to('/robot/send').length;
    // The second part is refused once (errcode -1, system busy): the retry must not repeat the first.
    http.failNext('/robot/send', { status: 200, body: { errcode: -1, errmsg: '系统繁忙' } }, { skip: 1 });
    const longWish = '请帮忙把三楼到六楼楼道里堆放的杂物清理一下，老人上下楼不方便';
    await say(wang, ` 心愿 ${longWish}`, 's-a2');
    // Time passes (each part after the first waits for a slot of the robot's 20 a minute; the failed one for its retry).
    await drive(async () => (await robotRows()).at(-1)!.status === 'sent');
    const done = (await robotRows()).at(-1)!;
    expect(done.attempts).toBe(1);
    const tries = http.to('/robot/send').slice(before);
    const accepted = tries.filter((_, i) => i !== 1).map((r) => r.body.text.content as string);
    expect(tries[1]!.body.text.content).toBe(tries[2]!.body.text.content); // part 2 again, not part 1
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    for (const p of accepted) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(120);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(accepted.join('').replace(/\n/gu, '')).toBe(done.text.replace(/\n/gu, ''));
    // One idempotency key per part: the retried part 1 carries the same one.
    expect(tries.map((r) => r.body.msgUuid)).toEqual(tries.map((_, i) => `lianxin-${done.id}-${i < 2 ? i : i - 1}`));
  });

  it('waits out a throttle (ten minutes) instead of dropping or hammering', async () => {
    clock.advance(2 * MINUTE); // a fresh minute for the robot
    http.throttleRobot(TOKEN);
    const before = http.to('/robot/send').length;
    await say(wang, ' 心愿 周末想借一辆轮椅', 's-a3');
    await waitUntil(async () => ((await robotRows()).at(-1)!.lastError ?? '').includes('660026'), 5000, 'the throttle');
    const row = (await robotRows()).at(-1)!;
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row.notBefore.getTime()).toBe(clock.now().getTime() + 10 * MINUTE);
    const tried = http.to('/robot/send').length;
    expect(tried).toBe(before + 1);
    // A reply of an earlier test still retrying (wang's chat session ran out) falls due when the clock
    // moves; the dispatcher's own poll takes it within its interval. Then nothing is due.
    await waitUntil(async () => (await dueRows(t.app.db, clock.now(), null, 100)).length === 0, 5000, 'the poll to take what is due');
    // The dispatcher looks again (three passes of its own): nothing is due, nothing more goes to the robot.
    for (let pass = 0; pass < 3; pass++) expect(await t.app.dispatcher.drainOnce()).toBe(0);
    expect(http.to('/robot/send').length).toBe(tried);
    // Ten minutes later it goes.
    http.throttleRobot(TOKEN, false);
    clock.advance(10 * MINUTE + 1000);
    await waitUntil(async () => (await robotRows()).at(-1)!.status === 'sent', 5000, 'the send after the wait');
    expect(http.robotTexts(TOKEN).join('\n')).toContain('周末想借一辆轮椅');
  });

  it('keeps a robot under 20 messages a minute, counting every part of a long bulletin', async () => {
    clock.advance(2 * MINUTE); // a minute of its own, after the posts above
    const before = http.to('/robot/send').length;
    // 25 lines of 90-odd bytes with 120-byte parts: 25 messages for DingTalk, one outbox row for us.
    const lines = Array.from({ length: 25 }, (_, i) => `第${String(i + 1).padStart(2, '0')}条：本周社区志愿服务安排请互相转告谢谢配合`);
    await enqueue(t.app.db, [{ platform: 'dingtalk', target: { type: 'group', id: ROBOT_GROUP }, text: lines.join('\n'), format: 'text' }], {}, clock.now());
    await drive(async () => (await robotRows()).at(-1)!.status === 'sent');
    const row = (await robotRows()).at(-1)!;
    expect(row).toMatchObject({ status: 'sent', attempts: 0 });
    // DingTalk never had to say "too fast" (it mutes a robot for ten minutes after 20 in a minute) …
    expect(http.robotRefusals(TOKEN)).toBe(0);
    // … and every part arrived once, in order.
    expect(http.robotTexts(TOKEN).slice(before)).toEqual(lines);
  });

  it('keeps the robot keys out of the log', () => {
    const log = t.logs.join('');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(SECRET);
  });
});

async function waitFirst<T>(get: () => T | undefined): Promise<T> {
  let value: T | undefined;
  await waitUntil(() => (value = get()) !== undefined, 5000, 'a value');
  return value!;
}
