import type { RosterCheck } from '../roster/check-roster.ts';
import { csrfField } from '../components.ts';
import { html } from '../html.ts';
import { page, type Viewer } from '../layout.ts';
import { PLATFORM_LABELS, ROLE_LABELS } from './people-page.ts';

export type RosterPreviewView = {
  viewer: Viewer;
  csrf: string;
  filename: string;
  /** A file that could not be read at all. */
  problem: string | null;
  check: RosterCheck | null;
  /** What applying would do, per row line: 新增, 更新, 不变. */
  outcome: ReadonlyMap<number, string>;
  /** The rows to apply, as sent back by the apply form (checked again on apply). */
  payload: string;
};

/** The roster preview: every row and its problems; the apply button only for rows without any. */
export function rosterPreviewPage(v: RosterPreviewView): string {
  const rows = v.check?.rows ?? [];
  const good = rows.filter((r) => r.problems.length === 0);
  const bad = rows.length - good.length;
  const fileProblems = v.problem ? [v.problem] : (v.check?.fileProblems ?? []);
  const body = html`
<p><a href="/console/people#roster">← 返回人员</a></p>
<h1>花名册预览 <small>${v.filename}</small></h1>
${
  fileProblems.length > 0
    ? html`<div class="notice error" role="alert"><strong>这个文件不能导入：</strong><ul class="problems">${fileProblems.map((p) => html`<li>${p}</li>`)}</ul></div>
<p>请改好后<a href="/console/people#roster">重新上传</a>，或<a href="/console/roster/template.xlsx" download>下载模板</a>对照。</p>`
    : html`<p class="card" data-summary>共 <strong>${rows.length}</strong> 行：<strong>${good.length}</strong> 行可以导入${bad > 0 && html`，<strong class="late">${bad}</strong> 行有问题（不会导入）`}。${
        v.check!.newGrids.length > 0 && html`<br>将新建网格：${v.check!.newGrids.join('、')}`
      }</p>
${good.length > 0 && html`<form method="post" action="/console/roster/apply" class="card">${csrfField(v.csrf)}<input type="hidden" name="rows" value="${v.payload}">
  <button type="submit">${bad > 0 ? `导入没有问题的 ${good.length} 行` : `导入 ${good.length} 行`}</button> <a href="/console/people#roster">取消</a></form>`}
<div class="table-wrap"><table class="cards roster"><thead><tr><th>行</th><th>姓名</th><th>手机号</th><th>平台</th><th>平台账号</th><th>角色</th><th>社区</th><th>网格</th><th>结果</th></tr></thead><tbody>
${rows.map(
  (r) => html`<tr${r.problems.length > 0 ? html` class="bad"` : ''} data-line="${r.line}"><td data-label="行">${r.line}</td><td data-label="姓名">${r.name}</td><td data-label="手机号">${r.phone}</td>
<td data-label="平台">${r.platform ? PLATFORM_LABELS[r.platform] : '—'}</td><td data-label="平台账号">${r.platformUserId}</td><td data-label="角色">${r.role ? ROLE_LABELS[r.role] : '—'}</td>
<td data-label="社区">${r.community}</td><td data-label="网格">${r.grid || '—'}</td>
<td data-label="结果">${r.problems.length > 0 ? html`<ul class="problems">${r.problems.map((p) => html`<li>${p}</li>`)}</ul>` : (v.outcome.get(r.line) ?? '可以导入')}</td></tr>`,
)}</tbody></table></div>`
}`;
  return page({ title: '花名册预览', section: 'people', viewer: v.viewer, csrf: v.csrf, body });
}
