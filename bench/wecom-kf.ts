// Benchmark (issue 10): a real Lianxin process (SQLite) with 微信客服 pointing at the fake. N
// residents on WeChat write at once; one kf_msg_or_event callback wakes the pull. Measured: how fast
// callbacks are answered while the pull and the replies run, how long until every message is
// stored (the cursor at the end), and until every resident has the bot's answer; and that each
// resident got exactly one.
// Usage: npm run bench:wecom-kf [-- <residents>]   (default 1000)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../scripts/lib/migrate-dev.ts';
import { connectDatabase } from '../test/helpers/test-db.ts';
import { newAesKey, post } from '../test/fakes/wecom-callback-client.ts';
import { WecomKfFake } from '../test/fakes/wecom-kf-fake.ts';
import { SCHEDULES_OFF, startLianxinProcess } from '../test/helpers/lianxin-process.ts';

const residents = Number(process.argv[2] ?? 1000);
const CORP = 'wwbench0000000001';
const keys = { token: 'bench-kf-token', aesKey: newAesKey(), receiveId: CORP };

const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-kf-'));
const databaseUrl = `file:${join(dir, 'bench.db')}`;
await migrate(databaseUrl);
const fake = await WecomKfFake.start({ corpId: CORP, secret: 'bench-kf-secret' });
const lianxin = await startLianxinProcess({
  ...SCHEDULES_OFF,
  DATABASE_URL: databaseUrl,
  DATA_DIR: dir,
  ADMIN_TOKEN: 'bench-admin-token-0123456789abc',
  LOG_LEVEL: 'error',
  QUIET_HOURS: 'off',
  SIM_ENABLED: 'false',
  WECOM_CORP_ID: CORP,
  WECOM_KF_TOKEN: keys.token,
  WECOM_KF_ENCODING_AES_KEY: keys.aesKey,
  WECOM_KF_SECRET: fake.secret,
  WECOM_KF_OPEN_KFID: fake.openKfid,
  WECOM_API_BASE: fake.url,
}, { production: true });
const db = await connectDatabase(databaseUrl);

try {
  const ids = Array.from({ length: residents }, (_, i) => `wmBench${i}`);
  for (const id of ids) fake.customerSends(id, { text: '帮助' });
  const t0 = performance.now();
  const first = await fake.notify(lianxin.url, keys);
  if (first.status !== 200) throw new Error(`callback answered ${first.status}`);

  // Callbacks keep coming while the pull and the replies run (WeCom sends one per new message).
  const latencies: number[] = [];
  let storedAt = 0;
  const cursorEnd = `CUR${residents.toString(16)}`;
  while (!storedAt || ids.some((id) => fake.deliveredTo(id).length === 0)) {
    const cb = fake.callback(keys);
    const s = performance.now();
    const res = await post(`${lianxin.url}/wecom/kf/callback`, cb.query, cb.body);
    latencies.push(performance.now() - s);
    if (res.status !== 200) throw new Error(`callback answered ${res.status}`);
    if (!storedAt && (await db.get<{ cursor: string }>('SELECT cursor FROM kf_cursors'))?.cursor === cursorEnd) storedAt = performance.now();
    if (performance.now() - t0 > 300_000) throw new Error('not done within 5 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
  const answeredAt = performance.now();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  const counts = ids.map((id) => fake.deliveredTo(id).length);
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}; SQLite; one process`);
  console.log(`${residents} residents writing at once, pulled in pages of 1000`);
  console.log(`every message stored, cursor at the end: ${((storedAt - t0) / 1000).toFixed(2)} s (${(residents / ((storedAt - t0) / 1000)).toFixed(0)}/s)`);
  console.log(`every resident answered: ${((answeredAt - t0) / 1000).toFixed(2)} s`);
  console.log(`callbacks during it: ${latencies.length}, latency ms p50 ${pct(50)} p99 ${pct(99)} max ${pct(100)}`);
  console.log(`answers per resident: min ${Math.min(...counts)}, max ${Math.max(...counts)}; sync_msg calls ${fake.callsTo('/cgi-bin/kf/sync_msg').length}`);
} finally {
  await db.close();
  await lianxin.stop('SIGTERM');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
