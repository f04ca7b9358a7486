import type { Tx } from '../db/sql.ts';
import { of, type ByCommunity } from './by-community.ts';
import { NO_MOVES, countCreated, countCreatedByCommunity, countMoved, countMovedByCommunity, countOverdue, countOverdueByCommunity } from './counts.ts';
import { claimSecondsByCommunity, doneSecondsByCommunity, medianOfAll, mediansOf } from './durations.ts';
import type { Span } from './period.ts';
import type { Ratio } from './ratio.ts';
import { isEmptyScope, type Scope } from './scope.ts';
import { answeredInTime, answeredInTimeByCommunity, satisfactionByCommunity, satisfactionOf, type Satisfaction } from './shares.ts';

export type { Span } from './period.ts';

/** The figures of one scope over one period, each as docs/figures.md defines it. */
export type PeriodFigures = {
  created: number;
  claimed: number;
  done: number;
  confirmed: number;
  overdue: number;
  medianClaimSeconds: number | null;
  medianDoneSeconds: number | null;
  /** 及时率: items answered (claimed or assigned) by their promised time, of those that fell due. */
  onTime: Ratio;
  /** 满意率: items whose counting rating is 4–5, of those rated; with the average of those ratings. */
  satisfaction: Satisfaction;
};

export type FigureSettings = { answerHours: number };

export const NO_FIGURES: PeriodFigures = {
  created: 0,
  claimed: 0,
  done: 0,
  confirmed: 0,
  overdue: 0,
  medianClaimSeconds: null,
  medianDoneSeconds: null,
  onTime: { part: 0, whole: 0 },
  satisfaction: { part: 0, whole: 0, average: null },
};

/** A period still running is counted up to `now`: the span counted, and the as-of time. */
export function countedSpan(period: Span, now: Date): { span: Span; asOf: Date } {
  const asOf = new Date(Math.min(period.to.getTime(), now.getTime()));
  return { span: { from: period.from, to: asOf }, asOf };
}

/** Every figure of a period. A period still running is counted up to `now`. */
export async function periodFigures(tx: Tx, scope: Scope, period: Span, now: Date, settings: FigureSettings): Promise<PeriodFigures> {
  if (isEmptyScope(scope)) return NO_FIGURES;
  const { span, asOf } = countedSpan(period, now);
  const [created, moved, overdue, claimSeconds, doneSeconds, onTime, satisfaction] = await Promise.all([
    countCreated(tx, scope, span),
    countMoved(tx, scope, span),
    countOverdue(tx, scope, asOf, now),
    claimSecondsByCommunity(tx, scope, span),
    doneSecondsByCommunity(tx, scope, span),
    answeredInTime(tx, scope, span, settings.answerHours),
    satisfactionOf(tx, scope, span),
  ]);
  return { created, ...moved, overdue, medianClaimSeconds: medianOfAll(claimSeconds), medianDoneSeconds: medianOfAll(doneSeconds), onTime, satisfaction };
}

/** The figures of a period without 超期 (which in a past period needs each item's timeline). */
export type FlowFigures = Omit<PeriodFigures, 'overdue'>;

/**
 * The period's flow for each community of the scope, a query per figure rather than per community
 * and figure (by-community.ts): what the jobs show. Communities with nothing in the period are
 * absent: read with `of(figures, id, NO_FIGURES)`.
 */
export async function flowFiguresByCommunity(tx: Tx, scope: Scope, period: Span, now: Date, settings: FigureSettings): Promise<ByCommunity<FlowFigures>> {
  if (isEmptyScope(scope)) return new Map();
  const { span } = countedSpan(period, now);
  const [created, moved, claimSeconds, doneSeconds, onTime, satisfaction] = await Promise.all([
    countCreatedByCommunity(tx, scope, span),
    countMovedByCommunity(tx, scope, span),
    claimSecondsByCommunity(tx, scope, span).then(mediansOf),
    doneSecondsByCommunity(tx, scope, span).then(mediansOf),
    answeredInTimeByCommunity(tx, scope, span, settings.answerHours),
    satisfactionByCommunity(tx, scope, span),
  ]);
  const ids = new Set([created, moved, claimSeconds, doneSeconds, onTime, satisfaction].flatMap((m) => [...m.keys()]));
  const out: ByCommunity<FlowFigures> = new Map();
  for (const id of ids) {
    out.set(id, {
      created: of(created, id, 0),
      ...of(moved, id, NO_MOVES),
      medianClaimSeconds: of(claimSeconds, id, null),
      medianDoneSeconds: of(doneSeconds, id, null),
      onTime: of(onTime, id, NO_FIGURES.onTime),
      satisfaction: of(satisfaction, id, NO_FIGURES.satisfaction),
    });
  }
  return out;
}

/** The counts and 满意率 of a period for each community: what the weekly bulletin shows, no more. */
export type CountFigures = Pick<PeriodFigures, 'created' | 'claimed' | 'done' | 'confirmed' | 'satisfaction'>;

/**
 * The period's counts and 满意率 per community, by the same definitions as flowFiguresByCommunity
 * without its medians and 及时率: each of those reads the period's timeline once more, and at a
 * million items they made the bulletin twice as slow (docs/performance.md).
 */
export async function countFiguresByCommunity(tx: Tx, scope: Scope, period: Span, now: Date): Promise<ByCommunity<CountFigures>> {
  if (isEmptyScope(scope)) return new Map();
  const { span } = countedSpan(period, now);
  const [created, moved, satisfaction] = await Promise.all([
    countCreatedByCommunity(tx, scope, span),
    countMovedByCommunity(tx, scope, span),
    satisfactionByCommunity(tx, scope, span),
  ]);
  const out: ByCommunity<CountFigures> = new Map();
  for (const id of new Set([created, moved, satisfaction].flatMap((m) => [...m.keys()]))) {
    out.set(id, { created: of(created, id, 0), ...of(moved, id, NO_MOVES), satisfaction: of(satisfaction, id, NO_FIGURES.satisfaction) });
  }
  return out;
}

/** Every figure of a period for each community of the scope (the flow, and 超期 as of its end). */
export async function periodFiguresByCommunity(tx: Tx, scope: Scope, period: Span, now: Date, settings: FigureSettings): Promise<ByCommunity<PeriodFigures>> {
  if (isEmptyScope(scope)) return new Map();
  const { asOf } = countedSpan(period, now);
  const [flow, overdue] = await Promise.all([flowFiguresByCommunity(tx, scope, period, now, settings), countOverdueByCommunity(tx, scope, asOf, now)]);
  const out: ByCommunity<PeriodFigures> = new Map();
  for (const id of new Set([...flow.keys(), ...overdue.keys()])) out.set(id, { ...of(flow, id, NO_FIGURES), overdue: of(overdue, id, 0) });
  return out;
}
