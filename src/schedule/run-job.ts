import type { JobRun } from '../db/rows.ts';
import type { Clock } from '../core/clock.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { JobDefinition, JobDeps } from './job.ts';
import type { RunRecords } from './run-records.ts';

export type RunOutcome = { run: JobRun; outboxIds: number[] } | null;

/**
 * Runs one claimed fire: plans outside a transaction, then writes, posts and records in one, so a
 * run posted everything or nothing. A failure is recorded on the run (catch-up tries it again while
 * it is fresh).
 */
export async function runJob(
  deps: JobDeps,
  records: RunRecords,
  clock: Clock,
  job: JobDefinition,
  run: JobRun,
  onPosted?: () => void,
): Promise<NonNullable<RunOutcome>> {
  const { db, log } = deps;
  const slot = run.scheduledAt;
  try {
    const plan = await job.plan(deps, slot, clock.now());
    const result = await db.transaction(async (tx) => {
      const now = clock.now();
      const messages = plan.write ? await plan.write(tx) : [];
      const outboxIds = await enqueue(tx, messages, { jobRunId: run.id }, now);
      const done = await records.finish(tx, run, {
        status: plan.skipped ? 'skipped' : 'done',
        finishedAt: now,
        posted: outboxIds.length,
        summary: plan.summary,
        error: null,
      });
      return { run: done, outboxIds };
    });
    if (result.outboxIds.length > 0) onPosted?.();
    log.info({ job: job.name, slot: slot.toISOString(), posted: result.outboxIds.length }, plan.summary);
    return result;
  } catch (error) {
    const message = (error as Error).message;
    log.error({ job: job.name, slot: slot.toISOString(), err: message }, 'scheduled job failed');
    const failed = await records.finish(db, run, { status: 'failed', finishedAt: clock.now(), error: message.slice(0, 1000) });
    return { run: failed, outboxIds: [] };
  }
}
