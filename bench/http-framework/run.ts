// Fastify or Express for Lianxin's callbacks (docs/decisions/0006): requests/s and p99 latency of a
// bare handler that checks a WeCom app callback's signature, decrypts it with @wecom/crypto and
// answers 200, on Express 5, on bare Fastify 5, and on Fastify as Lianxin builds it. Same machine,
// same run, rounds alternating so that neither always goes first. Load by Debian's wrk.
// Usage: npm run bench:http-framework [-- <seconds per round> <rounds> <connections>]   (defaults 8 3 32)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appCallback, appXml, newAesKey, type Keys } from '../../test/fakes/wecom-callback-client.ts';
import { freePort } from '../../test/helpers/free-port.ts';

const seconds = Number(process.argv[2] ?? 8);
const rounds = Number(process.argv[3] ?? 3);
const connections = Number(process.argv[4] ?? 32);
const KINDS = ['express', 'fastify', 'fastify-lianxin'] as const;
const CORP = 'wwbench0000000001';
const keys: Keys = { token: 'bench-callback-token', aesKey: newAesKey(), receiveId: CORP };

if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is needed: apt-get install wrk');
const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-http-'));
const callback = appCallback(keys, appXml.text(CORP, 'resident1', '帮助', '7000000000000000001'));
const script = join(dir, 'post.lua');
writeFileSync(script, `wrk.method = "POST"\nwrk.body = ${JSON.stringify(callback.body)}\nwrk.headers["Content-Type"] = "text/xml"\n`);

async function startServer(kind: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server.ts'), kind, String(port), keys.token, keys.aesKey], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  // One genuine callback first: the handler must answer 200, or the figures mean nothing.
  const res = await fetch(`http://127.0.0.1:${port}/wecom/callback?${callback.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: callback.body });
  if (res.status !== 200) throw new Error(`${kind} answered ${res.status} to a genuine callback`);
  return { port, child };
}

type Result = { rps: number; p50: number; p99: number; non2xx: number };

function load(port: number): Result {
  const url = `http://127.0.0.1:${port}/wecom/callback?${callback.query}`;
  const out = spawnSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' }).stdout;
  const ms = (label: string) => {
    const m = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`, 'u').exec(out);
    if (!m) throw new Error(`wrk printed no ${label}:\n${out}`);
    return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
  };
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/u.exec(out)?.[1]),
    p50: ms('50%'),
    p99: ms('99%'),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/u.exec(out)?.[1] ?? 0),
  };
}

const results = new Map<string, Result[]>(KINDS.map((k) => [k, []]));
try {
  for (let round = 0; round < rounds; round++) {
    // Each round in another order.
    const order = KINDS.map((_, i) => KINDS[(i + round) % KINDS.length]!);
    for (const kind of order) {
      const { port, child } = await startServer(kind);
      load(port); // warm-up, not kept: the JIT settles
      results.get(kind)!.push(load(port));
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}; node ${process.version}`);
console.log(`wrk -t2 -c${connections} -d${seconds}s --latency, POST /wecom/callback (signature check + AES decrypt), ${rounds} rounds after a warm-up each`);
console.log('| server | requests/s (median; each round) | p50 ms | p99 ms (median; each round) | non-2xx |');
console.log('|---|---|---|---|---|');
for (const [kind, rs] of results) {
  console.log(
    `| ${kind} | ${median(rs.map((r) => r.rps)).toFixed(0)} (${rs.map((r) => r.rps.toFixed(0)).join(', ')}) | ${median(rs.map((r) => r.p50)).toFixed(2)} | ` +
      `${median(rs.map((r) => r.p99)).toFixed(2)} (${rs.map((r) => r.p99.toFixed(2)).join(', ')}) | ${rs.reduce((n, r) => n + r.non2xx, 0)} |`,
  );
}
