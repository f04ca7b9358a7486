import type { CommunityFigures } from '../../figures/community-figures.ts';
import type { CurrentState } from '../../figures/current-state.ts';
import type { HotSpot } from '../../figures/hot-spots.ts';
import type { PeriodFigures } from '../../figures/period-figures.ts';
import type { PeriodKind } from '../../figures/period.ts';
import type { Pioneer } from '../../figures/pioneers.ts';
import { percentOf } from '../../figures/ratio.ts';
import type { TrendPoint } from '../../figures/trend.ts';
import { durationText, percentText, select, type Option } from '../components.ts';
import { html, jsonScript, type Html } from '../html.ts';
import { page, type Viewer } from '../layout.ts';

export const PERIOD_LABELS: Record<PeriodKind, string> = { week: '本周', xun: '本旬', month: '本月', custom: '自选日期' };

export type OverviewView = {
  viewer: Viewer;
  csrf: string;
  period: { kind: PeriodKind; firstDay: string; lastDay: string; label: string };
  community?: number;
  grid?: number;
  grids: readonly Option[];
  figures: PeriodFigures;
  state: CurrentState;
  pioneers: readonly Pioneer[];
  trend: readonly TrendPoint[];
  categories: ReadonlyArray<{ category: string; count: number }>;
  hotPlaces: readonly HotSpot[];
  hotCategories: readonly HotSpot[];
  /** Each community side by side, when more than one is in view. */
  communities: readonly CommunityFigures[] | null;
  /** The ledger's query for this period and scope, for the export and ledger links. */
  ledgerQuery: string;
};

function figure(name: string, value: string | number, detail?: Html | string, key?: string): Html {
  return html`<div class="figure"${key ? html` data-figure="${key}"` : ''}><div class="value">${value}</div><div class="name">${name}</div>${detail && html`<div class="detail">${detail}</div>`}</div>`;
}

/** 概览: a period's figures (docs/figures.md), charts drawn from the same numbers, and tables of them. */
export function overviewPage(v: OverviewView): string {
  const f = v.figures;
  const onTime = percentOf(f.onTime);
  const satisfied = percentOf(f.satisfaction);
  const trendData = { labels: v.trend.map((t) => (t.firstDay === t.lastDay ? t.firstDay.slice(5) : `${t.firstDay.slice(5)}起`)), created: v.trend.map((t) => t.created), done: v.trend.map((t) => t.done) };
  const communityData = (v.communities ?? []).map((c) => ({
    name: c.name,
    created: c.figures.created,
    done: c.figures.done,
    onTime: percentOf(c.figures.onTime),
    satisfaction: percentOf(c.figures.satisfaction),
  }));
  const hotTable = (title: string, rows: readonly HotSpot[]) =>
    rows.length === 0
      ? html`<p class="muted">没有问题反映。</p>`
      : html`<table class="cards"><thead><tr><th>${title}</th><th class="num">反映</th><th class="num">附议</th><th class="num">重复</th></tr></thead><tbody>${rows.map(
          (h) => html`<tr><td data-label="${title}">${h.key}</td><td class="num" data-label="反映">${h.reports}</td><td class="num" data-label="附议">${h.supporters}</td><td class="num" data-label="重复">${h.repeats}</td></tr>`,
        )}</tbody></table>`;
  const body = html`
<h1>概览 <small>${v.period.label}</small></h1>
<form class="card filters" method="get" action="/console/overview">
  <label>时间${select('period', Object.entries(PERIOD_LABELS).map(([value, label]) => ({ value, label })), v.period.kind)}</label>
  <label>从<input type="date" name="from" value="${v.period.firstDay}"></label>
  <label>到<input type="date" name="to" value="${v.period.lastDay}"></label>
  <label>社区${select('community', v.viewer.communities.map((c) => ({ value: c.id, label: c.name })), v.community, { blank: '全部' })}</label>
  <label>网格${select('grid', v.grids, v.grid, { blank: '全部' })}</label>
  <div class="actions"><button type="submit">查看</button></div>
  <p class="wide muted">选“自选日期”时按上面的日期；选本周、本旬、本月时日期自动填写。</p>
</form>

<h2>本期</h2>
<div class="figures">
  ${figure('新提出', f.created, undefined, 'created')}
  ${figure('认领/交办', f.claimed, undefined, 'claimed')}
  ${figure('办结', f.done, undefined, 'done')}
  ${figure('居民确认', f.confirmed, undefined, 'confirmed')}
  ${figure('超期', f.overdue, '期末仍未办结且已过期限', 'overdue')}
  ${figure('及时率', onTime === null ? '—' : `${onTime}%`, f.onTime.whole === 0 ? '本期没有到期的答复' : `${f.onTime.whole} 件中 ${f.onTime.part} 件按时答复`, 'onTime')}
  ${figure('满意率', satisfied === null ? '—' : `${satisfied}%`, f.satisfaction.average === null ? '暂无评价' : `${f.satisfaction.whole} 个评价，平均 ${f.satisfaction.average.toFixed(1)} 分`, 'satisfaction')}
  ${figure('认领用时中位数', durationText(f.medianClaimSeconds), undefined, 'medianClaim')}
  ${figure('办结用时中位数', durationText(f.medianDoneSeconds), undefined, 'medianDone')}
</div>
<p><a href="/console/ledger${v.ledgerQuery}">在台账中查看本期提出的事项</a> · <a href="/console/export.xlsx${v.ledgerQuery}" download>导出本期台账</a> · <a href="/console/ledger?overdue=1${v.community ? `&community=${v.community}` : ''}">查看超期事项</a></p>

<h2>现在</h2>
<div class="figures">
  ${figure('待认领', v.state.open)}
  ${figure('办理中', v.state.claimed)}
  ${figure('待确认', v.state.done)}
  ${figure('超期', v.state.overdue)}
</div>

<h2>图表</h2>
<div class="charts">
  <section class="card"><h3>收办趋势</h3><div class="chart" data-chart="trend" data-source="trend-data" role="img" aria-label="收办趋势图"></div>
    <table class="chart-fallback"><thead><tr><th>日期</th><th class="num">新提出</th><th class="num">办结</th></tr></thead><tbody>${v.trend.map((t) => html`<tr><td>${t.firstDay === t.lastDay ? t.firstDay : `${t.firstDay}—${t.lastDay}`}</td><td class="num">${t.created}</td><td class="num">${t.done}</td></tr>`)}</tbody></table></section>
  <section class="card"><h3>类别分布</h3>${v.categories.length > 0 ? html`<div class="chart" data-chart="categories" data-source="category-data" role="img" aria-label="类别分布图"></div>` : html`<p class="muted">本期没有新提出的事项。</p>`}
    <table class="chart-fallback"><tbody>${v.categories.map((c) => html`<tr><td>${c.category}</td><td class="num">${c.count}</td></tr>`)}</tbody></table></section>
  ${v.communities && v.communities.length > 1 && html`<section class="card"><h3>各社区对比</h3><div class="chart" data-chart="communities" data-source="community-data" role="img" aria-label="各社区对比图"></div>
    <table class="chart-fallback keep cards"><thead><tr><th>社区</th><th class="num">新提出</th><th class="num">办结</th><th class="num">及时率</th><th class="num">满意率</th></tr></thead><tbody>${v.communities.map(
      (c) => html`<tr><td data-label="社区">${c.name}</td><td class="num" data-label="新提出">${c.figures.created}</td><td class="num" data-label="办结">${c.figures.done}</td><td class="num" data-label="及时率">${percentText(c.figures.onTime.part, c.figures.onTime.whole)}</td><td class="num" data-label="满意率">${percentText(c.figures.satisfaction.part, c.figures.satisfaction.whole)}</td></tr>`,
    )}</tbody></table></section>`}
  <section class="card"><h3>热点地点</h3>${v.hotPlaces.length > 0 && html`<div class="chart" data-chart="hotspots" data-source="place-data" role="img" aria-label="热点地点图"></div>`}
    <div class="chart-fallback keep">${hotTable('地点', v.hotPlaces)}</div></section>
  <section class="card"><h3>热点类别</h3>${hotTable('类别', v.hotCategories)}</section>
</div>

<h2>先锋榜</h2>
${
  v.pioneers.length === 0
    ? html`<p class="card muted">本期还没有人认领或办结。</p>`
    : html`<div class="table-wrap"><table class="cards pioneers"><thead><tr><th>#</th><th>姓名</th><th class="num">认领</th><th class="num">办结</th><th class="num">居民确认</th><th class="num">平均评分</th></tr></thead><tbody>${v.pioneers.map(
        (p, n) => html`<tr><td data-label="名次">${n + 1}</td><td data-label="姓名">${p.name}</td><td class="num" data-label="认领">${p.claimed}</td><td class="num" data-label="办结">${p.done}</td><td class="num" data-label="确认">${p.confirmed}</td><td class="num" data-label="评分">${p.averageRating === null ? '—' : `${p.averageRating.toFixed(1)}（${p.ratings}）`}</td></tr>`,
      )}</tbody></table></div>`
}
<p class="muted">各项口径见《指标定义》：每件事在一期内只算一次；满意率按本期内居民最后一次评价计，评 4–5 分为满意。</p>
${jsonScript('trend-data', trendData)}
${jsonScript('category-data', v.categories)}
${jsonScript('community-data', communityData)}
${jsonScript('place-data', v.hotPlaces)}`;
  return page({ title: '概览', section: 'overview', viewer: v.viewer, csrf: v.csrf, body, charts: true });
}
