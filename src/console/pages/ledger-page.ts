import { html } from '../html.ts';
import { page, type Notice, type Viewer } from '../layout.ts';
import { pager, priorityBadge, select, statusBadge, type Option } from '../components.ts';
import {
  KIND_LABELS,
  PAGE_SIZES,
  PRIORITY_LABELS,
  SORT_LABELS,
  STATUS_GROUPS,
  STATUS_LABELS,
  ledgerQuery,
  type LedgerFilter,
} from '../ledger-filter.ts';

/** One line of the 台账, ready to print (times formatted in BOT_TIMEZONE by the loader). */
export type LedgerLine = {
  id: number;
  kind: string;
  status: string;
  priority: string;
  text: string;
  place: string | null;
  community: string;
  grid: string | null;
  category: string | null;
  createdAt: string;
  holder: string | null;
  deadline: string | null;
  late: boolean;
  supporters: number;
};

export type LedgerView = {
  viewer: Viewer;
  csrf: string;
  notice?: Notice | null;
  filter: LedgerFilter;
  grids: ReadonlyArray<{ id: number; name: string; communityId: number }>;
  categories: readonly string[];
  lines: readonly LedgerLine[];
  total: number;
};

const options = <K extends string>(labels: Record<K, string>): Option[] => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

/** 台账: filters (a GET form: the URL is the view), the items, the total, paging, the export links. */
export function ledgerPage(v: LedgerView): string {
  const f = v.filter;
  const communityOptions = v.viewer.communities.map((c) => ({ value: c.id, label: c.name }));
  const gridOptions = v.grids
    .filter((g) => f.community === undefined || g.communityId === f.community)
    .map((g) => ({ value: g.id, label: v.viewer.communities.length > 1 && f.community === undefined ? `${communityName(v, g.communityId)} · ${g.name}` : g.name }));
  const exportQuery = ledgerQuery(f, { page: 1 });
  // The less used conditions fold away on a phone, open when one of them is in use.
  const more = Boolean(f.kind || f.grid || f.category || f.priority || f.from || f.to || f.holder || f.sort !== 'new' || f.size !== 20);
  const body = html`
<h1>台账</h1>
<form class="card filters" method="get" action="/console/ledger" role="search">
  <label class="wide">搜索（内容、地点或编号）<input type="search" name="q" value="${f.q ?? ''}" placeholder="例如：路灯、3号楼、#12"></label>
  <label>状态${select('status', [...options(STATUS_GROUPS), ...options(STATUS_LABELS)], f.status, { blank: '全部' })}</label>
  <label>社区${select('community', communityOptions, f.community, { blank: '全部' })}</label>
  <label class="check"><input type="checkbox" name="overdue" value="1"${f.overdue ? html` checked` : ''}> 只看超期</label>
  <details class="more"${more ? html` open` : ''}><summary>更多条件</summary><div class="filters">
  <label>类型${select('kind', options(KIND_LABELS), f.kind, { blank: '全部' })}</label>
  <label>网格${select('grid', gridOptions, f.grid, { blank: '全部' })}</label>
  <label>类别${select('category', v.categories.map((c) => ({ value: c, label: c })), f.category, { blank: '全部' })}</label>
  <label>优先级${select('priority', options(PRIORITY_LABELS), f.priority, { blank: '全部' })}</label>
  <label>提出时间从<input type="date" name="from" value="${f.from ?? ''}"></label>
  <label>到<input type="date" name="to" value="${f.to ?? ''}"></label>
  <label>认领人/承办人<input type="text" name="holder" value="${f.holder ?? ''}" placeholder="姓名或单位"></label>
  <label>排序${select('sort', options(SORT_LABELS), f.sort)}</label>
  <label>每页${select('size', PAGE_SIZES.map((n) => ({ value: n, label: `${n} 条` })), f.size)}</label>
  </div></details>
  <div class="actions wide"><button type="submit">筛选</button><a class="button light" href="/console/ledger">清除条件</a></div>
</form>
<div class="toolbar">
  ${pager(v.total, f.page, f.size, (p) => `/console/ledger${ledgerQuery(f, { page: p })}`)}
  <div class="inline">
    <a class="button light" href="/console/export.xlsx${exportQuery}" download>导出 Excel</a>
    <a class="button light" href="/console/export.csv${exportQuery}" download>导出 CSV</a>
  </div>
</div>
${
  v.lines.length === 0
    ? html`<p class="card muted">没有符合条件的事项。</p>`
    : html`<div class="table-wrap"><table class="cards ledger">
<thead><tr><th>编号</th><th>类型</th><th>状态</th><th>内容</th><th>社区/网格</th><th>类别</th><th>提出时间</th><th>认领人/承办人</th><th>期限</th><th class="num">附议</th></tr></thead>
<tbody>${v.lines.map(
        (l) => html`<tr${l.priority === 'urgent' ? html` class="urgent"` : ''} data-item="${l.id}">
<td data-label="编号"><a href="/console/items/${l.id}">#${l.id}</a> ${priorityBadge(l.priority)}</td>
<td data-label="类型">${KIND_LABELS[l.kind as keyof typeof KIND_LABELS] ?? l.kind}</td>
<td data-label="状态">${statusBadge(l.status)}</td>
<td data-label="内容"><span><a href="/console/items/${l.id}">${short(l.text, 40)}</a>${l.place && html`<small class="sub">${l.place}</small>`}</span></td>
<td data-label="社区">${l.community}${l.grid && html` · ${l.grid}`}</td>
<td data-label="类别">${l.category ?? '—'}</td>
<td data-label="提出">${l.createdAt}</td>
<td data-label="承办">${l.holder ?? '—'}</td>
<td data-label="期限"${l.late ? html` class="late"` : ''}>${l.deadline ?? '—'}${l.late && '（超期）'}</td>
<td data-label="附议" class="num">${l.supporters}</td>
</tr>`,
      )}</tbody></table></div>
${pager(v.total, f.page, f.size, (p) => `/console/ledger${ledgerQuery(f, { page: p })}`)}`
}`;
  return page({ title: '台账', section: 'ledger', viewer: v.viewer, csrf: v.csrf, notice: v.notice, body });
}

function communityName(v: LedgerView, id: number): string {
  return v.viewer.communities.find((c) => c.id === id)?.name ?? '';
}

export function short(text: string, max: number): string {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
