import cron, { type ScheduledTask } from 'node-cron';
import type { JobRun } from '../db/rows.ts';
import type { Clock } from '../core/clock.ts';
import { MINUTE } from '../core/clock.ts';
import { catchUp } from './catch-up.ts';
import { nextFires } from './cron-slots.ts';
import type { JobDefinition, JobDeps, JobName } from './job.ts';
import { runJob, type RunOutcome } from './run-job.ts';
import { RunRecords } from './run-records.ts';

export type { RunOutcome } from './run-job.ts';

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

/**
 * Runs the jobs on node-cron in BOT_TIMEZONE, once per fire across every process on the database:
 * node-cron's run coordinator claims a fire by inserting its (job, scheduled time) row
 * (run-records.ts), and whoever inserts it runs it (run-job.ts). Fires missed while no process ran
 * are caught up when one comes back, unless they are stale; then they are recorded as skipped
 * (catch-up.ts).
 */
export class Scheduler {
  private readonly o: SchedulerOptions;
  private readonly records: RunRecords;
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private catchUpTimer: NodeJS.Timeout | null = null;

  constructor(options: SchedulerOptions) {
    this.o = options;
    this.records = new RunRecords(options.deps.db, options.owner);
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
        return (await this.records.claim(job, slot, this.o.clock.now())) !== null;
      },
    };
    for (const job of this.o.jobs) {
      const expression = this.o.schedules[job.name];
      if (expression === 'off') continue;
      const task = cron.schedule(expression, (ctx) => this.track(this.runClaimed(job, ctx.date)), {
        name: job.name,
        timezone: this.o.timeZone,
        distributed: true,
        runCoordinator: coordinator,
        // A short stall of the event loop should make a fire late, not lost.
        missedExecutionTolerance: MINUTE,
      });
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
    const run = await this.records.claim(name, slot, this.o.clock.now());
    return run ? this.run(this.job(name), run) : null;
  }

  /** POST /api/jobs/{name}/run: now, outside the schedule (recorded like any run). */
  async runNow(name: JobName): Promise<NonNullable<RunOutcome>> {
    let slot = this.o.clock.now();
    for (let i = 0; i < 5; i++) {
      const run = await this.records.claim(name, slot, this.o.clock.now());
      if (run) return this.run(this.job(name), run);
      slot = new Date(slot.getTime() + 1);
    }
    throw new Error('could not record a manual run');
  }

  /** Fires missed while no process ran, and runs whose process died (catch-up.ts). */
  catchUp(): Promise<void> {
    return catchUp(
      {
        records: this.records,
        log: this.o.deps.log,
        timeZone: this.o.timeZone,
        jobs: this.o.jobs,
        schedules: this.o.schedules,
        fire: (name, slot) => this.fire(name, slot),
        run: (job, run) => this.run(job, run),
      },
      this.o.clock.now(),
    );
  }

  nextFires(name: JobName, count: number): Date[] {
    const expression = this.o.schedules[name];
    return expression === 'off' ? [] : nextFires(expression, this.o.timeZone, count);
  }

  /** node-cron's fire, after its coordinator claimed the row. */
  private async runClaimed(job: JobDefinition, slot: Date): Promise<RunOutcome> {
    const run = await this.records.find(job.name, slot);
    return run ? this.run(job, run) : null;
  }

  private run(job: JobDefinition, run: JobRun): Promise<NonNullable<RunOutcome>> {
    return runJob(this.o.deps, this.records, this.o.clock, job, run, this.o.onPosted);
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
}

/** node-cron's coordinator key is `${name}:${slot ISO}`; the ISO string is 24 characters. */
function parseKey(key: string): { job: JobName; slot: Date } {
  return { job: key.slice(0, -25) as JobName, slot: new Date(key.slice(-24)) };
}
