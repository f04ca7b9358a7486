import { inList, type Tx } from '../db/sql.ts';
import { of } from './by-community.ts';
import { NO_FIGURES, periodFiguresByCommunity, type FigureSettings, type PeriodFigures, type Span } from './period-figures.ts';
import { isEmptyScope, type Scope } from './scope.ts';

export type CommunityFigures = { communityId: number; name: string; figures: PeriodFigures };

/**
 * Each community of the scope with its own figures (各社区对比, the ten-day report's ranking), in
 * the order communities were created. The grid of the scope, if any, is not applied: a grid
 * belongs to one community.
 */
export async function communityFigures(tx: Tx, scope: Scope, span: Span, now: Date, settings: FigureSettings): Promise<CommunityFigures[]> {
  if (isEmptyScope(scope)) return [];
  const ids = scope.communityIds;
  const communities = await tx.all<{ id: number; name: string }>(
    ids === null ? 'SELECT id, name FROM communities ORDER BY id' : `SELECT id, name FROM communities WHERE id IN ${inList(ids.length)} ORDER BY id`,
    ids === null ? [] : [...ids],
  );
  // Every community's figures in one query per figure, not a handful of queries per community.
  const figures = await periodFiguresByCommunity(tx, { communityIds: ids }, span, now, settings);
  return communities.map((c) => ({ communityId: c.id, name: c.name, figures: of(figures, c.id, NO_FIGURES) }));
}
