// Benchmark (decision 0005): the cost of one statement through src/db, on SQLite and on PostgreSQL.
// Usage: npx tsx bench/statement-cost.ts   (PostgreSQL: BENCH_DATABASE_URL, or a throwaway server)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/open-database.ts';
import { insert } from '../src/db/sql.ts';
import { createLogger } from '../src/log.ts';
import { createDatabase, findPostgresBin, startThrowawayPostgres } from '../test/setup/postgres.ts';

const N = 10_000;
const log = createLogger('error');

async function measure(url: string): Promise<string> {
  const db = await openDatabase(url, log);
  try {
    const id = await insert(db, 'communities', { name: `测试社区${Date.now()}`, createdAt: new Date() });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < N; i++) await db.get('SELECT * FROM communities WHERE id = ?', [id]);
    const wall = ((performance.now() - t0) / N) * 1000;
    const cpu = process.cpuUsage(cpu0);
    const t1 = performance.now();
    await db.transaction(async (tx) => {
      for (let i = 0; i < N; i++) await tx.run('UPDATE communities SET phone = ? WHERE id = ?', [String(i), id]);
    });
    const update = ((performance.now() - t1) / N) * 1000;
    return `${wall.toFixed(1)} µs (CPU ${((cpu.user + cpu.system) / N).toFixed(1)} µs) | ${update.toFixed(1)} µs`;
  } finally {
    await db.close();
  }
}

console.log(`${N} statements one after another`);
console.log('| database | SELECT by id, per statement | UPDATE inside one transaction, per statement |');
console.log('|---|---:|---:|');
const dir = mkdtempSync(join(tmpdir(), 'lianxin-bench-stmt-'));
try {
  console.log(`| SQLite | ${await measure(`file:${join(dir, 'b.db')}`)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const bin = process.env.BENCH_DATABASE_URL ? null : findPostgresBin();
const server = bin ? await startThrowawayPostgres(bin) : null;
const base = process.env.BENCH_DATABASE_URL ?? server?.url;
if (base) {
  try {
    const url = await createDatabase(base, `lianxin_stmt_${Date.now()}`);
    console.log(`| PostgreSQL | ${await measure(url)} |`);
  } finally {
    await server?.stop();
  }
} else {
  console.log('PostgreSQL: skipped (no BENCH_DATABASE_URL, no server binaries)');
}
