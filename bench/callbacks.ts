// Benchmark (issue 14, targets 1 and 2): WeCom app callbacks answered by Lianxin against the floor of
// a bare handler, in the same run on the same machine, then a steady 1,000 callbacks/s (over kept
// connections, then from a sender that opens a new connection for each; the floor too), then 1,500
// new wishes a second offered for 10 s (how many a second become items with their reply sent), then
// the ledger read back: every acknowledged message stored, handled and replied to, exactly once.
//   Floor: bench/floors/bare-express-wecom.mjs (Express 5 + @wecom/crypto: verify, decrypt, 200).
//   Load: wrk (Debian's package), 32 connections, 3 rounds of 8 s, distinct prepared callbacks;
//   steady load from bench/lib/steady-load.ts, timed from when each request was due.
// Usage: npm run bench:callbacks [-- <seconds per round> <rounds>]   (SQLite; one Lianxin process)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteDb } from '../src/db/sqlite-database.ts';
import { WecomApiFake } from '../test/fakes/wecom-api-fake.ts';
import { appCallback, appXml, newAesKey, wecomAppEnv, type Keys } from '../test/fakes/wecom-callback-client.ts';
import { freePort } from '../test/helpers/free-port.ts';
import { runWrk, type WrkResult } from './lib/wrk.ts';
import { SLOW_MS, steadyLoad, type SteadyResult } from './lib/steady-load.ts';

const seconds = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 3);
const CONNECTIONS = 32;
const CORP = 'wwbench0000000001';
const ROOT = join(import.meta.dirname, '..');
const keys: Keys = { token: 'bench-callback-token', aesKey: newAesKey(), receiveId: CORP };
const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-callbacks-'));

/** `count` distinct callbacks (a wish each, from 5,000 residents), numbered from `from`. */
function prepare(from: number, count: number): Array<{ path: string; body: string }> {
  return Array.from({ length: count }, (_, k) => {
    const n = from + k;
    const c = appCallback(keys, appXml.text(CORP, `resident${n % 5000}`, `心愿 帮忙取一下快递 ${n}`, String(7_000_000_000_000_000_000n + BigInt(n))));
    return { path: `/wecom/callback?${c.query}`, body: c.body };
  });
}

function writeRequests(name: string, reqs: Array<{ path: string; body: string }>): string {
  const file = join(dir, name);
  writeFileSync(file, reqs.map((r) => `${r.path}\t${r.body}`).join('\n'));
  return file;
}

async function startChild(args: string[], env: Record<string, string>, readyUrl: string | null): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`exited: ${out}`);
    if (readyUrl === null ? out.includes('ready') : await fetch(readyUrl).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`did not start: ${out}`);
}

const stop = (c: ChildProcess) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : (c.once('exit', () => resolve()), c.kill('SIGTERM'))));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `rounds` runs of wrk, each on requests of its own (a round must not send an earlier one's again). */
async function runRounds(url: string, files: string[]): Promise<WrkResult[]> {
  const out: WrkResult[] = [];
  for (const file of files) out.push(await runWrk({ url, requestsFile: file, dir, seconds, connections: CONNECTIONS }));
  return out;
}

const perRound = 6000 * seconds;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`preparing ${perRound * rounds * 2 + 20_000 + 15_000} encrypted callbacks …`);
const roundFiles = (name: string, from: number) =>
  Array.from({ length: rounds }, (_, r) => writeRequests(`${name}-${r}.txt`, prepare(from + r * perRound, perRound)));
const floorFiles = roundFiles('floor', 0);
const lianxinFiles = roundFiles('lianxin', 1_000_000);
const steadyRequests = prepare(2_000_000, 10_000);
const freshRequests = prepare(2_500_000, 10_000);
// End to end (issue 14, target 2): wishes offered faster than 1,000/s, each to become an item and a reply.
const CAPACITY_PER_SECOND = 1500;
const capacityRequests = prepare(3_000_000, CAPACITY_PER_SECOND * 10);

// 1. The floor.
const floorPort = await freePort();
const floor = await startChild([join(ROOT, 'bench/floors/bare-express-wecom.mjs'), String(floorPort), keys.token, keys.aesKey], {}, null);
const floorRuns = await runRounds(`http://127.0.0.1:${floorPort}`, floorFiles);
// The same steady load on the floor (it stores nothing, so the same callbacks serve both): what the
// machine, the sender and new connections cost at 1,000/s without any work behind the answer.
const floorSteady = await steadyLoad({ url: `http://127.0.0.1:${floorPort}`, requests: steadyRequests, perSecond: 1000, seconds: 10 });
// And from a sender that opens a new connection for every callback (no keep-alive).
const floorFresh = await steadyLoad({ url: `http://127.0.0.1:${floorPort}`, requests: steadyRequests, perSecond: 1000, seconds: 10, fresh: true });
await stop(floor);

// 2. Lianxin, as `npm start` runs it (dist/main.js), replying through a fake WeCom API.
const api = await WecomApiFake.start({ corpId: CORP, secret: 'bench-secret' });
const port = await freePort();
const databaseFile = join(dir, 'bench.db');
const { buildServer } = await import('../scripts/build.mjs' as string);
await buildServer(ROOT);
const lianxin = await startChild(
  [join(ROOT, 'dist/main.js')],
  {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${databaseFile}`,
    ADMIN_TOKEN: 'bench-admin-token-0123456789abc',
    LOG_LEVEL: 'error',
    QUIET_HOURS: 'off',
    SIM_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...wecomAppEnv(keys, api.url, 'bench-secret'),
    SCHEDULE_GROUP_NUDGE: 'off',
    SCHEDULE_CLAIMANT_REMINDER: 'off',
    SCHEDULE_ESCALATION: 'off',
    SCHEDULE_WEEKLY_BULLETIN: 'off',
    SCHEDULE_OFFICIAL_DIGEST: 'off',
    SCHEDULE_REVISIT: 'off',
  },
  `http://127.0.0.1:${port}/healthz`,
);
const base = `http://127.0.0.1:${port}`;
const admin = (path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { authorization: 'Bearer bench-admin-token-0123456789abc', 'content-type': 'application/json' }, body: JSON.stringify(body) });
await admin('/api/communities', { name: '压测社区' });

const lianxinRuns = await runRounds(base, lianxinFiles);

// 3. Everything acknowledged is handled and answered: wait for the backlog the rounds left.
const db = new SqliteDb(databaseFile);
let counts = { stored: 0, handled: 0, items: 0, replies: 0, sentReplies: 0 };
async function drained(): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    counts = (await db.get<typeof counts>(
      `SELECT (SELECT count(*) FROM inbound_messages) AS stored,
              (SELECT count(*) FROM inbound_messages WHERE status = 'done') AS handled,
              (SELECT count(*) FROM items) AS items,
              (SELECT count(*) FROM outbox_messages WHERE inbound_id IS NOT NULL) AS replies,
              (SELECT count(*) FROM outbox_messages WHERE inbound_id IS NOT NULL AND status = 'sent') AS sent_replies`,
    ))!;
    if ((counts.handled === counts.stored && counts.sentReplies === counts.replies) || performance.now() - t0 > 600_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return (performance.now() - t0) / 1000;
}
const drainSeconds = await drained();

// 4. Steady state: 1,000 callbacks a second, each handled and answered as it comes.
await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer bench-admin-token-0123456789abc' } }); // resets the delay histogram
const steady = await steadyLoad({ url: base, requests: steadyRequests, perSecond: 1000, seconds: 10 });
const metrics = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer bench-admin-token-0123456789abc' } }).then((r) => r.text());
const steadyDrain = await drained();
// The same rate, a new connection for every callback: Node accepts one connection per turn of the
// event loop (libuv pull request 3696), so the turns handling takes are felt here (docs/performance.md).
const fresh = await steadyLoad({ url: base, requests: freshRequests, perSecond: 1000, seconds: 10, fresh: true });
const freshDrain = await drained();

// 5. End to end: 1,500 new wishes a second for 10 s; when has every one become an item with its reply sent?
const itemsBefore = counts.items;
const capacityStart = performance.now();
const capacity = await steadyLoad({ url: base, requests: capacityRequests, perSecond: CAPACITY_PER_SECOND, seconds: 10 });
await drained();
const capacitySeconds = (performance.now() - capacityStart) / 1000;
const capacityItems = counts.items - itemsBefore;
const acknowledged = lianxinRuns.reduce((s, r) => s + r.requests - r.non2xx, 0) + steady.ok + fresh.ok + capacity.ok;
const sends = api.callsTo('/cgi-bin/message/send');
const perMessage = new Map<string, number>();
for (const c of sends) {
  const key = JSON.stringify((c.body as { text?: { content?: string } }).text?.content ?? '');
  perMessage.set(key, (perMessage.get(key) ?? 0) + 1);
}
const sentTwice = [...perMessage.values()].filter((n) => n > 1).length;
await db.close();
await stop(lianxin);
await api.close();
rmSync(dir, { recursive: true, force: true });

const f = median(floorRuns.map((r) => r.perSecond));
const l = median(lianxinRuns.map((r) => r.perSecond));
const row = (name: string, runs: WrkResult[]) =>
  `| ${name} | ${runs.map((r) => r.perSecond.toFixed(0)).join(' / ')} | ${median(runs.map((r) => r.p50Ms)).toFixed(1)} | ${median(runs.map((r) => r.p99Ms)).toFixed(1)} | ${runs.reduce((s, r) => s + r.non2xx, 0)} |`;
console.log(`\n${CONNECTIONS} connections, ${rounds} rounds of ${seconds} s, distinct callbacks (a wish each)`);
console.log('| server | answered/s per round | p50 ms | p99 ms | non-200 |');
console.log('|---|---|---:|---:|---:|');
console.log(row('floor: Express 5 + @wecom/crypto, decrypt and 200', floorRuns));
console.log(row('Lianxin (stores, then handles and replies)', lianxinRuns));
console.log(`ratio Lianxin / floor (medians): ${(l / f).toFixed(2)}`);
const loop = /lianxin_event_loop_delay_p99_seconds ([\d.e-]+)/u.exec(metrics)?.[1];
const loopMax = /lianxin_nodejs_eventloop_lag_max_seconds ([\d.e-]+)/u.exec(metrics)?.[1];
const ms = (seconds: string | undefined) => (seconds ? (Number(seconds) * 1000).toFixed(1) : '?');
console.log(`the rounds' backlog handled and answered ${drainSeconds.toFixed(1)} s after the last round`);
const steadyLine = (r: SteadyResult) =>
  `${r.ok}/${r.sent} answered 200${Object.keys(r.failed).length ? ` (others: ${JSON.stringify(r.failed)})` : ''}; p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms; ${r.slow} over ${SLOW_MS} ms (${r.slowOnNew} of them on a connection just opened; ${r.newSockets} opened); the sender's longest stall ${r.senderStallMs.toFixed(1)} ms`;
console.log(`\nsteady 1000/s for 10 s`);
console.log(`- floor: ${steadyLine(floorSteady)}`);
console.log(`- Lianxin (after the backlog): ${steadyLine(steady)}; Lianxin's event-loop delay p99 ${ms(loop)} ms, max ${ms(loopMax)} ms; all answered ${steadyDrain.toFixed(1)} s after the last`);
console.log(`steady 1000/s for 10 s, a new connection for every callback`);
console.log(`- floor: ${steadyLine(floorFresh)}`);
console.log(`- Lianxin: ${steadyLine(fresh)}; all answered ${freshDrain.toFixed(1)} s after the last`);
console.log(
  `\nend to end: ${CAPACITY_PER_SECOND} new wishes/s offered for 10 s (${capacity.ok}/${capacity.sent} acknowledged): ${capacityItems} items, every one with its reply sent, ${capacitySeconds.toFixed(1)} s after the first → ${(capacityItems / capacitySeconds).toFixed(0)} wishes/s handled end to end`,
);
console.log(
  `\nread back: acknowledged ${acknowledged}; stored ${counts.stored}; handled ${counts.handled}; items ${counts.items}; replies ${counts.replies}, sent ${counts.sentReplies}; message/send calls ${sends.length}, texts sent more than once ${sentTwice}`,
);
