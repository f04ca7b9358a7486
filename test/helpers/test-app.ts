import { Writable } from 'node:stream';
import { createApp, type App, type AppOverrides } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { freshDatabaseUrl } from './test-db.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export type TestApp = {
  app: App;
  url: string;
  logs: string[];
  /** Calls the admin API with the bearer token. */
  api: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
  /** Sends a simulator message; `from` is a sim person, `in` a group id or omitted for their direct chat. */
  say: (from: SimPerson, text: string, opts?: { in?: string; messageId?: string }) => Promise<SimReply>;
  /** Waits until everything in the outbox that is due has been delivered (or died). */
  settle: () => Promise<void>;
  close: () => Promise<void>;
};

export type SimPerson = { id: string; name: string };
export type SimReply = { status: number; duplicate: boolean; replies: Array<{ conversationId: string; platform: string; text: string }> };

/** A real Lianxin on a fresh database, listening on 127.0.0.1, for one test file. */
export async function startTestApp(
  opts: { env?: Record<string, string>; overrides?: AppOverrides; databaseUrl?: string } = {},
): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await freshDatabaseUrl());
  const config = loadConfig({ DATABASE_URL: databaseUrl, SIM_ENABLED: 'true', LOG_LEVEL: 'warn', QUIET_HOURS: 'off', ...opts.env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await createApp(config, ADMIN_TOKEN, createLogger(config.LOG_LEVEL, sink), {
    dispatcherPollMs: 50,
    startScheduler: false,
    ...opts.overrides,
  });
  app.start();
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;

  const api: TestApp['api'] = async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const say: TestApp['say'] = async (from, text, o = {}) => {
    const res = await fetch(`${url}/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        conversationId: o.in ?? from.id,
        conversationType: o.in ? 'group' : 'single',
        senderId: from.id,
        senderName: from.name,
        text,
        ...(o.messageId ? { messageId: o.messageId } : {}),
      }),
    });
    const body = (await res.json()) as Omit<SimReply, 'status'>;
    return { status: res.status, ...body };
  };
  const settle = async () => {
    const due = await app.db.all<{ id: number }>(
      "SELECT id FROM outbox_messages WHERE status IN ('pending', 'sending') AND not_before <= ? ORDER BY id",
      [app.clock.now()],
    );
    await app.waitForDelivery(due.map((r) => r.id), 5000);
  };
  return { app, url, logs, api, say, settle, close: () => app.close() };
}

/** The texts a reply set sent into one conversation. */
export function textsTo(reply: SimReply, conversationId: string): string[] {
  return reply.replies.filter((r) => r.conversationId === conversationId).map((r) => r.text);
}
