import { short } from '../bot/texts.ts';
import type { CommunityFigures } from '../figures/community-figures.ts';
import type { PeriodFigures } from '../figures/period-figures.ts';
import { percentOf } from '../figures/ratio.ts';

// What the two rhythm jobs post (一旬一通报, 一月一调度), beside the jobs that post them.

const pct = (r: { part: number; whole: number }) => `${percentOf(r)}%`;

function ranked(communities: readonly CommunityFigures[], pick: (f: PeriodFigures) => { part: number; whole: number }, detail: (f: PeriodFigures) => string, none: string): string[] {
  const withData = communities.filter((c) => pick(c.figures).whole > 0);
  const share = (c: CommunityFigures) => pick(c.figures).part / pick(c.figures).whole;
  withData.sort((a, b) => share(b) - share(a) || pick(b.figures).whole - pick(a.figures).whole || a.name.localeCompare(b.name, 'zh'));
  const lines = withData.map((c, i) => `${i + 1}. ${c.name} ${pct(pick(c.figures))}（${detail(c.figures)}）`);
  const without = communities.filter((c) => pick(c.figures).whole === 0);
  if (without.length > 0) lines.push(`${without.map((c) => c.name).join('、')}：${none}`);
  return lines;
}

/** 一旬一通报: every community ranked by 及时率 and by 满意率 over the 旬 (docs/figures.md). */
export function tenDayReportText(r: { from: string; to: string; communities: readonly CommunityFigures[] }): string {
  return [
    `【一旬一通报】${r.from}—${r.to}`,
    '及时率（按时答复的比例）：',
    ...ranked(r.communities, (f) => f.onTime, (f) => `${f.onTime.part}/${f.onTime.whole}`, '本旬没有到期的答复'),
    '满意率（评 4–5 分的比例）：',
    ...ranked(r.communities, (f) => f.satisfaction, (f) => `${f.satisfaction.whole} 个评价`, '本旬没有评价'),
    `本旬收办：${r.communities.map((c) => `${c.name} 新提出 ${c.figures.created} · 办结 ${c.figures.done}`).join('；')}`,
  ].join('\n');
}

const hours = (s: number | null) => (s === null ? '—' : s < 86400 ? `${(s / 3600).toFixed(1)} 小时` : `${(s / 86400).toFixed(1)} 天`);

/** 一月一调度: per community, the month's figures, the oldest open items, and the month's 台账 export. */
export function monthlyReviewText(r: {
  month: string;
  communities: ReadonlyArray<{ name: string; figures: PeriodFigures; oldest: ReadonlyArray<{ id: number; text: string; days: number; holder: string | null }>; exportUrl: string }>;
}): string {
  return [
    `【一月一调度】${r.month}`,
    ...r.communities.flatMap((c) => [
      '',
      `■ ${c.name}`,
      `新提出 ${c.figures.created} · 认领 ${c.figures.claimed} · 办结 ${c.figures.done} · 居民确认 ${c.figures.confirmed} · 月末超期 ${c.figures.overdue}`,
      `及时率 ${c.figures.onTime.whole > 0 ? `${pct(c.figures.onTime)}（${c.figures.onTime.part}/${c.figures.onTime.whole}）` : '—'} · 满意率 ${
        c.figures.satisfaction.whole > 0 ? `${pct(c.figures.satisfaction)}（${c.figures.satisfaction.whole} 个评价）` : '暂无评价'
      }`,
      `认领用时中位数 ${hours(c.figures.medianClaimSeconds)} · 办结用时中位数 ${hours(c.figures.medianDoneSeconds)}`,
      ...(c.oldest.length > 0
        ? ['最久未办结：', ...c.oldest.map((o) => `#${o.id}「${short(o.text, 20)}」${o.days} 天 · ${o.holder ?? '无人认领'}`)]
        : ['没有未办结的事项。']),
      `本月台账（Excel）：${c.exportUrl}`,
    ]),
  ].join('\n');
}
