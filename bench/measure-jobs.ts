// Builds the weekly bulletin and the official digest over a seeded ledger, in a fresh process, and
// prints time and peak memory. Usage: tsx bench/measure-jobs.ts <file.db | postgresql://…>
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/open-database.ts';
import { botDepsFrom } from '../src/bot/bot-deps.ts';
import { loadConfig } from '../src/config.ts';
import { createWorkCalendar } from '../src/domain/work-calendar.ts';
import { createLogger } from '../src/log.ts';
import { officialDigest } from '../src/schedule/official-digest.ts';
import { weeklyBulletin } from '../src/schedule/weekly-bulletin.ts';
import type { JobDeps } from '../src/schedule/job.ts';

const target = process.argv[2];
if (!target) throw new Error('usage: measure-jobs.ts <file.db | postgresql://…>');
const url = /^postgres(ql)?:\/\//u.test(target) ? target : `file:${target}`;
const config = loadConfig({ DATABASE_URL: url });
const log = createLogger('silent');
const db = await openDatabase(config.DATABASE_URL, log, { statementTimeoutMs: 600_000 });
const calendar = createWorkCalendar();
const deps: JobDeps = {
  db,
  config,
  log,
  bot: botDepsFrom(config, () => calendar),
};
const slot = new Date('2026-11-23T01:00:00Z');
await db.get('SELECT count(*) AS n FROM communities'); // connect
const baseline = process.memoryUsage().rss;
const result: Record<string, unknown> = {};
for (const job of [weeklyBulletin, officialDigest]) {
  const t0 = performance.now();
  const plan = await job.plan(deps, slot, slot);
  const messages = plan.write ? await db.transaction((tx) => plan.write!(tx)) : [];
  result[job.name] = { ms: Math.round(performance.now() - t0), messages: messages.length, sample: messages[0]?.text.split('\n').slice(0, 3).join(' / ') };
}
result.baselineRssMB = Math.round(baseline / 2 ** 20);
result.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
await db.close();
console.log(JSON.stringify(result));
