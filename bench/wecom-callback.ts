// Benchmark (issue 3): how fast a real Lianxin process answers encrypted WeCom app callbacks while
// the WeCom API it replies through takes 10 s to answer, and whether every message was stored once.
// Each callback is made with @wecom/crypto, as WeCom would; a third of them are repeats.
// Usage: npm run bench:wecom-callback [-- <messages> <concurrency>]   (defaults 600 and 20; SQLite)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../scripts/lib/migrate-dev.ts';
import { WecomApiFake } from '../test/fakes/wecom-api-fake.ts';
import { appCallback, appXml, newAesKey, type Keys } from '../test/fakes/wecom-callback-client.ts';
import { startLianxinProcess } from '../test/helpers/lianxin-process.ts';

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
  WECOM_CORP_ID: CORP,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'bench-secret',
  WECOM_TOKEN: keys.token,
  WECOM_ENCODING_AES_KEY: keys.aesKey,
  WECOM_API_BASE: api.url,
});

try {
  // Two thirds distinct messages, one third repeats of earlier ones (WeCom's retries).
  const distinct = Math.ceil((messages * 2) / 3);
  const bodies = Array.from({ length: messages }, (_, i) => {
    const n = i < distinct ? i : (i * 7) % distinct;
    return appCallback(keys, appXml.text(CORP, `resident${n % 200}`, '帮助', String(7_000_000_000_000_000_000n + BigInt(n))));
  });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < messages) {
        const c = bodies[next++]!;
        const start = performance.now();
        const res = await fetch(`${lianxin.url}/wecom/callback?${c.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: c.body });
        await res.text();
        latencies.push(performance.now() - start);
        if (res.status !== 200) failed++;
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
} finally {
  api.release();
  await lianxin.stop('SIGTERM');
  await api.close();
  rmSync(dir, { recursive: true, force: true });
}
