// How long working out a returning process's missed fires takes, and how long it blocks the event
// loop: the old walk over every minute (every second for six fields) against latestFires, which
// computes them from the cron expression (docs/decisions/0007). Usage: npx tsx bench/catch-up.ts
import cron from 'node-cron';
import { cpus } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { latestFires } from '../src/schedule/cron-slots.ts';

const ZONE = 'Asia/Shanghai';
const to = new Date('2026-11-23T03:17:42Z');
const from = new Date(to.getTime() - 8 * 24 * 3600_000); // catch-up's look-back: eight days
const LIMIT = 101; // the latest fire, and the 100 recorded as skipped

function minuteWalk(expression: string): Date[] {
  const step = expression.trim().split(/\s+/u).length === 6 ? 1000 : 60_000;
  const task = cron.createTask(expression, () => undefined, { timezone: ZONE });
  const slots: Date[] = [];
  // The old code capped the walk at 12,000 steps, the most recent part of the window.
  const start = Math.max(from.getTime(), to.getTime() - 12_000 * step);
  for (let t = Math.floor(start / step) * step + step; t <= to.getTime(); t += step) if (task.match(new Date(t))) slots.push(new Date(t));
  void task.destroy();
  return slots.slice(-LIMIT);
}

function measure(fn: () => Date[]): { ms: number; fires: number } {
  fn(); // warm-up
  const t0 = performance.now();
  const fires = fn().length;
  return { ms: performance.now() - t0, fires };
}

// First, in a fresh process: the event loop while the six default schedules are caught up, once
// each and 20 times over, as catch-up does (yielding between jobs).
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
for (let round = 0; round < 20; round++) {
  for (const e of ['30 9 * * *', '0 10 * * *', '0 17 * * *', '0 9 * * 1', '0 9 * * 1', '0 10 * * *']) {
    latestFires(e, ZONE, from, to, LIMIT);
    await new Promise((r) => setImmediate(r));
  }
}
histogram.disable();
const loopLine = `event-loop delay while catching up six schedules, 20 times: max ${(histogram.max / 1e6).toFixed(1)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(1)} ms`;

console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}; node ${process.version}; window 8 days, latest ${LIMIT} fires`);
console.log('| expression | minute walk ms | latestFires ms | fires |');
console.log('|---|---:|---:|---:|');
for (const expression of ['0 9 * * 1', '30 9 * * *', '*/5 * * * *', '0 9 L * *', '* * * * * *']) {
  const old = measure(() => minuteWalk(expression));
  const now = measure(() => latestFires(expression, ZONE, from, to, LIMIT));
  console.log(`| \`${expression}\` | ${old.ms.toFixed(1)} | ${now.ms.toFixed(2)} | ${now.fires} (walk: ${old.fires}) |`);
}

console.log(loopLine);
