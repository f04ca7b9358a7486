// Benchmark (issue 5): the weekly bulletin and the official digest on ledgers of 10 thousand,
// 100 thousand and 1 million items on the embedded database. Each size is seeded in one process
// and measured in a fresh one, so the memory figure is the job's, not the seeder's.
// Usage: npm run bench:jobs [-- 10000,100000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const tsx = (script: string, ...args: string[]) =>
  execFileSync('npx', ['--no-install', 'tsx', join('bench', script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1)!;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log('| items | seed s | weekly bulletin (50 groups) ms | official digest (50 officials) ms | peak RSS MB (baseline) |');
console.log('|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-'));
  const file = join(dir, 'ledger.db');
  try {
    const t0 = Date.now();
    tsx('seed-ledger.ts', file, String(n));
    const seeded = ((Date.now() - t0) / 1000).toFixed(1);
    const r = JSON.parse(tsx('measure-jobs.ts', file)) as Record<string, { ms: number }> & { peakRssMB: number; baselineRssMB: number };
    console.log(`| ${n.toLocaleString('en')} | ${seeded} | ${r['weekly-bulletin']!.ms} | ${r['official-digest']!.ms} | ${r.peakRssMB} (${r.baselineRssMB}) |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
