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

// The floors (issue 14): one raw SQL aggregate over the same rows each job reads, timed in the same
// process just before it. The bulletin reads the week's timeline per community; the digest reads
// that and every item's state per community.
const weekFrom = new Date(slot.getTime() - 7 * 86_400_000);
const WEEK_EVENTS = `SELECT i.community_id, e.type, count(*) AS n FROM item_events e JOIN items i ON i.id = e.item_id
  WHERE e.created_at >= ? AND e.created_at < ? GROUP BY i.community_id, e.type`;
const STATE = 'SELECT community_id, status, count(*) AS n, sum(CASE WHEN deadline_at < ? THEN 1 ELSE 0 END) AS overdue FROM items GROUP BY community_id, status';
const floors: Record<string, () => Promise<unknown>> = {
  'weekly-bulletin': () => db.all(WEEK_EVENTS, [weekFrom, slot]),
  'official-digest': () => db.all(`${WEEK_EVENTS.replace('e.type, count(*) AS n', "e.type AS what, count(*) AS n")} UNION ALL ${STATE.replace('status, count(*) AS n, sum(CASE WHEN deadline_at < ? THEN 1 ELSE 0 END) AS overdue', 'status AS what, count(*) AS n')}`, [weekFrom, slot]),
};
for (const job of [weeklyBulletin, officialDigest]) {
  const f0 = performance.now();
  await floors[job.name]!();
  const floorMs = Math.round(performance.now() - f0);
  const t0 = performance.now();
  const plan = await job.plan(deps, slot, slot);
  const messages = plan.write ? await db.transaction((tx) => plan.write!(tx)) : [];
  result[job.name] = { ms: Math.round(performance.now() - t0), floorMs, messages: messages.length, sample: messages[0]?.text.split('\n').slice(0, 3).join(' / ') };
}
result.baselineRssMB = Math.round(baseline / 2 ** 20);
result.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
await db.close();
console.log(JSON.stringify(result));
