import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localDate } from '../../core/zoned-time.ts';
import { periodFigures } from '../../figures/period-figures.ts';
import { daysPeriod } from '../../figures/period.ts';
import { inList } from '../../db/sql.ts';
import { pageError, viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { KIND_LABELS, PRIORITY_LABELS, STATUS_GROUPS, STATUS_LABELS, parseLedgerFilter, type LedgerFilter } from '../ledger-filter.ts';
import { ledgerExportItems, ledgerList } from '../ledger-query.ts';
import { ledgerPage } from '../pages/ledger-page.ts';
import { noticeOf } from '../notices.ts';
import { canSeeCommunity, scopeOf, type ConsoleViewer } from '../viewer.ts';
import { toLedgerRow } from '../export/to-ledger-row.ts';
import { wallClockText } from '../export/wall-clock.ts';
import { writeLedgerCsv } from '../export/write-ledger-csv.ts';
import { writeLedgerXlsx } from '../export/write-ledger-xlsx.ts';

export type GridOption = { id: number; name: string; communityId: number };

/** The grids of the viewer's communities (a few dozen), for selects. */
export async function gridsOf(deps: ConsoleDeps, viewer: ConsoleViewer): Promise<GridOption[]> {
  const ids = viewer.communities.map((c) => c.id);
  if (ids.length === 0) return [];
  return deps.db.all<GridOption>(
    viewer.admin
      ? 'SELECT id, name, community_id FROM grids ORDER BY community_id, name'
      : `SELECT id, name, community_id FROM grids WHERE community_id IN ${inList(ids.length)} ORDER BY community_id, name`,
    viewer.admin ? [] : ids,
  );
}

/** The filter of a request, or a 400 page; a community or grid that is not the viewer's, a 403 page. */
export async function filterOf(deps: ConsoleDeps, request: FastifyRequest): Promise<LedgerFilter> {
  const { viewer, csrf } = viewerOf(request);
  const parsed = parseLedgerFilter(request.query);
  if (!parsed.ok) throw pageError(400, '筛选条件有误', parsed.message, viewer, csrf);
  const f = parsed.filter;
  if (f.community !== undefined && !canSeeCommunity(viewer, f.community)) {
    throw pageError(403, '无权查看', '这个社区不归您管理。', viewer, csrf);
  }
  if (f.grid !== undefined) {
    const grid = await deps.db.get<{ communityId: number }>('SELECT community_id FROM grids WHERE id = ?', [f.grid]);
    if (!grid || grid.communityId !== f.community) throw pageError(400, '筛选条件有误', '筛选条件有误：这个网格不属于所选社区。', viewer, csrf);
  }
  return f;
}

/** The filter in words, for the export's second sheet. */
function describeFilter(f: LedgerFilter, viewer: ConsoleViewer, grids: GridOption[]): string {
  const parts: string[] = [];
  if (f.kind) parts.push(`类型：${KIND_LABELS[f.kind]}`);
  if (f.status) parts.push(`状态：${{ ...STATUS_LABELS, ...STATUS_GROUPS }[f.status]}`);
  if (f.community) parts.push(`社区：${viewer.communities.find((c) => c.id === f.community)?.name ?? f.community}`);
  if (f.grid) parts.push(`网格：${grids.find((g) => g.id === f.grid)?.name ?? f.grid}`);
  if (f.category) parts.push(`类别：${f.category}`);
  if (f.priority) parts.push(`优先级：${PRIORITY_LABELS[f.priority]}`);
  if (f.overdue) parts.push('只看超期');
  if (f.holder) parts.push(`认领人/承办人：${f.holder}`);
  if (f.q) parts.push(`搜索：${f.q}`);
  return parts.length > 0 ? parts.join('；') : '全部';
}

export async function ledgerRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock, config } = deps;
  const tz = config.BOT_TIMEZONE;

  app.get('/ledger', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    const filter = await filterOf(deps, request);
    const now = clock.now();
    const [{ total, rows }, grids] = await Promise.all([ledgerList(db, filter, scopeOf(viewer), now, tz), gridsOf(deps, viewer)]);
    const html = ledgerPage({
      viewer,
      csrf,
      notice: noticeOf(request.query),
      filter,
      grids,
      categories: config.REPORT_CATEGORIES,
      total,
      lines: rows.map((r) => ({
        ...r,
        community: r.community,
        createdAt: wallClockText(r.createdAt, tz),
        deadline: r.deadlineAt ? deps.bot.fmt.day(r.deadlineAt) : null,
        late: ['open', 'claimed'].includes(r.status) && r.deadlineAt !== null && r.deadlineAt.getTime() < now.getTime(),
      })),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(`/export.${format}`, async (request, reply) => {
      const { viewer } = viewerOf(request);
      const filter = await filterOf(deps, request);
      const now = clock.now();
      const scope = scopeOf(viewer);
      const calendar = deps.bot.calendar();
      const rows = (async function* () {
        for await (const item of ledgerExportItems(db, filter, scope, now, tz)) yield toLedgerRow(item, calendar, tz, now);
      })();
      const grids = await gridsOf(deps, viewer);
      const community = filter.community ? viewer.communities.find((c) => c.id === filter.community)?.name : null;
      const name = `台账-${community ?? (viewer.admin ? '全部社区' : viewer.communities.map((c) => c.name).join('、'))}-${filter.from ?? ''}${filter.to ? `至${filter.to}` : ''}`.replace(/-+$/u, '');
      reply
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ledger.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`)
        .header('cache-control', 'no-store');
      const out = new PassThrough();
      const fail = (error: unknown) => {
        deps.log.error({ err: (error as Error).message }, 'console export failed');
        out.destroy(error as Error);
      };
      if (format === 'csv') {
        writeLedgerCsv(out, rows, tz).catch(fail);
      } else {
        // The second sheet: the figures of the export's dates (all of them when none are chosen) and scope.
        const period = daysPeriod(filter.from ?? '2000-01-01', filter.to ?? localDate(now, tz), tz);
        const figureScope = { communityIds: filter.community ? [filter.community] : scope.communityIds, gridId: filter.grid ?? null };
        const figures = await periodFigures(db, figureScope, period, now, { answerHours: config.ANSWER_HOURS });
        const summary = {
          title: name,
          scope: community ?? (viewer.admin ? '全部社区' : viewer.communities.map((c) => c.name).join('、')),
          period: filter.from || filter.to ? `${filter.from ?? '最早'} 至 ${filter.to ?? '今天'}` : '全部',
          filters: describeFilter(filter, viewer, grids),
          generatedAt: now,
          figures,
        };
        writeLedgerXlsx(out, rows, summary, tz).catch(fail);
      }
      return reply.send(out);
    });
  }
}
