// Benchmark (issues 5 and 14): the weekly bulletin and the official digest on ledgers of 10
// thousand, 100 thousand and 1 million items, each against its floor: one raw SQL aggregate over
// the same rows, timed in the same process. Each size is seeded in one process and measured in a
// fresh one, so the memory figure is the job's, not the seeder's. SQLite, and PostgreSQL with --pg
// (BENCH_DATABASE_URL, or a throwaway server when the Debian binaries are installed).
// Usage: npm run bench:jobs [-- 10000,100000] [--pg]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createDatabase, findPostgresBin, startThrowawayPostgres } from '../test/setup/postgres.ts';

const args = process.argv.slice(2);
const sizes = (args.find((a) => !a.startsWith('--')) ?? '10000,100000,1000000').split(',').map(Number);
const withPg = args.includes('--pg');
const tsx = (script: string, ...args: string[]) =>
  execFileSync('npx', ['--no-install', 'tsx', join('bench', script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1)!;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log('| database | items | seed s | weekly bulletin ms (floor, ×) | official digest ms (floor, ×) | peak RSS MB (baseline) |');
console.log('|---|---:|---:|---:|---:|---:|');
type Measured = Record<string, { ms: number; floorMs: number }> & { peakRssMB: number; baselineRssMB: number };
const cell = (r: { ms: number; floorMs: number }) => `${r.ms} (${r.floorMs}, ${(r.ms / Math.max(1, r.floorMs)).toFixed(1)}×)`;
function measure(kind: string, target: string, n: number, seed: () => void) {
  const t0 = Date.now();
  seed();
  const seeded = ((Date.now() - t0) / 1000).toFixed(1);
  const r = JSON.parse(tsx('measure-jobs.ts', target)) as Measured;
  console.log(`| ${kind} | ${n.toLocaleString('en')} | ${seeded} | ${cell(r['weekly-bulletin']!)} | ${cell(r['official-digest']!)} | ${r.peakRssMB} (${r.baselineRssMB}) |`);
}
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-'));
  const file = join(dir, 'ledger.db');
  try {
    measure('SQLite', file, n, () => tsx('seed-ledger.ts', file, String(n)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (withPg) {
  const bin = process.env.BENCH_DATABASE_URL ? null : findPostgresBin();
  const server = bin ? await startThrowawayPostgres(bin) : null;
  const base = process.env.BENCH_DATABASE_URL ?? server?.url;
  if (!base) console.log('PostgreSQL: skipped (no BENCH_DATABASE_URL, no server binaries)');
  else {
    try {
      for (const n of sizes) {
        const url = await createDatabase(base, `lianxin_jobs_${n}_${Date.now()}`);
        measure('PostgreSQL', url, n, () => tsx('seed-ledger.ts', url, String(n)));
      }
    } finally {
      await server?.stop();
    }
  }
}
