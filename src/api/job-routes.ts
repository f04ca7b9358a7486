import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CalendarDay, JobRun, OutboxMessage } from '../db/rows.ts';
import { inList, type Db } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';
import type { WorkCalendar } from '../domain/work-calendar.ts';
import { uncoveredYears } from '../ops/calendar-check.ts';
import type { Scheduler } from '../schedule/scheduler.ts';
import { HttpError } from '../web/http-error.ts';
import {
  calendarBody,
  calendarList,
  idParams,
  jobList,
  jobParams,
  outboxList,
  outboxQuery,
  refusals,
  retryAnswer,
  runNowAnswer,
  savedAnswer,
} from './schemas.ts';

export type JobRouteDeps = {
  db: Db;
  clock: Clock;
  scheduler: Scheduler;
  kickOutbox: () => void;
  reloadCalendar: () => Promise<void>;
  calendar: () => WorkCalendar;
  timeZone: string;
};

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
export const jobRoutes: FastifyPluginAsyncZod<JobRouteDeps> = async (app, deps) => {
  const { db, scheduler } = deps;

  app.get('/jobs', { schema: { response: { 200: jobList, ...refusals() } } }, async () => ({
    jobs: await Promise.all(
      scheduler.jobs.map(async (job) => ({
        name: job.name,
        schedule: scheduler.scheduleOf(job.name),
        nextFire: scheduler.nextFires(job.name, 1)[0]?.toISOString() ?? null,
        lastRuns: (await db.all<JobRun>('SELECT * FROM job_runs WHERE job = ? ORDER BY scheduled_at DESC LIMIT 5', [job.name])).map(runJson),
      })),
    ),
  }));

  app.post('/jobs/:name/run', { schema: { params: jobParams, response: { 200: runNowAnswer, ...refusals(400) } } }, async (request) => {
    const { name } = request.params;
    const { run, outboxIds } = await scheduler.runNow(name);
    const messages = await outboxByIds(db, outboxIds);
    return {
      run: runJson(run),
      posted: messages.map((m) => ({ id: m.id, platform: m.platform, targetType: m.targetType, conversationId: m.targetId, text: m.text })),
    };
  });

  app.get('/outbox', { schema: { querystring: outboxQuery, response: { 200: outboxList, ...refusals(400) } } }, async (request) => {
    const q = request.query;
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
        waitingForResident: m.status === 'held',
        notBefore: m.notBefore.toISOString(),
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
    };
  });

  app.post('/outbox/:id/retry', { schema: { params: idParams, response: { 200: retryAnswer, ...refusals(400, 404, 409) } } }, async (request) => {
    const { id } = request.params;
    const row = await db.get<{ status: string }>('SELECT status FROM outbox_messages WHERE id = ?', [id]);
    if (!row) throw new HttpError(404, `没有编号为 ${id} 的待发消息`);
    if (row.status !== 'dead') throw new HttpError(409, `消息 ${id} 的状态是 ${row.status}，只有 dead（放弃发送）的消息可以重发`);
    await db.run("UPDATE outbox_messages SET status = 'pending', attempts = 0, not_before = ?, last_error = NULL WHERE id = ? AND status = 'dead'", [
      deps.clock.now(),
      id,
    ]);
    deps.kickOutbox();
    return { id, status: 'pending' as const };
  });

  /** The admin's days, which years are covered, and which of this year and the next are not (issue 12). */
  app.get('/calendar', { schema: { response: { 200: calendarList, ...refusals() } } }, async () => ({
    days: (await db.all<CalendarDay>('SELECT date, workday, name FROM calendar_days ORDER BY date')).map((d) => ({
      date: d.date,
      workday: d.workday,
      name: d.name,
    })),
    coveredYears: deps.calendar().coveredYears(),
    uncoveredYears: uncoveredYears(deps.calendar(), deps.clock.now(), deps.timeZone),
  }));

  /** A new year's holiday arrangement (or a correction): days off and make-up working days. */
  app.post('/calendar', { schema: { body: calendarBody, response: { 200: savedAnswer, ...refusals(400) } } }, async (request) => {
    const { body } = request;
    await db.transaction(async (tx) => {
      for (const d of body.days) {
        await tx.run(
          'INSERT INTO calendar_days (date, workday, name) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET workday = excluded.workday, name = excluded.name',
          [d.date, d.workday, d.name ?? null],
        );
      }
      for (const year of body.completeYears) {
        await tx.run('INSERT INTO calendar_years (year, created_at) VALUES (?, ?) ON CONFLICT (year) DO NOTHING', [year, deps.clock.now()]);
      }
    });
    await deps.reloadCalendar();
    return {
      saved: body.days.length,
      completeYears: body.completeYears,
      uncoveredYears: uncoveredYears(deps.calendar(), deps.clock.now(), deps.timeZone),
    };
  });
};

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
