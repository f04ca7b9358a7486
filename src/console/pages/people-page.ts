import { csrfField, pager, select, type Option } from '../components.ts';
import { html } from '../html.ts';
import { page, type Notice, type Viewer } from '../layout.ts';

export const ROLE_LABELS: Record<string, string> = { member: '党员', official: '干部' };
export const PLATFORM_LABELS: Record<string, string> = { wecom: '企业微信', dingtalk: '钉钉', sim: '模拟器', wechat: '微信客服' };

export type PeopleView = {
  viewer: Viewer;
  csrf: string;
  notice?: Notice | null;
  query: { community?: number; q?: string; page: number; size: number };
  people: ReadonlyArray<{ id: number; name: string; platform: string; phone: string | null; roles: ReadonlyArray<{ community: string; role: string }>; grid: string | null }>;
  total: number;
  invites: ReadonlyArray<{ id: number; code: string; community: string; role: string; uses: number; maxUses: number; expiresAt: string; usable: boolean }>;
  grids: ReadonlyArray<{ id: number; community: string; name: string; people: number }>;
};

/** 人员: people and their roles, grids, invite codes, and the roster import. */
export function peoplePage(v: PeopleView): string {
  const communities: Option[] = v.viewer.communities.map((c) => ({ value: c.id, label: c.name }));
  const link = (p: number) => {
    const s = new URLSearchParams();
    if (v.query.community) s.set('community', String(v.query.community));
    if (v.query.q) s.set('q', v.query.q);
    if (p > 1) s.set('page', String(p));
    const q = s.toString();
    return `/console/people${q ? `?${q}` : ''}`;
  };
  const body = html`
<h1>人员</h1>
<form class="card filters" method="get" action="/console/people" role="search">
  <label>社区${select('community', communities, v.query.community, { blank: '全部' })}</label>
  <label>姓名或手机号<input type="search" name="q" value="${v.query.q ?? ''}"></label>
  <div class="actions"><button type="submit">查找</button></div>
</form>
${pager(v.total, v.query.page, v.query.size, link)}
<div class="table-wrap"><table class="cards people"><thead><tr><th>姓名</th><th>平台</th><th>手机号</th><th>身份</th><th>网格</th></tr></thead><tbody>
${v.people.map(
  (p) => html`<tr data-person="${p.id}"><td data-label="姓名">${p.name}</td><td data-label="平台">${PLATFORM_LABELS[p.platform] ?? p.platform}</td><td data-label="手机号">${p.phone ?? '—'}</td>
<td data-label="身份">${p.roles.length === 0 ? '居民' : p.roles.map((r, n) => html`${n > 0 ? '；' : ''}${r.community} ${ROLE_LABELS[r.role] ?? r.role}`)}</td><td data-label="网格">${p.grid ?? '—'}</td></tr>`,
)}
</tbody></table></div>

<h2 id="roster">花名册导入</h2>
<form class="card" method="post" action="/console/roster/preview" enctype="multipart/form-data">
  ${csrfField(v.csrf)}
  <p>上传 Excel（.xlsx）或 CSV 文件，列为：姓名、手机号、平台（企业微信/钉钉）、平台账号、角色（党员/干部）、社区、网格。先预览，确认无误再导入；同一份表导入两次不会重复。</p>
  <p><a href="/console/roster/template.xlsx" download>下载模板（Excel）</a> · <a href="/console/roster/template.csv" download>下载模板（CSV）</a></p>
  <div class="inline"><label>文件（最大 5 MB）<input type="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required></label>
  <button type="submit">预览</button></div>
</form>

<h2 id="invites">邀请码</h2>
<form class="card inline" method="post" action="/console/invites">
  ${csrfField(v.csrf)}
  <label>社区${select('communityId', communities, v.query.community ?? communities[0]?.value, { required: true })}</label>
  <label>身份${select('role', [{ value: 'member', label: '党员志愿者' }, { value: 'official', label: '社区干部' }], 'member')}</label>
  <label>可用次数<input type="number" name="maxUses" min="1" max="1000" value="20" required></label>
  <button type="submit">生成邀请码</button>
</form>
${
  v.invites.length === 0
    ? html`<p class="muted">还没有邀请码。</p>`
    : html`<div class="table-wrap"><table class="cards invites"><thead><tr><th>邀请码</th><th>社区</th><th>身份</th><th class="num">已用/次数</th><th>有效期至</th><th></th></tr></thead><tbody>${v.invites.map(
        (i) => html`<tr data-invite="${i.code}"><td data-label="邀请码"><code>${i.code}</code></td><td data-label="社区">${i.community}</td><td data-label="身份">${ROLE_LABELS[i.role] ?? i.role}</td><td class="num" data-label="已用">${i.uses}/${i.maxUses}</td><td data-label="有效期">${i.expiresAt}${!i.usable && html` <small>（已失效）</small>`}</td>
<td data-label="">${i.usable && html`<form method="post" action="/console/invites/${i.id}/revoke" data-confirm="确定作废邀请码 ${i.code}？">${csrfField(v.csrf)}<button class="light" type="submit">作废</button></form>`}</td></tr>`,
      )}</tbody></table></div>
<p class="muted">报到方式：在群里或私聊给连心发“报到 邀请码”。</p>`
}

<h2 id="grids">网格</h2>
<form class="card inline" method="post" action="/console/grids">
  ${csrfField(v.csrf)}
  <label>社区${select('communityId', communities, v.query.community ?? communities[0]?.value, { required: true })}</label>
  <label>网格名称<input type="text" name="name" maxlength="50" required placeholder="例如：第一网格"></label>
  <button type="submit">添加网格</button>
</form>
${v.grids.length === 0 ? html`<p class="muted">还没有网格。</p>` : html`<table class="cards grids"><thead><tr><th>社区</th><th>网格</th><th class="num">人数</th></tr></thead><tbody>${v.grids.map((g) => html`<tr><td data-label="社区">${g.community}</td><td data-label="网格">${g.name}</td><td class="num" data-label="人数">${g.people}</td></tr>`)}</tbody></table>`}`;
  return page({ title: '人员', section: 'people', viewer: v.viewer, csrf: v.csrf, notice: v.notice, body });
}
