import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/test-app.ts';

// The names docs/deploy.md's alerts use, as Prometheus reads them at GET /metrics.

describe('/metrics', () => {
  let t: TestApp;
  const scrape = async () => {
    const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is behind the admin token', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
  });

  it('counts messages in, job runs, sends, and the age of the oldest due outbox row', async () => {
    await t.say({ id: 'm1', name: '甲' }, '帮助');
    await t.say({ id: 'm1', name: '甲' }, '帮助', { messageId: 'same' });
    await t.say({ id: 'm1', name: '甲' }, '帮助', { messageId: 'same' });
    expect((await t.api('POST', '/api/jobs/group-nudge/run')).status).toBe(200);
    await t.settle();
    // A message due for almost seven minutes, stuck with a process that holds it and sends nothing.
    const [stuck] = await t.app.db.transaction((tx) =>
      enqueue(tx, [{ platform: 'sim', target: { type: 'user', id: 'nobody' }, text: 'x', format: 'text' }], {}, new Date(Date.now() - 400_000)),
    );
    await t.app.db.run("UPDATE outbox_messages SET status = 'sending', lease_owner = 'elsewhere', lease_until = ? WHERE id = ?", [new Date(Date.now() + 600_000), stuck!]);
    const text = await scrape();
    expect(value(text, 'lianxin_inbound_messages_total{platform="sim",result="stored"}')).toBe(2);
    expect(value(text, 'lianxin_inbound_messages_total{platform="sim",result="duplicate"}')).toBe(1);
    expect(value(text, 'lianxin_job_runs_total{job="group-nudge",status="done"}')).toBe(1);
    expect(value(text, 'lianxin_outbox_send_seconds_count{platform="sim",outcome="sent"}')).toBeGreaterThanOrEqual(2);
    expect(value(text, 'lianxin_outbox_oldest_due_seconds')).toBeGreaterThan(300);
    for (const name of ['lianxin_outbox_messages{status="dead"}', 'lianxin_inbound_pending', 'lianxin_event_loop_delay_p99_seconds']) {
      expect(value(text, name), name).toBeTypeOf('number');
    }
  });
});
