import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PLATFORMS } from '../../core/messages.ts';
import { inList, insert, isUniqueViolation } from '../../db/sql.ts';
import { JOB_NAMES, type JobName } from '../../schedule/job.ts';
import { checkCsrf, pageError, viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { wallClockText } from '../export/wall-clock.ts';
import { noticeOf } from '../notices.ts';
import { groupsPage } from '../pages/groups-page.ts';
import { jobsPage } from '../pages/jobs-page.ts';
import { outboxPage } from '../pages/outbox-page.ts';

const groupBody = z.object({
  platform: z.enum(PLATFORMS, { error: `平台只能是：${PLATFORMS.join('、')}` }),
  conversationId: z.string({ error: '请填写会话 ID' }).trim().min(1, { error: '请填写会话 ID' }).max(256, { error: '会话 ID 太长' }),
  communityId: z.coerce.number({ error: '请选择社区' }).int().positive(),
  name: z.string().trim().max(100, { error: '群名最多 100 个字' }).optional(),
});
const communityBody = z.object({ name: z.string({ error: '请写上社区名称' }).trim().min(1, { error: '请写上社区名称' }).max(100, { error: '社区名称最多 100 个字' }) });

/** 群聊 (officials see their own, the admin binds), 任务 and 未送达 (the admin's). */
export async function adminPageRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock, config, scheduler } = deps;
  const tz = config.BOT_TIMEZONE;
  const adminOnly = (request: FastifyRequest) => {
    const { viewer, csrf } = viewerOf(request);
    if (!viewer.admin) throw pageError(403, '无权查看', '这一页只有管理员能看。', viewer, csrf);
  };
  const form = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> => {
    const r = schema.safeParse(request.body ?? {});
    if (!r.success) {
      const { viewer, csrf } = viewerOf(request);
      throw pageError(400, '填写有误', r.error.issues[0]?.message ?? '填写有误', viewer, csrf);
    }
    return r.data;
  };

  app.get('/groups', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    const ids = viewer.communities.map((c) => c.id);
    const groups =
      viewer.admin || ids.length > 0
        ? await db.all<{ id: number; platform: string; conversationId: string; name: string | null; community: string; webhookKey: string | null; webhookToken: string | null; createdAt: Date }>(
            `SELECT g.id, g.platform, g.conversation_id, g.name, c.name AS community, g.webhook_key, g.webhook_token, g.created_at
               FROM group_chats g JOIN communities c ON c.id = g.community_id
              ${viewer.admin ? '' : `WHERE g.community_id IN ${inList(ids.length)}`} ORDER BY g.id`,
            viewer.admin ? [] : ids,
          )
        : [];
    const html = groupsPage({
      viewer,
      csrf,
      notice: noticeOf(request.query),
      // Secrets never reach a page: only whether one is set.
      groups: groups.map(({ webhookKey, webhookToken, createdAt, ...g }) => ({ ...g, hasWebhook: Boolean(webhookKey || webhookToken), createdAt: wallClockText(createdAt, tz) })),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/groups', async (request, reply) => {
    adminOnly(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const body = form(groupBody, request);
    const { viewer, csrf } = viewerOf(request);
    if (!viewer.communities.some((c) => c.id === body.communityId)) throw pageError(400, '填写有误', '没有这个社区。', viewer, csrf);
    const now = clock.now();
    // Binding again moves the group and keeps its robot secrets (as the admin API does).
    await db.run(
      `INSERT INTO group_chats (platform, conversation_id, community_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, conversation_id) DO UPDATE SET community_id = excluded.community_id, name = coalesce(excluded.name, group_chats.name), updated_at = excluded.updated_at`,
      [body.platform, body.conversationId, body.communityId, body.name || null, now, now],
    );
    deps.log.info({ console: 'group', community: body.communityId, by: 'admin' }, 'console action');
    return reply.redirect('/console/groups?ok=group', 303);
  });

  app.post('/communities', async (request, reply) => {
    adminOnly(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const { name } = form(communityBody, request);
    try {
      await insert(db, 'communities', { name, createdAt: clock.now() });
    } catch (error) {
      const { viewer, csrf } = viewerOf(request);
      if (isUniqueViolation(error)) throw pageError(409, '社区已存在', `已经有叫“${name}”的社区了。`, viewer, csrf);
      throw error;
    }
    return reply.redirect('/console/groups?ok=community', 303);
  });

  app.get('/jobs', async (request, reply) => {
    adminOnly(request);
    const { viewer, csrf } = viewerOf(request);
    const jobs = await Promise.all(
      scheduler.jobs.map(async (job) => ({
        name: job.name,
        schedule: scheduler.scheduleOf(job.name),
        nextFire: scheduler.nextFires(job.name, 1)[0] ? wallClockText(scheduler.nextFires(job.name, 1)[0]!, tz) : null,
        runs: (
          await db.all<{ scheduledAt: Date; status: string; posted: number; summary: string | null; error: string | null }>(
            'SELECT scheduled_at, status, posted, summary, error FROM job_runs WHERE job = ? ORDER BY scheduled_at DESC LIMIT 3',
            [job.name],
          )
        ).map((r) => ({ ...r, scheduledAt: wallClockText(r.scheduledAt, tz) })),
      })),
    );
    return reply.type('text/html; charset=utf-8').send(jobsPage({ viewer, csrf, notice: noticeOf(request.query), jobs }));
  });

  app.post('/jobs/:name/run', async (request, reply) => {
    adminOnly(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const name = (request.params as { name: string }).name;
    if (!(JOB_NAMES as readonly string[]).includes(name)) {
      const { viewer, csrf } = viewerOf(request);
      throw pageError(404, '没有这个任务', '没有这个任务。', viewer, csrf);
    }
    await scheduler.runNow(name as JobName);
    deps.kickOutbox();
    deps.log.info({ console: 'job', job: name, by: 'admin' }, 'console action');
    return reply.redirect('/console/jobs?ok=job', 303);
  });

  app.get('/outbox', async (request, reply) => {
    adminOnly(request);
    const { viewer, csrf } = viewerOf(request);
    const now = clock.now();
    // Dead rows, rows held for a resident (微信客服), and rows still failing after their first try.
    const rows = await db.all<{ id: number; platform: string; targetType: string; targetId: string; text: string; status: string; attempts: number; lastError: string | null; createdAt: Date; notBefore: Date }>(
      `SELECT id, platform, target_type, target_id, text, status, attempts, last_error, created_at, not_before FROM outbox_messages
        WHERE status IN ('dead', 'held') OR (status = 'pending' AND attempts > 0) ORDER BY id DESC LIMIT 200`,
    );
    const html = outboxPage({
      viewer,
      csrf,
      notice: noticeOf(request.query),
      messages: rows.map((m) => ({
        ...m,
        target: `${m.targetType === 'group' ? '群' : '个人'} ${m.targetId}`,
        createdAt: wallClockText(m.createdAt, tz),
        notBefore: m.notBefore.getTime() > now.getTime() ? wallClockText(m.notBefore, tz) : '',
      })),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/outbox/:id/retry', async (request, reply) => {
    adminOnly(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const id = Number((request.params as { id: string }).id);
    const changed = Number.isInteger(id) && id > 0
      ? await db.run("UPDATE outbox_messages SET status = 'pending', attempts = 0, not_before = ?, last_error = NULL WHERE id = ? AND status = 'dead'", [clock.now(), id])
      : 0;
    if (changed !== 1) {
      const { viewer, csrf } = viewerOf(request);
      throw pageError(409, '不能重试', '这条消息不是发送失败状态（可能已经重试过了）。', viewer, csrf);
    }
    deps.kickOutbox();
    deps.log.info({ console: 'retry', outbox: id, by: 'admin' }, 'console action');
    return reply.redirect('/console/outbox?ok=retry', 303);
  });
}
