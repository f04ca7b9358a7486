import { inList, type Tx } from '../db/sql.ts';
import { periodFigures, type FigureSettings, type PeriodFigures, type Span } from './period-figures.ts';
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
  const out: CommunityFigures[] = [];
  // One community at a time: a city's admin may see dozens, and each is a handful of queries.
  for (const c of communities) {
    out.push({ communityId: c.id, name: c.name, figures: await periodFigures(tx, { communityIds: [c.id] }, span, now, settings) });
  }
  return out;
}
