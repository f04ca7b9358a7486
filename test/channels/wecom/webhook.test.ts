import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWecomChannel } from '../../../src/channels/wecom/wecom-channel.ts';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { enqueue } from '../../../src/outbox/enqueue.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import type { OutboxMessage, RateLimit } from '../../../src/db/rows.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import { getOrThrow } from '../../helpers/test-db.ts';
import { WecomApiFake } from '../../fakes/wecom-api-fake.ts';
import { eventually, settled } from './helpers.ts';

// Group robot webhooks (消息推送): push only, 20 messages a minute per webhook, markdown up to
// 4096 bytes and text up to 2048 — longer bulletins arrive whole, in order, in several messages.

const WEBHOOK = '/cgi-bin/webhook/send';
// One group (and webhook) per test, so that each starts with its own 20-a-minute allowance.
const GROUPS = { markdown: 'wecom-push-md', text: 'wecom-push-text', throttled: 'wecom-push-throttled' } as const;
const keyOf = (group: string) => `SECRET-webhook-key-of-${group}`;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** A bulletin of `lines` lines, Chinese and emoji, numbered so that order shows. */
function bulletin(lines: number): string {
  return ['# 阳光社区 · 本周简报 📋', ...Array.from({ length: lines }, (_, i) => `${String(i + 1).padStart(3, '0')}. 心愿 #${i + 1}：帮独居老人买菜、修水龙头、换灯泡 🙂 已认领`)].join('\n');
}

describe('WeCom group robot webhook', () => {
  let api: WecomApiFake;
  let t: TestApp;
  const push = async (group: string, text: string, format: 'text' | 'markdown') => {
    const msg: OutboundMessage = { platform: 'wecom', target: { type: 'group', id: group }, text, format, scheduled: true };
    const [id] = await t.app.db.transaction((tx) => enqueue(tx, [msg], {}, new Date()));
    t.app.dispatcher.kick();
    return id!;
  };
  const posted = () => api.callsTo(WEBHOOK).filter((c) => c.reply?.errcode === 0);

  beforeAll(async () => {
    api = await WecomApiFake.start();
    t = await startTestApp({
      env: { SIM_ENABLED: 'false', WECOM_WEBHOOK_BASE: api.url },
      overrides: { channels: (deps) => [createWecomChannel(deps, { throttleMs: 300 })] },
    });
    const c = await t.api('POST', '/api/communities', { name: '阳光社区' });
    for (const group of Object.values(GROUPS)) {
      const bound = await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: group, communityId: c.body.id, webhookKey: keyOf(group) });
      expect(bound.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  it('a markdown bulletin longer than 4096 bytes arrives whole, in order, in several messages', async () => {
    const text = bulletin(110);
    expect(bytes(text)).toBeGreaterThan(2 * 4096);
    const start = api.calls.length;
    await push(GROUPS.markdown, text, 'markdown');
    await settled(t);
    const parts = posted().filter((c) => api.calls.indexOf(c) >= start);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) {
      expect(p.query.key).toBe(keyOf(GROUPS.markdown));
      expect(p.body.msgtype).toBe('markdown');
      expect(bytes(p.body.markdown.content)).toBeLessThanOrEqual(4096);
    }
    expect(parts.map((p) => p.body.markdown.content).join('\n')).toBe(text);
  });

  it('plain text goes as text, in parts of at most 2048 bytes', async () => {
    const text = bulletin(30);
    const start = api.calls.length;
    await push(GROUPS.text, text, 'text');
    await settled(t);
    const parts = posted().filter((c) => api.calls.indexOf(c) >= start);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.every((p) => p.body.msgtype === 'text' && bytes(p.body.text.content) <= 2048)).toBe(true);
    expect(parts.map((p) => p.body.text.content).join('\n')).toBe(text);
  });

  it('throttled in the middle (45009): waits, then resumes after the parts already sent, spending no attempt', async () => {
    const text = bulletin(60);
    const start = api.calls.length;
    api.failNext(WEBHOOK, null, { errcode: 45009, errmsg: 'api freq out of limit' });
    const id = await push(GROUPS.throttled, text, 'markdown');
    await settled(t);
    const calls = api.callsTo(WEBHOOK).filter((c) => api.calls.indexOf(c) >= start);
    const contents = calls.map((c) => c.body.markdown.content as string);
    expect(calls.map((c) => c.reply.errcode)).toEqual([0, 45009, ...contents.slice(2).map(() => 0)]);
    // The refused second part is sent again; the first is not.
    expect(contents[2]).toBe(contents[1]);
    expect(contents.filter((c) => c === contents[0])).toHaveLength(1);
    expect(calls.filter((c) => c.reply.errcode === 0).map((c) => c.body.markdown.content).join('\n')).toBe(text);
    const row = await getOrThrow<OutboxMessage>(t.app.db, 'SELECT * FROM outbox_messages WHERE id = ?', [id]);
    expect(row).toMatchObject({ status: 'sent', attempts: 0 });
  });

  it('never shows the key: not in the API, not in the log, not in the rate-limit table', async () => {
    const groups = await t.api('GET', '/api/groups');
    expect(JSON.stringify(groups.body)).not.toContain('SECRET');
    expect(groups.body.groups[0]).toMatchObject({ conversationId: GROUPS.markdown, hasWebhook: true });
    expect(t.logs.join('')).not.toContain('SECRET');
    const keys = (await t.app.db.all<Pick<RateLimit, 'key'>>('SELECT key FROM rate_limits ORDER BY key')).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('wecom:webhook:'))).toHaveLength(3);
    expect(keys.join(' ')).not.toContain('SECRET');
  });

  it('keeps the key when an admin binds the group again without it (to rename it)', async () => {
    const g = (await t.api('GET', '/api/groups')).body.groups.find((x: { conversationId: string }) => x.conversationId === GROUPS.markdown);
    const again = await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: GROUPS.markdown, communityId: g.communityId, name: '3号楼居民群' });
    expect(again.status).toBe(200);
    const after = (await t.api('GET', '/api/groups')).body.groups.find((x: { conversationId: string }) => x.conversationId === GROUPS.markdown);
    expect(after).toMatchObject({ name: '3号楼居民群', hasWebhook: true });
  });
});

describe('WeCom group robot webhook: 20 messages a minute', () => {
  let api: WecomApiFake;
  let t: TestApp;
  const clock = fixedClock('2026-11-23T02:00:00Z');
  const group = 'wecom-paced';

  beforeAll(async () => {
    api = await WecomApiFake.start();
    t = await startTestApp({
      env: { SIM_ENABLED: 'false', WECOM_WEBHOOK_BASE: api.url },
      overrides: { clock, channels: (deps) => [createWecomChannel(deps)] },
    });
    const c = await t.api('POST', '/api/communities', { name: '阳光社区' });
    await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: group, communityId: c.body.id, webhookKey: keyOf(group) });
  });
  afterAll(async () => {
    await t.close();
    await api.close();
  });

  it('a bulletin of more parts than the allowance pauses, and goes on when the minute allows', async () => {
    const text = bulletin(330);
    const msg: OutboundMessage = { platform: 'wecom', target: { type: 'group', id: group }, text, format: 'markdown' };
    const [id] = await t.app.db.transaction((tx) => enqueue(tx, [msg], {}, clock.now()));
    t.app.dispatcher.kick();
    // The shared limiter lets a small burst through, then one part every few seconds: with the
    // clock standing still, the rest waits, and what went out is remembered.
    const row = () => getOrThrow<OutboxMessage>(t.app.db, 'SELECT * FROM outbox_messages WHERE id = ?', [id!]);
    await eventually(async () => {
      const r = await row();
      return r.partsSent > 0 && r.status === 'pending' && r.notBefore > clock.now();
    }, 'some parts out, the rest waiting');
    const waiting = await row();
    expect(waiting.attempts).toBe(0);
    expect(api.callsTo(WEBHOOK)).toHaveLength(waiting.partsSent);
    // Minute by minute, the rest goes; never more than 20 in one minute.
    const perMinute: number[] = [api.callsTo(WEBHOOK).length];
    for (let minute = 0; (await row()).status !== 'sent'; minute++) {
      if (minute > 20) throw new Error('the bulletin never finished');
      const before = api.callsTo(WEBHOOK).length;
      clock.advance(60_000);
      t.app.dispatcher.kick();
      await eventually(async () => {
        const r = await row();
        return r.status === 'sent' || (r.status === 'pending' && r.notBefore > clock.now());
      }, 'this minute’s parts out');
      perMinute.push(api.callsTo(WEBHOOK).length - before);
    }
    expect(perMinute.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perMinute)).toBeLessThanOrEqual(20);
    const parts = api.callsTo(WEBHOOK).map((c) => c.body.markdown.content as string);
    expect(parts.join('\n')).toBe(text);
    expect((await row()).attempts).toBe(0);
  });
});
