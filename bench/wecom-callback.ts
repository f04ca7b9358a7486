// Benchmark (issue 3): how fast a real Lianxin process answers encrypted WeCom app callbacks while
// the WeCom API it replies through takes 10 s to answer. Afterwards it reads the database and the
// fake API back: every acknowledged message must be stored once, handled once and replied to once.
// Each callback is made with @wecom/crypto, as WeCom would; a third of them are repeats.
// Usage: npm run bench:wecom-callback [-- <messages> <concurrency>]   (defaults 600 and 20; SQLite)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../scripts/lib/migrate-dev.ts';
import { WecomApiFake } from '../test/fakes/wecom-api-fake.ts';
import { appCallback, appXml, newAesKey, wecomAppEnv, type Keys } from '../test/fakes/wecom-callback-client.ts';
import { startLianxinProcess } from '../test/helpers/lianxin-process.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { createLogger } from '../src/log.ts';

const messages = Number(process.argv[2] ?? 600);
const concurrency = Number(process.argv[3] ?? 20);
const CORP = 'wwbench0000000001';
const keys: Keys = { token: 'bench-callback-token', aesKey: newAesKey(), receiveId: CORP };

const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-wecom-'));
const databaseUrl = `file:${join(dir, 'bench.db')}`;
await migrate(databaseUrl);
const api = await WecomApiFake.start({ corpId: CORP, secret: 'bench-secret' });
api.hold('/cgi-bin/message/send', 10_000);
const lianxin = await startLianxinProcess({
  DATABASE_URL: databaseUrl,
  ADMIN_TOKEN: 'bench-admin-token-0123456789abc',
  LOG_LEVEL: 'error',
  QUIET_HOURS: 'off',
  SIM_ENABLED: 'false',
  ...wecomAppEnv(keys, api.url, 'bench-secret'),
}, { production: true });

try {
  // Two thirds distinct messages, one third repeats of earlier ones (WeCom's retries).
  const distinct = Math.ceil((messages * 2) / 3);
  const msgIdOf = (n: number) => String(7_000_000_000_000_000_000n + BigInt(n));
  const sent = Array.from({ length: messages }, (_, i) => (i < distinct ? i : (i * 7) % distinct));
  const bodies = sent.map((n) => appCallback(keys, appXml.text(CORP, `resident${n % 200}`, '帮助', msgIdOf(n))));
  const acknowledged = new Set<string>();
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const i = next++;
        const c = bodies[i]!;
        const start = performance.now();
        const res = await fetch(`${lianxin.url}/wecom/callback?${c.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: c.body });
        await res.text();
        latencies.push(performance.now() - start);
        if (res.status !== 200) failed++;
        else acknowledged.add(msgIdOf(sent[i]!));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const answeredBySend = api.callsTo('/cgi-bin/message/send').filter((c) => c.answered).length;
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}; SQLite; one process`);
  console.log(`${messages} callbacks (${distinct} distinct), ${concurrency} at a time, message/send held 10 s`);
  console.log(`answered: ${(messages / seconds).toFixed(0)}/s; non-200: ${failed}; latency ms p50 ${pct(50)} p90 ${pct(90)} p99 ${pct(99)} max ${pct(100)}`);
  console.log(`message/send calls answered by the API while the callbacks ran: ${answeredBySend}`);

  // The ledger, read back once the held replies are let go and the outbox is done with them.
  api.release();
  const db = await openDatabase(databaseUrl, createLogger('silent'));
  try {
    type Row = { messageId: string; status: string; replies: number; repliesSent: number };
    const read = () =>
      db.all<Row>(
        `SELECT i.message_id, i.status, count(o.id) AS replies, sum(CASE WHEN o.status = 'sent' THEN 1 ELSE 0 END) AS replies_sent
         FROM inbound_messages i LEFT JOIN outbox_messages o ON o.inbound_id = i.id WHERE i.platform = 'wecom' GROUP BY i.id, i.message_id, i.status`,
      );
    const deadline = Date.now() + 120_000;
    let rows = await read();
    while (Date.now() < deadline && !(rows.length >= acknowledged.size && rows.every((r) => r.status !== 'pending' && r.replies > 0 && r.repliesSent === r.replies))) {
      await new Promise((r) => setTimeout(r, 250));
      rows = await read();
    }
    const byId = new Map<string, Row[]>();
    for (const r of rows) byId.set(r.messageId, [...(byId.get(r.messageId) ?? []), r]);
    const ack = [...acknowledged];
    const storedOnce = ack.filter((id) => byId.get(id)?.length === 1).length;
    const handledOnce = ack.filter((id) => byId.get(id)?.[0]?.status === 'done').length;
    // '帮助' is answered with one message: one outbox row per message, sent, and one message/send call each.
    const repliedOnce = ack.filter((id) => byId.get(id)?.[0]?.replies === 1 && byId.get(id)?.[0]?.repliesSent === 1).length;
    const sendCalls = api.callsTo('/cgi-bin/message/send').length;
    const outboxRows = rows.reduce((n, r) => n + r.replies, 0);
    console.log(
      `acknowledged ${ack.length} distinct messages: stored once ${storedOnce}, handled ${handledOnce}, replied to once ${repliedOnce}; ` +
        `stored but never acknowledged ${rows.filter((r) => !acknowledged.has(r.messageId)).length}; message/send calls ${sendCalls} for ${outboxRows} replies`,
    );
    const exact = storedOnce === ack.length && handledOnce === ack.length && repliedOnce === ack.length && sendCalls === outboxRows;
    console.log(exact ? 'every acknowledged message: stored, handled and replied to exactly once' : 'NOT EXACTLY ONCE: see the counts above');
    if (!exact) process.exitCode = 1;
  } finally {
    await db.close();
  }
} finally {
  api.release();
  await lianxin.stop('SIGTERM');
  await api.close();
  rmSync(dir, { recursive: true, force: true });
}
