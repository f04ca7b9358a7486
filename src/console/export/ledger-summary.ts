import type { PeriodFigures } from '../../figures/period-figures.ts';
import { percentOf } from '../../figures/ratio.ts';

/** What the second sheet says: which part of the ledger, over which dates, and its figures. */
export type LedgerSummary = {
  title: string;
  scope: string;
  period: string;
  filters: string;
  generatedAt: Date;
  figures: PeriodFigures;
};

const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);

/** The figures as label/value rows, with the unit in the label (docs/figures.md has the definitions). */
export function summaryRows(f: PeriodFigures): Array<[string, string | number | null]> {
  const onTime = percentOf(f.onTime);
  const satisfied = percentOf(f.satisfaction);
  return [
    ['新提出（件）', f.created],
    ['认领/交办（件）', f.claimed],
    ['办结（件）', f.done],
    ['居民确认（件）', f.confirmed],
    ['超期（件，期末）', f.overdue],
    ['认领用时中位数（小时）', hours(f.medianClaimSeconds)],
    ['办结用时中位数（小时）', hours(f.medianDoneSeconds)],
    ['及时率（%）', onTime],
    ['按时答复 / 应答复（件）', `${f.onTime.part} / ${f.onTime.whole}`],
    ['满意率（%，评 4–5 分）', satisfied],
    ['满意 / 评价（件）', `${f.satisfaction.part} / ${f.satisfaction.whole}`],
    ['平均评分', f.satisfaction.average === null ? null : Math.round(f.satisfaction.average * 100) / 100],
  ];
}
