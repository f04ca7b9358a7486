// Benchmark (issue 6): messages handled per second and claims per second, end to end through the
// simulator (received, parsed, stored, answered into the outbox), on SQLite and on PostgreSQL, with
// one and with two real Lianxin processes on one database. Also: an idle process's CPU use.
// Usage: npm run bench:throughput [-- <messages> <concurrency>]   (defaults 2000 and 32)
// PostgreSQL: BENCH_DATABASE_URL, or a throwaway server when the Debian binaries are installed.
// BENCH_ONLY=sqlite or BENCH_ONLY=postgresql runs one database's rows only.
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../scripts/lib/migrate-dev.ts';
import { SCHEDULES_OFF, startLianxinProcess, type LianxinProcess } from '../test/helpers/lianxin-process.ts';
import { createDatabase, findPostgresBin, startThrowawayPostgres } from '../test/setup/postgres.ts';

const messages = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 32);
const TOKEN = 'bench-admin-token-0123456789abc';
// A district: many communities with a group each (one conversation's messages are handled in
// order, one at a time, so a single group would measure that group, not Lianxin).
const COMMUNITIES = 20;

// node:http with kept-alive connections rather than fetch: the load generator shares the two cores
// with Lianxin, and undici's fetch cost it about a third of the messages per second it measured.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function post(p: LianxinProcess, path: string, body: unknown, auth = false): Promise<any> {
  const data = JSON.stringify(body);
  const url = new URL(p.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...(auth ? { authorization: `Bearer ${TOKEN}` } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => (res.statusCode !== undefined && res.statusCode < 300 ? resolve(JSON.parse(text)) : reject(new Error(`${path}: ${res.statusCode} ${text}`))));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const say = (p: LianxinProcess, from: string, text: string, group: string | null) =>
  post(p, '/sim/messages', {
    conversationId: group ?? from,
    conversationType: group ? 'group' : 'single',
    senderId: from,
    senderName: `用户${from}`,
    text,
  }) as Promise<{ replies: Array<{ text: string }> }>;

/** Runs `n` tasks with at most `concurrency` under way; returns tasks per second. */
async function rate(n: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

/** CPU seconds used by a process (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function run(kind: string, databaseUrl: string, processes: number) {
  await migrate(databaseUrl);
  const env = {
    DATABASE_URL: databaseUrl,
    ADMIN_TOKEN: TOKEN,
    LOG_LEVEL: 'error',
    QUIET_HOURS: 'off',
    // The benchmark is one client sending as fast as it can: no per-client limit.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...SCHEDULES_OFF,
  };
  const procs: LianxinProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) procs.push(await startLianxinProcess(env, { production: true }));
    const at = (i: number) => procs[i % procs.length]!;

    await new Promise((r) => setTimeout(r, 1000));
    const cpu0 = cpuSeconds(procs[0]!.pid);
    await new Promise((r) => setTimeout(r, 5000));
    const idleCpu = ((cpuSeconds(procs[0]!.pid) - cpu0) / 5) * 100;

    const perCommunity = Math.max(2, Math.ceil(Math.min(messages / 10, 2000) / COMMUNITIES));
    for (let c = 0; c < COMMUNITIES; c++) {
      const community = await post(procs[0]!, '/api/communities', { name: `压测社区${c}` }, true);
      await post(procs[0]!, '/api/groups', { platform: 'sim', conversationId: `g${c}`, communityId: community.id }, true);
      const invite = await post(procs[0]!, '/api/invites', { communityId: community.id, role: 'member', maxUses: 1000 }, true);
      // Member m belongs to community m % COMMUNITIES.
      await rate(perCommunity, (k) => say(at(k), `m${c + COMMUNITIES * k}`, `报到 ${invite.code}`, null));
    }

    // Messages: residents post wishes in their groups; each makes an item, a receipt and a group notice.
    const ids: number[] = [];
    const perMessage = await rate(messages, async (i) => {
      const r = await say(at(i), `r${i}`, `心愿 帮忙取一下快递 ${i}`, `g${i % COMMUNITIES}`);
      const id = /#(\d+)/u.exec(r.replies[0]?.text ?? '')?.[1];
      if (!id) throw new Error(`no receipt: ${JSON.stringify(r)}`);
      ids[i] = Number(id);
    });

    // Claims: two members go for each item at once, through different processes; one wins.
    const claims = ids.length * 2;
    let won = 0;
    const perClaim = await rate(claims, async (k) => {
      // Two different members of the item's community.
      const i = k >> 1;
      const c = i % COMMUNITIES;
      const member = c + COMMUNITIES * ((2 * Math.floor(i / COMMUNITIES) + (k & 1)) % perCommunity);
      const r = await say(at(k), `m${member}`, `认领 ${ids[i]}`, null);
      if (r.replies.some((x) => x.text.includes('您认领了'))) won++;
    });
    if (won !== ids.length) throw new Error(`${won} claims won for ${ids.length} items`);
    console.log(`| ${kind} | ${processes} | ${messages} | ${perMessage.toFixed(0)} | ${claims} | ${perClaim.toFixed(0)} | ${idleCpu.toFixed(1)} |`);
  } finally {
    await Promise.all(procs.map((p) => p.stop('SIGTERM')));
  }
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${concurrency} requests at once`);
console.log('| database | processes | messages | messages/s | claims (2 per item) | claims/s | idle CPU % |');
console.log('|---|---:|---:|---:|---:|---:|---:|');

const only = process.env.BENCH_ONLY;
for (const processes of only === 'postgresql' ? [] : [1, 2]) {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-'));
  try {
    await run('SQLite', `file:${join(dir, 'bench.db')}`, processes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bin = process.env.BENCH_DATABASE_URL || only === 'sqlite' ? null : findPostgresBin();
const server = bin ? await startThrowawayPostgres(bin) : null;
const base = process.env.BENCH_DATABASE_URL ?? server?.url;
if (only === 'sqlite') {
  // Asked for SQLite only.
} else if (!base) {
  console.log('PostgreSQL: skipped (no BENCH_DATABASE_URL, no server binaries)');
} else {
  try {
    for (const processes of [1, 2]) {
      const url = await createDatabase(base, `lianxin_bench_${processes}_${Date.now()}`);
      await run('PostgreSQL', url, processes);
    }
  } finally {
    await server?.stop();
  }
}
agent.destroy();
