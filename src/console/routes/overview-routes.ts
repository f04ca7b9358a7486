import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { categoryCounts } from '../../figures/category-counts.ts';
import { communityFigures } from '../../figures/community-figures.ts';
import { currentState } from '../../figures/current-state.ts';
import { hotSpots } from '../../figures/hot-spots.ts';
import { periodFigures } from '../../figures/period-figures.ts';
import { PERIOD_KINDS, daysPeriod, periodContaining, type Period } from '../../figures/period.ts';
import { pioneers } from '../../figures/pioneers.ts';
import { trend } from '../../figures/trend.ts';
import { pageError, viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { ledgerQuery, DEFAULT_FILTER } from '../ledger-filter.ts';
import { overviewPage } from '../pages/overview-page.ts';
import { canSeeCommunity, scopeOf } from '../viewer.ts';
import { gridsOf } from './ledger-routes.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
const day = z.preprocess(blank, z.iso.date({ error: '日期应写成 2026-11-01' }).optional());
const overviewQuery = z.object({
  period: z.preprocess(blank, z.enum(PERIOD_KINDS, { error: '时间只能是本周、本旬、本月或自选日期' }).default('week')),
  from: day,
  to: day,
  community: z.preprocess(blank, z.coerce.number({ error: '社区应为编号' }).int().positive().optional()),
  grid: z.preprocess(blank, z.coerce.number({ error: '网格应为编号' }).int().positive().optional()),
});

/** 概览: the figures of docs/figures.md for a period and a scope, and the charts drawn from them. */
export async function overviewRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock, config } = deps;
  const tz = config.BOT_TIMEZONE;

  app.get('/overview', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    const q = overviewQuery.safeParse(request.query ?? {});
    if (!q.success) throw pageError(400, '条件有误', q.error.issues[0]?.message ?? '条件有误', viewer, csrf);
    const { community, grid } = q.data;
    if (community !== undefined && !canSeeCommunity(viewer, community)) throw pageError(403, '无权查看', '这个社区不归您管理。', viewer, csrf);
    const grids = await gridsOf(deps, viewer);
    if (grid !== undefined && !grids.some((g) => g.id === grid && g.communityId === community)) {
      throw pageError(400, '条件有误', '这个网格不属于所选社区。', viewer, csrf);
    }
    const now = clock.now();
    let period: Period;
    if (q.data.period === 'custom') {
      if (!q.data.from || !q.data.to) throw pageError(400, '条件有误', '自选日期请填写开始和结束日期。', viewer, csrf);
      if (q.data.from > q.data.to) throw pageError(400, '条件有误', '开始日期不能晚于结束日期。', viewer, csrf);
      period = daysPeriod(q.data.from, q.data.to, tz);
    } else {
      period = periodContaining(q.data.period, now, tz);
    }
    const scope = community !== undefined ? { communityIds: [community], gridId: grid ?? null } : scopeOf(viewer);
    const settings = { answerHours: config.ANSWER_HOURS };
    const [figures, state, board, points, categories, hotPlaces, hotCategories, side] = await Promise.all([
      periodFigures(db, scope, period, now, settings),
      currentState(db, scope, now),
      pioneers(db, scope, period),
      trend(db, scope, period.firstDay, period.lastDay, now, tz),
      categoryCounts(db, scope, period),
      hotSpots(db, scope, period, 'place'),
      hotSpots(db, scope, period, 'category'),
      community === undefined && viewer.communities.length > 1 ? communityFigures(db, scope, period, now, settings) : Promise.resolve(null),
    ]);
    const fmt = deps.bot.fmt;
    const label = `${fmt.day(period.from)}—${fmt.day(new Date(period.to.getTime() - 1))}`;
    const html = overviewPage({
      viewer,
      csrf,
      period: { kind: period.kind, firstDay: period.firstDay, lastDay: period.lastDay, label },
      community,
      grid,
      grids: grids.filter((g) => community === undefined || g.communityId === community).map((g) => ({ value: g.id, label: g.name })),
      figures,
      state,
      pioneers: board,
      trend: points,
      categories,
      hotPlaces,
      hotCategories,
      communities: side,
      ledgerQuery: ledgerQuery({ ...DEFAULT_FILTER, from: period.firstDay, to: period.lastDay, community, grid }),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
