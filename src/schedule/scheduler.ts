import cron, { type ScheduledTask } from 'node-cron';
import type { JobRun } from '../db/rows.ts';
import { update } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';
import { MINUTE } from '../core/clock.ts';
import type { Logger } from '../log.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { nextFires, slotsBetween } from './cron-slots.ts';
import type { JobDefinition, JobDeps, JobName } from './job.ts';

export type SchedulerOptions = {
  deps: JobDeps;
  clock: Clock;
  owner: string;
  jobs: readonly JobDefinition[];
  /** Cron expression per job, or 'off'. */
  schedules: Readonly<Record<JobName, string>>;
  timeZone: string;
  /** Called when a run wrote messages, so that the outbox looks at once. */
  onPosted?: () => void;
  /** How often missed fires are looked for while running (node-cron itself never catches up). */
  catchUpEveryMs?: number;
};

export type RunOutcome = { run: JobRun; outboxIds: number[] } | null;

// A run that stays "running" this long belonged to a process that died: its transaction never
// committed, so it posted nothing, and it may be run again.
const RUN_LEASE_MS = 15 * MINUTE;
// How far back a returning process looks for fires it missed, and how much of it it records.
const LOOK_BACK_MS = 8 * 24 * 60 * MINUTE;
const MAX_SCAN_STEPS = 12_000;
const MAX_SKIPPED_RECORDS = 100;

/**
 * Runs the jobs on node-cron in BOT_TIMEZONE, once per fire across every process on the database:
 * a fire is claimed by inserting its (job, scheduled time) row — node-cron's run coordinator —
 * and whoever inserts it runs it. Fires missed while no process ran are caught up when one comes
 * back, unless they are stale; then they are recorded as skipped.
 */
export class Scheduler {
  private readonly o: SchedulerOptions;
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private catchUpTimer: NodeJS.Timeout | null = null;

  constructor(options: SchedulerOptions) {
    this.o = options;
  }

  get jobs(): readonly JobDefinition[] {
    return this.o.jobs;
  }

  scheduleOf(name: JobName): string {
    return this.o.schedules[name];
  }

  start(): void {
    const coordinator = {
      shouldRun: async (key: string) => {
        const { job, slot } = parseKey(key);
        return (await this.claim(job, slot)) !== null;
      },
    };
    for (const job of this.o.jobs) {
      const expression = this.o.schedules[job.name];
      if (expression === 'off') continue;
      const task = cron.schedule(
        expression,
        (ctx) => this.track(this.execute(job, ctx.date, null)),
        {
          name: job.name,
          timezone: this.o.timeZone,
          distributed: true,
          runCoordinator: coordinator,
          // A short stall of the event loop should make a fire late, not lost.
          missedExecutionTolerance: MINUTE,
        },
      );
      this.tasks.push(task);
    }
    void this.track(this.catchUp());
    const every = this.o.catchUpEveryMs ?? 5 * MINUTE;
    const tick = () => {
      this.catchUpTimer = setTimeout(() => {
        void this.track(this.catchUp()).finally(tick);
      }, every);
      this.catchUpTimer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
    for (const t of this.tasks.splice(0)) await t.destroy();
    await Promise.allSettled([...this.running]);
  }

  /** Runs a fire if nobody else has: the way node-cron's fires and catch-up both go. */
  async fire(name: JobName, slot: Date): Promise<RunOutcome> {
    const job = this.job(name);
    const run = await this.claim(name, slot);
    return run ? this.execute(job, slot, run) : null;
  }

  /** POST /api/jobs/{name}/run: now, outside the schedule (recorded like any run). */
  async runNow(name: JobName): Promise<NonNullable<RunOutcome>> {
    const now = this.o.clock.now();
    let slot = now;
    for (let i = 0; i < 5; i++) {
      const run = await this.claim(name, slot);
      if (run) return (await this.execute(this.job(name), slot, run))!;
      slot = new Date(slot.getTime() + 1);
    }
    throw new Error('could not record a manual run');
  }

  /**
   * Looks for fires since the job's last run that have no run of their own: the latest is run if
   * it is still fresh, the others are recorded as skipped; runs whose process died are run again.
   * Safe on any number of processes (every step claims its row first).
   */
  async catchUp(): Promise<void> {
    const { db, log } = this.o.deps;
    const now = this.o.clock.now();
    // When some process last ran any job: the instance was alive then, so later fires were missed.
    // Read before this catch-up runs anything. A new install (no runs at all) has missed nothing.
    const alive = await db.get<{ scheduledAt: Date | null }>('SELECT max(scheduled_at) AS scheduled_at FROM job_runs WHERE scheduled_at <= ?', [now]);
    for (const job of this.o.jobs) {
      const expression = this.o.schedules[job.name];
      if (expression === 'off') continue;
      const last = await db.get<{ scheduledAt: Date }>(
        'SELECT scheduled_at FROM job_runs WHERE job = ? AND scheduled_at <= ? ORDER BY scheduled_at DESC LIMIT 1',
        [job.name, now],
      );
      const watermark = last?.scheduledAt ?? alive?.scheduledAt ?? undefined;
      if (watermark) {
        const since = new Date(Math.max(now.getTime() - LOOK_BACK_MS, watermark.getTime()));
        const missed = slotsBetween(expression, this.o.timeZone, since, now, MAX_SCAN_STEPS);
        // Only the latest missed fire is worth sending, and only while fresh; the rest are recorded as skipped.
        const latest = missed.at(-1);
        for (const slot of missed.slice(-MAX_SKIPPED_RECORDS - 1, -1)) {
          await this.skip(job.name, slot, now, 'missed while no process was running; a later fire replaces it');
        }
        if (latest && now.getTime() - latest.getTime() > job.staleAfterMs) {
          await this.skip(job.name, latest, now, 'missed while no process was running; too late to send');
        } else if (latest && (await this.fire(job.name, latest))) {
          log.info({ job: job.name, slot: latest.toISOString() }, 'caught up a missed fire');
        }
      }
      await this.retryAbandoned(job, now);
    }
  }

  private async retryAbandoned(job: JobDefinition, now: Date): Promise<void> {
    const { db } = this.o.deps;
    // Runs whose process died, and runs that failed (a database hiccup), while still worth sending.
    const abandoned = await db.all<JobRun>(
      `SELECT * FROM job_runs
       WHERE job = ? AND ((status = 'running' AND started_at < ?) OR (status = 'failed' AND scheduled_at >= ?))
       ORDER BY id`,
      [job.name, new Date(now.getTime() - RUN_LEASE_MS), new Date(now.getTime() - job.staleAfterMs)],
    );
    for (const run of abandoned) {
      // Taken only if nobody else took it since it was read (same status, same start).
      const sameStart = run.startedAt === null ? 'started_at IS NULL' : 'started_at = ?';
      const taken = await db.run(
        `UPDATE job_runs SET status = 'running', owner = ?, started_at = ? WHERE id = ? AND status = ? AND ${sameStart}`,
        [this.o.owner, now, run.id, run.status, ...(run.startedAt === null ? [] : [run.startedAt])],
      );
      if (taken !== 1) continue;
      if (now.getTime() - run.scheduledAt.getTime() > job.staleAfterMs) {
        await db.run("UPDATE job_runs SET status = 'skipped', finished_at = ?, summary = ? WHERE id = ?", [
          now,
          'its process died; too late to send',
          run.id,
        ]);
      } else {
        await this.execute(job, run.scheduledAt, { ...run, status: 'running', owner: this.o.owner, startedAt: now });
      }
    }
  }

  /** Inserts the run row; the one process whose insert succeeds runs the fire. */
  private async claim(job: JobName, slot: Date): Promise<JobRun | null> {
    const startedAt = this.o.clock.now();
    // The unique key (job, scheduled_at) decides: a row that exists already means another process runs it.
    const row = await this.o.deps.db.get<{ id: number }>(
      `INSERT INTO job_runs (job, scheduled_at, status, owner, started_at, posted)
       VALUES (?, ?, 'running', ?, ?, 0) ON CONFLICT (job, scheduled_at) DO NOTHING RETURNING id`,
      [job, slot, this.o.owner, startedAt],
    );
    if (!row) return null;
    return { id: row.id, job, scheduledAt: slot, status: 'running', owner: this.o.owner, startedAt, finishedAt: null, posted: 0, summary: null, error: null };
  }

  private async skip(job: JobName, slot: Date, now: Date, why: string): Promise<void> {
    await this.o.deps.db.run(
      `INSERT INTO job_runs (job, scheduled_at, status, owner, started_at, finished_at, posted, summary)
       VALUES (?, ?, 'skipped', ?, ?, ?, 0, ?) ON CONFLICT (job, scheduled_at) DO NOTHING`,
      [job, slot, this.o.owner, now, now, why],
    );
  }

  /** Plans outside a transaction, then posts and records in one: a run posted everything or nothing. */
  private async execute(job: JobDefinition, slot: Date, claimed: JobRun | null): Promise<RunOutcome> {
    const { db, log } = this.o.deps;
    const run = claimed ?? (await db.get<JobRun>('SELECT * FROM job_runs WHERE job = ? AND scheduled_at = ?', [job.name, slot]));
    if (!run) return null;
    try {
      const plan = await job.plan(this.o.deps, slot, this.o.clock.now());
      const result = await db.transaction(async (tx) => {
        const now = this.o.clock.now();
        const messages = plan.write ? await plan.write(tx) : [];
        const outboxIds = await enqueue(tx, messages, { jobRunId: run.id }, now);
        const set = { status: plan.skipped ? 'skipped' : 'done', finishedAt: now, posted: outboxIds.length, summary: plan.summary, error: null };
        await update(tx, 'job_runs', set, 'id = ?', [run.id]);
        const done: JobRun = { ...run, ...set };
        return { run: done, outboxIds };
      });
      if (result.outboxIds.length > 0) this.o.onPosted?.();
      log.info({ job: job.name, slot: slot.toISOString(), posted: result.outboxIds.length }, plan.summary);
      return result;
    } catch (error) {
      const message = (error as Error).message;
      log.error({ job: job.name, slot: slot.toISOString(), err: message }, 'scheduled job failed');
      const set = { status: 'failed', finishedAt: this.o.clock.now(), error: message.slice(0, 1000) };
      await update(db, 'job_runs', set, 'id = ?', [run.id]);
      return { run: { ...run, ...set }, outboxIds: [] };
    }
  }

  private job(name: JobName): JobDefinition {
    const job = this.o.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job ${name}`);
    return job;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  nextFires(name: JobName, count: number): Date[] {
    const expression = this.o.schedules[name];
    return expression === 'off' ? [] : nextFires(expression, this.o.timeZone, count);
  }
}

/** node-cron's coordinator key is `${name}:${slot ISO}`; the ISO string is 24 characters. */
function parseKey(key: string): { job: JobName; slot: Date } {
  return { job: key.slice(0, -25) as JobName, slot: new Date(key.slice(-24)) };
}

