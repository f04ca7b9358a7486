// Benchmark (issue 14, target 4): `npm start` to a healthy /healthz, and the serving process's RSS
// after 10 s idle, against the floor of a bare Node HTTP server (`node` directly: ours also carries
// npm's own start, ~0.3 s), in the same run. First start (an empty data folder: migrations applied)
// and a restart.
// Usage: npx tsx bench/start-idle.ts [runs]   (default 3)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../test/helpers/free-port.ts';

const runs = Number(process.argv[2] ?? 3);
const ROOT = join(import.meta.dirname, '..');
const IDLE_MS = 10_000;

async function healthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
}

/** The serving process: `node` itself, or the first node process under npm. */
function servingPid(npm: ChildProcess): number {
  const children = (pid: number): number[] => {
    try {
      return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
    } catch {
      return []; // pgrep exits 1 when there are none
    }
  };
  if (readFileSync(`/proc/${npm.pid}/comm`, 'utf8').trim() === 'node') return npm.pid!;
  for (let level = children(npm.pid!); level.length > 0; level = level.flatMap(children)) {
    const node = level.find((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node');
    if (node) return node;
  }
  throw new Error('no serving process under npm');
}

const rssMB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

async function startOnce(command: string, args: string[], env: NodeJS.ProcessEnv, port: number, idle: boolean): Promise<{ ms: number; rss: number | null }> {
  const t0 = performance.now();
  const npm = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    await healthy(`http://127.0.0.1:${port}/healthz`, npm);
    const ms = Math.round(performance.now() - t0);
    let rss: number | null = null;
    if (idle) {
      await sleep(IDLE_MS);
      rss = rssMB(servingPid(npm));
    }
    return { ms, rss };
  } finally {
    npm.kill('SIGTERM');
    await new Promise((resolve) => (npm.exitCode !== null ? resolve(null) : npm.once('exit', resolve)));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${runs} runs, medians`);
const floor = { first: [] as number[], rss: [] as number[] };
const ours = { first: [] as number[], again: [] as number[], rss: [] as number[] };
for (let i = 0; i < runs; i++) {
  const port = await freePort();
  const f = await startOnce(process.execPath, [join('bench', 'floors', 'bare-http.mjs')], {}, port, true);
  floor.first.push(f.ms);
  floor.rss.push(f.rss!);
  const data = mkdtempSync(join(tmpdir(), 'lianxin-start-'));
  try {
    const env = { DATA_DIR: data, DATABASE_URL: `file:${join(data, 'lianxin.db')}`, LOG_LEVEL: 'error' };
    const first = await startOnce('npm', ['start'], env, port, true);
    const again = await startOnce('npm', ['start'], env, port, false);
    ours.first.push(first.ms);
    ours.rss.push(first.rss!);
    ours.again.push(again.ms);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}
console.log('| | start to healthy, first (ms) | restart (ms) | RSS after 10 s idle (MB) |');
console.log('|---|---:|---:|---:|');
console.log(`| floor: bare node:http | ${median(floor.first)} | | ${median(floor.rss)} |`);
console.log(`| Lianxin: npm start | ${median(ours.first)} | ${median(ours.again)} | ${median(ours.rss)} |`);
console.log('targets: start < 1500 ms, idle < 150 MB');
