import type { JobRun } from '../db/rows.ts';
import { update, type Db, type Tx } from '../db/sql.ts';
import { MINUTE } from '../core/clock.ts';
import type { JobName } from './job.ts';

// A run that stays "running" this long belonged to a process that died: its transaction never
// committed, so it posted nothing, and it may be run again.
export const RUN_LEASE_MS = 15 * MINUTE;

/**
 * The job_runs table: one row per (job, scheduled time), unique, so a fire is run by whoever inserts
 * its row first and by nobody else — on any number of processes. Every state change is a
 * compare-and-set on the row.
 */
export class RunRecords {
  readonly db: Db;
  private readonly owner: string;

  constructor(db: Db, owner: string) {
    this.db = db;
    this.owner = owner;
  }

  /** Inserts the run row as running; null when the row exists (another process runs that fire). */
  async claim(job: JobName, slot: Date, startedAt: Date): Promise<JobRun | null> {
    const row = await this.db.get<{ id: number }>(
      `INSERT INTO job_runs (job, scheduled_at, status, owner, started_at, posted)
       VALUES (?, ?, 'running', ?, ?, 0) ON CONFLICT (job, scheduled_at) DO NOTHING RETURNING id`,
      [job, slot, this.owner, startedAt],
    );
    if (!row) return null;
    return { id: row.id, job, scheduledAt: slot, status: 'running', owner: this.owner, startedAt, finishedAt: null, posted: 0, summary: null, error: null };
  }

  /** Records a fire as skipped unless it has a row already. */
  async skip(job: JobName, slot: Date, now: Date, why: string): Promise<void> {
    await this.db.run(
      `INSERT INTO job_runs (job, scheduled_at, status, owner, started_at, finished_at, posted, summary)
       VALUES (?, ?, 'skipped', ?, ?, ?, 0, ?) ON CONFLICT (job, scheduled_at) DO NOTHING`,
      [job, slot, this.owner, now, now, why],
    );
  }

  find(job: JobName, slot: Date): Promise<JobRun | undefined> {
    return this.db.get<JobRun>('SELECT * FROM job_runs WHERE job = ? AND scheduled_at = ?', [job, slot]);
  }

  /** The latest scheduled time of any job's run up to `now`: the instance was alive then. */
  async lastAlive(now: Date): Promise<Date | undefined> {
    const row = await this.db.get<{ scheduledAt: Date | null }>('SELECT max(scheduled_at) AS scheduled_at FROM job_runs WHERE scheduled_at <= ?', [now]);
    return row?.scheduledAt ?? undefined;
  }

  /** The latest scheduled time this job has a run for, up to `now`. */
  async lastOf(job: JobName, now: Date): Promise<Date | undefined> {
    const row = await this.db.get<{ scheduledAt: Date }>(
      'SELECT scheduled_at FROM job_runs WHERE job = ? AND scheduled_at <= ? ORDER BY scheduled_at DESC LIMIT 1',
      [job, now],
    );
    return row?.scheduledAt;
  }

  /** Runs whose process died, and runs that failed (a database hiccup) while still worth sending. */
  abandoned(job: JobName, now: Date, staleAfterMs: number): Promise<JobRun[]> {
    return this.db.all<JobRun>(
      `SELECT * FROM job_runs
       WHERE job = ? AND ((status = 'running' AND started_at < ?) OR (status = 'failed' AND scheduled_at >= ?))
       ORDER BY id`,
      [job, new Date(now.getTime() - RUN_LEASE_MS), new Date(now.getTime() - staleAfterMs)],
    );
  }

  /** Takes an abandoned run over, only if nobody else took it since it was read (same status, same start). */
  async retake(run: JobRun, now: Date): Promise<JobRun | null> {
    const sameStart = run.startedAt === null ? 'started_at IS NULL' : 'started_at = ?';
    const taken = await this.db.run(
      `UPDATE job_runs SET status = 'running', owner = ?, started_at = ? WHERE id = ? AND status = ? AND ${sameStart}`,
      [this.owner, now, run.id, run.status, ...(run.startedAt === null ? [] : [run.startedAt])],
    );
    return taken === 1 ? { ...run, status: 'running', owner: this.owner, startedAt: now } : null;
  }

  /** Ends a run, inside the transaction that posted its messages (or alone, for a failure or a skip). */
  async finish(tx: Tx, run: JobRun, set: Partial<Pick<JobRun, 'status' | 'finishedAt' | 'posted' | 'summary' | 'error'>>): Promise<JobRun> {
    await update(tx, 'job_runs', set, 'id = ?', [run.id]);
    return { ...run, ...set };
  }
}
