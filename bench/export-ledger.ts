// Benchmark (issue 11): the 台账 export of 10 thousand and 100 thousand items, xlsx and csv, on the
// embedded database. Each ledger is seeded in one process and exported in a fresh one, so the
// memory figure is the export's. Bounded memory shows as the same peak for both sizes.
// Usage: npm run bench:export [-- 10000,100000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync('npx', ['--no-install', 'tsx', join('bench', script), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
    .trim()
    .split('\n')
    .at(-1)!;
type Result = { rows: number; ms: number; mb: number; peakRssMB: number; baselineRssMB: number };

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log('| items | format | export s | rows/s | file MB | peak RSS MB (baseline) |');
console.log('|---:|---|---:|---:|---:|---:|');
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-'));
  const file = join(dir, 'ledger.db');
  try {
    tsx('seed-ledger.ts', [file, String(n)]);
    const line = (label: string, r: Result) => {
      if (r.rows !== n) throw new Error(`exported ${r.rows} of ${n} items`);
      console.log(`| ${n.toLocaleString('en')} | ${label} | ${(r.ms / 1000).toFixed(1)} | ${Math.round((r.rows / r.ms) * 1000).toLocaleString('en')} | ${r.mb} | ${r.peakRssMB} (${r.baselineRssMB}) |`);
    };
    for (const format of ['xlsx', 'csv']) line(format, JSON.parse(tsx('measure-export.ts', [file, format])) as Result);
    // V8 grows its heap lazily, so RSS alone overstates what an export holds: the same export with
    // the JavaScript heap capped at 128 MB must still finish (it would die if rows piled up).
    if (n === Math.max(...sizes)) line('xlsx, heap ≤ 128 MB', JSON.parse(tsx('measure-export.ts', [file, 'xlsx'], { NODE_OPTIONS: '--max-old-space-size=128' })) as Result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
