import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { MINUTE } from '../core/clock.ts';
import type { Logger } from '../log.ts';
import { latestFires } from './cron-slots.ts';
import type { JobDefinition, JobName } from './job.ts';
import type { RunOutcome } from './run-job.ts';
import type { RunRecords } from './run-records.ts';
import type { JobRun } from '../db/rows.ts';

// How far back a returning process looks for fires it missed, and how many of them it records.
const LOOK_BACK_MS = 8 * 24 * 60 * MINUTE;
const MAX_SKIPPED_RECORDS = 100;

export type CatchUpDeps = {
  records: RunRecords;
  log: Logger;
  timeZone: string;
  jobs: readonly JobDefinition[];
  schedules: Readonly<Record<JobName, string>>;
  /** Claims and runs a fire (null when another process has it). */
  fire: (name: JobName, slot: Date) => Promise<RunOutcome>;
  /** Runs a fire already claimed (an abandoned run taken over). */
  run: (job: JobDefinition, run: JobRun) => Promise<RunOutcome>;
};

/**
 * Looks for fires since the job's last run that have no run of their own: the latest is run if it
 * is still fresh, the others are recorded as skipped; runs whose process died are run again. Safe
 * on any number of processes (every step claims its row first). The missed fires come from the cron
 * expression (latestFires), never from a walk over every minute, and the event loop gets a turn
 * between jobs.
 */
export async function catchUp(deps: CatchUpDeps, now: Date): Promise<void> {
  const { records, log } = deps;
  // When some process last ran any job: the instance was alive then, so later fires were missed.
  // Read before this catch-up runs anything. A new install (no runs at all) has missed nothing.
  const alive = await records.lastAlive(now);
  for (const job of deps.jobs) {
    const expression = deps.schedules[job.name];
    if (expression === 'off') continue;
    await yieldToLoop();
    const watermark = (await records.lastOf(job.name, now)) ?? alive;
    if (watermark) {
      const since = new Date(Math.max(now.getTime() - LOOK_BACK_MS, watermark.getTime()));
      const missed = latestFires(expression, deps.timeZone, since, now, MAX_SKIPPED_RECORDS + 1);
      // Only the latest missed fire is worth sending, and only while fresh; the rest are recorded as skipped.
      const latest = missed.at(-1);
      for (const slot of missed.slice(0, -1)) {
        await records.skip(job.name, slot, now, 'missed while no process was running; a later fire replaces it');
      }
      if (latest && now.getTime() - latest.getTime() > job.staleAfterMs) {
        await records.skip(job.name, latest, now, 'missed while no process was running; too late to send');
      } else if (latest && (await deps.fire(job.name, latest))) {
        log.info({ job: job.name, slot: latest.toISOString() }, 'caught up a missed fire');
      }
    }
    await retryAbandoned(deps, job, now);
  }
}

async function retryAbandoned(deps: CatchUpDeps, job: JobDefinition, now: Date): Promise<void> {
  const { records } = deps;
  for (const found of await records.abandoned(job.name, now, job.staleAfterMs)) {
    const run = await records.retake(found, now);
    if (!run) continue;
    if (now.getTime() - run.scheduledAt.getTime() > job.staleAfterMs) {
      await records.finish(records.db, run, { status: 'skipped', finishedAt: now, summary: 'its process died; too late to send' });
    } else {
      await deps.run(job, run);
    }
  }
}
