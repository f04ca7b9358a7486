import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CalendarDay, JobRun, OutboxMessage } from '../db/rows.ts';
import { inList, type Db } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';
import { JOB_NAMES } from '../schedule/job.ts';
import type { Scheduler } from '../schedule/scheduler.ts';
import { HttpError } from '../web/http-error.ts';
import { parseInput } from '../web/parse-input.ts';

export type JobRouteDeps = { db: Db; clock: Clock; scheduler: Scheduler; kickOutbox: () => void; reloadCalendar: () => Promise<void> };

const jobParams = z.object({ name: z.enum(JOB_NAMES, { message: `must be one of ${JOB_NAMES.join(', ')}` }) });
const outboxQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'dead', 'held'], { message: 'must be pending, sending, sent, dead or held' }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const idParams = z.object({ id: z.coerce.number().int().positive({ message: 'must be a positive id' }) });
const calendarBody = z.object({
  days: z
    .array(
      z.object({
        date: z.iso.date({ message: 'must be YYYY-MM-DD' }),
        workday: z.boolean({ message: 'must be true (a working day) or false (a day off)' }),
        name: z.string().max(50).optional(),
      }),
    )
    .min(1)
    .max(400),
});

const runJson = (r: { id: number; job: string; scheduledAt: Date; status: string; startedAt: Date | null; finishedAt: Date | null; posted: number; summary: string | null; error: string | null }) => ({
  id: r.id,
  job: r.job,
  scheduledAt: r.scheduledAt.toISOString(),
  status: r.status,
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
  posted: r.posted,
  summary: r.summary,
  error: r.error,
});

/** Schedules, the outbox and the working-day calendar, for the admin (same bearer token as /api). */
export async function jobRoutes(app: FastifyInstance, deps: JobRouteDeps): Promise<void> {
  const { db, scheduler } = deps;

  app.get('/jobs', async () => ({
    jobs: await Promise.all(
      scheduler.jobs.map(async (job) => ({
        name: job.name,
        schedule: scheduler.scheduleOf(job.name),
        nextFire: scheduler.nextFires(job.name, 1)[0]?.toISOString() ?? null,
        lastRuns: (await db.all<JobRun>('SELECT * FROM job_runs WHERE job = ? ORDER BY scheduled_at DESC LIMIT 5', [job.name])).map(runJson),
      })),
    ),
  }));

  app.post('/jobs/:name/run', async (request) => {
    const { name } = parseInput(jobParams, request.params, 'path');
    const { run, outboxIds } = await scheduler.runNow(name);
    const messages = await outboxByIds(db, outboxIds);
    return {
      run: runJson(run),
      posted: messages.map((m) => ({ id: m.id, platform: m.platform, targetType: m.targetType, conversationId: m.targetId, text: m.text })),
    };
  });

  app.get('/outbox', async (request) => {
    const q = parseInput(outboxQuery, request.query ?? {}, 'query');
    const rows = await db.all<
      Pick<OutboxMessage, 'id' | 'platform' | 'targetType' | 'targetId' | 'text' | 'status' | 'attempts' | 'lastError' | 'notBefore' | 'createdAt' | 'sentAt'>
    >(
      `SELECT id, platform, target_type, target_id, text, status, attempts, last_error, not_before, created_at, sent_at
       FROM outbox_messages ${q.status === undefined ? '' : 'WHERE status = ?'} ORDER BY id DESC LIMIT ?`,
      [...(q.status === undefined ? [] : [q.status]), q.limit],
    );
    return {
      messages: rows.map((m) => ({
        id: m.id,
        platform: m.platform,
        targetType: m.targetType,
        conversationId: m.targetId,
        text: m.text,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        // held: a 微信客服 resident must write again before WeChat lets it go (GET /api/wecom-kf/unreachable).
        waitingForResident: m.status === 'held',
        notBefore: m.notBefore.toISOString(),
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
    };
  });

  app.post('/outbox/:id/retry', async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const row = await db.get<{ status: string }>('SELECT status FROM outbox_messages WHERE id = ?', [id]);
    if (!row) throw new HttpError(404, `no outbox message ${id}`);
    if (row.status !== 'dead') throw new HttpError(409, `message ${id} is ${row.status}, only dead messages are retried`);
    await db.run("UPDATE outbox_messages SET status = 'pending', attempts = 0, not_before = ?, last_error = NULL WHERE id = ? AND status = 'dead'", [
      deps.clock.now(),
      id,
    ]);
    deps.kickOutbox();
    return { id, status: 'pending' };
  });

  app.get('/calendar', async () => ({
    days: (await db.all<CalendarDay>('SELECT date, workday, name FROM calendar_days ORDER BY date')).map((d) => ({
      date: d.date,
      workday: d.workday,
      name: d.name,
    })),
  }));

  /** A new year's holiday arrangement (or a correction): days off and make-up working days. */
  app.post('/calendar', async (request) => {
    const body = parseInput(calendarBody, request.body);
    await db.transaction(async (tx) => {
      for (const d of body.days) {
        await tx.run(
          'INSERT INTO calendar_days (date, workday, name) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET workday = excluded.workday, name = excluded.name',
          [d.date, d.workday, d.name ?? null],
        );
      }
    });
    await deps.reloadCalendar();
    return { saved: body.days.length };
  });
}

// A run's messages are read in pages: a bulletin to many groups must not make one unbounded IN list.
const PAGE = 500;

async function outboxByIds(db: Db, ids: readonly number[]): Promise<Array<Pick<OutboxMessage, 'id' | 'platform' | 'targetType' | 'targetId' | 'text'>>> {
  const sorted = [...ids].sort((a, b) => a - b);
  const rows: Array<Pick<OutboxMessage, 'id' | 'platform' | 'targetType' | 'targetId' | 'text'>> = [];
  for (let i = 0; i < sorted.length; i += PAGE) {
    const page = sorted.slice(i, i + PAGE);
    rows.push(
      ...(await db.all<Pick<OutboxMessage, 'id' | 'platform' | 'targetType' | 'targetId' | 'text'>>(
        `SELECT id, platform, target_type, target_id, text FROM outbox_messages WHERE id IN ${inList(page.length)} ORDER BY id`,
        page,
      )),
    );
  }
  return rows;
}
