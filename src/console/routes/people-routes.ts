import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inList, isUniqueViolation, type Value } from '../../db/sql.ts';
import { insert } from '../../db/sql.ts';
import { createInvite } from '../../domain/invites.ts';
import { checkCsrf, pageError, viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { containsPattern } from '../ledger-query.ts';
import { maskPhone } from '../export/ledger-columns.ts';
import { wallClockText } from '../export/wall-clock.ts';
import { parseMultipart } from '../multipart.ts';
import { noticeOf } from '../notices.ts';
import { peoplePage } from '../pages/people-page.ts';
import { rosterPreviewPage } from '../pages/roster-preview-page.ts';
import { applyRoster, rosterPayload, tableFromPayload } from '../roster/apply-roster.ts';
import { checkRoster, type RosterContext } from '../roster/check-roster.ts';
import { readRosterFile } from '../roster/read-roster.ts';
import { rosterTemplateCsv, rosterTemplateXlsx } from '../roster/roster-template.ts';
import { canSeeCommunity, type ConsoleViewer } from '../viewer.ts';

const PAGE = 50;
const blank = (v: unknown) => (v === '' ? undefined : v);
const peopleQuery = z.object({
  community: z.preprocess(blank, z.coerce.number({ error: '社区应为编号' }).int().positive().optional()),
  q: z.preprocess(blank, z.string().trim().max(50, { error: '搜索最多 50 个字' }).optional()),
  page: z.preprocess(blank, z.coerce.number({ error: '页码应为正整数' }).int().min(1).max(100_000).default(1)),
});
const inviteBody = z.object({
  communityId: z.coerce.number({ error: '请选择社区' }).int().positive(),
  role: z.enum(['member', 'official'], { error: '身份只能是党员志愿者或社区干部' }),
  maxUses: z.coerce.number({ error: '次数请写 1 到 1000' }).int({ error: '次数请写 1 到 1000' }).min(1, { error: '次数请写 1 到 1000' }).max(1000, { error: '次数请写 1 到 1000' }),
});
const gridBody = z.object({
  communityId: z.coerce.number({ error: '请选择社区' }).int().positive(),
  name: z.string({ error: '请写上网格名称' }).trim().min(1, { error: '请写上网格名称' }).max(50, { error: '网格名称最多 50 个字' }),
});

/** 人员: people, invite codes, grids, and the roster import. */
export async function peopleRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock, config } = deps;
  const tz = config.BOT_TIMEZONE;

  const form = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> => {
    const r = schema.safeParse(request.body ?? {});
    if (!r.success) {
      const { viewer, csrf } = viewerOf(request);
      throw pageError(400, '填写有误', r.error.issues[0]?.message ?? '填写有误', viewer, csrf);
    }
    return r.data;
  };
  const mine = (request: FastifyRequest, communityId: number) => {
    const { viewer, csrf } = viewerOf(request);
    if (!canSeeCommunity(viewer, communityId)) throw pageError(403, '无权操作', '这个社区不归您管理。', viewer, csrf);
  };

  app.get('/people', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    const q = peopleQuery.safeParse(request.query ?? {});
    if (!q.success) throw pageError(400, '条件有误', q.error.issues[0]?.message ?? '条件有误', viewer, csrf);
    if (q.data.community !== undefined) mine(request, q.data.community);
    const ids = q.data.community !== undefined ? [q.data.community] : viewer.admin ? null : viewer.communities.map((c) => c.id);
    let where = '1 = 1';
    const params: Value[] = [];
    if (ids !== null) {
      if (ids.length === 0) where += ' AND 1 = 0';
      else {
        where += ` AND (p.community_id IN ${inList(ids.length)} OR EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.community_id IN ${inList(ids.length)}))`;
        params.push(...ids, ...ids);
      }
    }
    if (q.data.q) {
      const p = containsPattern(q.data.q);
      where += " AND (lower(p.name) LIKE ? ESCAPE '\\' OR p.phone LIKE ? ESCAPE '\\')";
      params.push(p, p);
    }
    const [count, people, invites, grids] = await Promise.all([
      db.get<{ n: number }>(`SELECT count(*) AS n FROM people p WHERE ${where}`, params),
      db.all<{ id: number; name: string; platform: string; phone: string | null; grid: string | null }>(
        `SELECT p.id, p.name, p.platform, p.phone, g.name AS grid FROM people p LEFT JOIN grids g ON g.id = p.grid_id WHERE ${where} ORDER BY p.id LIMIT ? OFFSET ?`,
        [...params, PAGE, (q.data.page - 1) * PAGE],
      ),
      invitesOf(viewer),
      gridsWithCounts(viewer),
    ]);
    const pageIds = people.map((p) => p.id);
    const roles = pageIds.length
      ? await db.all<{ personId: number; community: string; role: string }>(
          `SELECT m.person_id, c.name AS community, m.role FROM memberships m JOIN communities c ON c.id = m.community_id WHERE m.person_id IN ${inList(pageIds.length)} ORDER BY m.community_id`,
          pageIds,
        )
      : [];
    const now = clock.now();
    const html = peoplePage({
      viewer,
      csrf,
      notice: noticeOf(request.query),
      query: { community: q.data.community, q: q.data.q, page: q.data.page, size: PAGE },
      total: count?.n ?? 0,
      people: people.map((p) => ({ ...p, phone: maskPhone(p.phone), roles: roles.filter((r) => r.personId === p.id) })),
      invites: invites.map((i) => ({ ...i, expiresAt: wallClockText(i.expiresAt, tz), usable: i.uses < i.maxUses && i.expiresAt.getTime() > now.getTime() })),
      grids,
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  async function invitesOf(viewer: ConsoleViewer) {
    const ids = viewer.communities.map((c) => c.id);
    if (ids.length === 0) return [];
    return db.all<{ id: number; code: string; community: string; role: string; uses: number; maxUses: number; expiresAt: Date }>(
      `SELECT i.id, i.code, c.name AS community, i.role, i.uses, i.max_uses, i.expires_at FROM invites i JOIN communities c ON c.id = i.community_id
        WHERE i.community_id IN ${inList(ids.length)} ORDER BY i.id DESC LIMIT 50`,
      ids,
    );
  }
  async function gridsWithCounts(viewer: ConsoleViewer) {
    const ids = viewer.communities.map((c) => c.id);
    if (ids.length === 0) return [];
    return db.all<{ id: number; community: string; name: string; people: number }>(
      `SELECT g.id, c.name AS community, g.name, (SELECT count(*) FROM people p WHERE p.grid_id = g.id) AS people
         FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.community_id IN ${inList(ids.length)} ORDER BY g.community_id, g.name`,
      ids,
    );
  }

  app.post('/invites', async (request, reply) => {
    const { viewer } = viewerOf(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const body = form(inviteBody, request);
    mine(request, body.communityId);
    const code = await db.transaction((tx) =>
      createInvite(tx, { communityId: body.communityId, role: body.role, maxUses: body.maxUses, createdById: viewer.personId, ttlDays: config.INVITE_TTL_DAYS }, clock.now()),
    );
    deps.log.info({ console: 'invite', community: body.communityId, role: body.role, by: viewer.personId ?? 'admin' }, 'console action');
    return reply.redirect(`/console/people?ok=invite&code=${encodeURIComponent(code)}#invites`, 303);
  });

  app.post('/invites/:id/revoke', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const id = Number((request.params as { id: string }).id);
    const invite = Number.isInteger(id) && id > 0 ? await db.get<{ communityId: number }>('SELECT community_id FROM invites WHERE id = ?', [id]) : undefined;
    if (!invite) throw pageError(404, '没有这个邀请码', '没有找到这个邀请码。', viewer, csrf);
    mine(request, invite.communityId);
    // Expired now rather than deleted: who joined with it stays traceable.
    await db.run('UPDATE invites SET expires_at = ? WHERE id = ?', [clock.now(), id]);
    deps.log.info({ console: 'revoke', invite: id, by: viewer.personId ?? 'admin' }, 'console action');
    return reply.redirect('/console/people?ok=revoke#invites', 303);
  });

  app.post('/grids', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const body = form(gridBody, request);
    mine(request, body.communityId);
    try {
      await insert(db, 'grids', { communityId: body.communityId, name: body.name, createdAt: clock.now() });
    } catch (error) {
      if (isUniqueViolation(error)) throw pageError(409, '网格已存在', `这个社区已经有“${body.name}”了。`, viewer, csrf);
      throw error;
    }
    deps.log.info({ console: 'grid', community: body.communityId, by: viewer.personId ?? 'admin' }, 'console action');
    return reply.redirect('/console/people?ok=grid_added#grids', 303);
  });

  app.get('/roster/template.xlsx', async (_request, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent('花名册模板.xlsx')}`)
      .send(await rosterTemplateXlsx()),
  );
  app.get('/roster/template.csv', async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="roster.csv"; filename*=UTF-8''${encodeURIComponent('花名册模板.csv')}`)
      .send(rosterTemplateCsv()),
  );

  async function rosterContext(viewer: ConsoleViewer): Promise<RosterContext> {
    const [all, grids] = await Promise.all([
      db.all<{ name: string }>('SELECT name FROM communities'),
      viewer.communities.length
        ? db.all<{ communityId: number; name: string }>(`SELECT community_id, name FROM grids WHERE community_id IN ${inList(viewer.communities.length)}`, viewer.communities.map((c) => c.id))
        : Promise.resolve([]),
    ]);
    return { communities: viewer.communities, allCommunityNames: new Set(all.map((c) => c.name)), grids };
  }

  app.post('/roster/preview', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    const body = request.body;
    const parts = Buffer.isBuffer(body) ? parseMultipart(body, String(request.headers['content-type'] ?? '')) : null;
    if (!parts) throw pageError(400, '上传有误', '没有收到文件，请在“人员”页选择文件后再点预览。', viewer, csrf);
    checkCsrf(request, parts.find((p) => p.name === 'csrf')?.data.toString('utf8'));
    const file = parts.find((p) => p.name === 'file' && p.filename !== null);
    if (!file || file.data.length === 0) throw pageError(400, '上传有误', '没有收到文件，请选择花名册文件后再点预览。', viewer, csrf);
    const filename = file.filename ?? '花名册';
    const read = await readRosterFile(file.data, filename);
    let page: string;
    if (!read.ok) {
      page = rosterPreviewPage({ viewer, csrf, filename, problem: read.problem, check: null, outcome: new Map(), payload: '[]' });
    } else {
      const check = checkRoster(read.table, await rosterContext(viewer));
      const dry = check.fileProblems.length === 0 ? await applyRoster(db, check.rows, clock.now(), { dryRun: true }) : null;
      page = rosterPreviewPage({ viewer, csrf, filename, problem: null, check, outcome: dry?.outcomes ?? new Map(), payload: rosterPayload(check.rows) });
    }
    return reply.status(read.ok ? 200 : 400).type('text/html; charset=utf-8').send(page);
  });

  app.post('/roster/apply', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    checkCsrf(request, body.csrf);
    const table = tableFromPayload(body.rows);
    if (!table) throw pageError(400, '导入有误', '导入的内容不完整，请重新上传花名册。', viewer, csrf);
    // Checked again: the rows come back from the browser, and the viewer's communities may have changed.
    const check = checkRoster(table, await rosterContext(viewer));
    const summary = await db.transaction((tx) => applyRoster(tx, check.rows, clock.now()));
    deps.log.info({ console: 'roster', created: summary.created, updated: summary.updated, by: viewer.personId ?? 'admin' }, 'console action');
    return reply.redirect(
      `/console/people?ok=roster&created=${summary.created}&updated=${summary.updated}&unchanged=${summary.unchanged}&skipped=${check.rows.length - summary.outcomes.size}#roster`,
      303,
    );
  });
}
