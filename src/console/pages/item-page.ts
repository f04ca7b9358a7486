import { html, type Html } from '../html.ts';
import { page, type Notice, type Viewer } from '../layout.ts';
import { csrfField, priorityBadge, select, statusBadge, type Option } from '../components.ts';
import { KIND_LABELS, PRIORITY_LABELS } from '../ledger-filter.ts';

/** An item as its page shows it; times formatted by the loader. Contacts in full: only officials see this page. */
export type ItemView = {
  viewer: Viewer;
  csrf: string;
  notice?: Notice | null;
  item: {
    id: number;
    kind: string;
    status: string;
    priority: string;
    text: string;
    place: string | null;
    category: string | null;
    community: string;
    grid: string | null;
    gridId: number | null;
    createdAt: string;
    deadline: string | null;
    late: boolean;
    answerDue: string | null;
    holder: string | null;
    mergedIntoId: number | null;
    relatedToId: number | null;
  };
  submitter: { name: string; phone: string | null; address: string | null; platform: string } | null;
  supporters: ReadonlyArray<{ name: string; at: string }>;
  photos: readonly string[];
  ratings: ReadonlyArray<{ at: string; rating: number; comment: string | null; current: boolean }>;
  revisits: ReadonlyArray<{ askedAt: string; answeredAt: string | null; answer: string | null }>;
  timeline: ReadonlyArray<{ at: string; what: string; who: string | null; note: string | null }>;
  /** Which actions the item's status allows (the lifecycle table decides). */
  can: { assign: boolean; reject: boolean; merge: boolean; reopen: boolean; edit: boolean };
  members: readonly Option[];
  categories: readonly string[];
  grids: readonly Option[];
};

const PLATFORM_NAMES: Record<string, string> = { wecom: '企业微信', dingtalk: '钉钉', sim: '模拟器', wechat: '微信客服' };

/** 条目: the facts, the timeline, every rating, the revisits, and the official's actions. */
export function itemPage(v: ItemView): string {
  const i = v.item;
  const action = (name: string) => `/console/items/${i.id}/${name}`;
  const form = (name: string, title: string, fields: Html, button: string, confirm?: string) =>
    html`<form method="post" action="${action(name)}"${confirm ? html` data-confirm="${confirm}"` : ''}>${csrfField(v.csrf)}<h3>${title}</h3>${fields}<p><button type="submit">${button}</button></p></form>`;
  const body = html`
<p><a href="/console/ledger">← 返回台账</a></p>
<h1>#${i.id} ${KIND_LABELS[i.kind as keyof typeof KIND_LABELS] ?? i.kind} ${statusBadge(i.status)} ${priorityBadge(i.priority)}</h1>
<section class="card">
<dl class="facts">
  <dt>内容</dt><dd data-field="text">${i.text}</dd>
  <dt>地点</dt><dd>${i.place ?? '—'}</dd>
  <dt>社区/网格</dt><dd>${i.community}${i.grid ? ` · ${i.grid}` : ''}</dd>
  <dt>类别</dt><dd>${i.category ?? '—'}</dd>
  <dt>优先级</dt><dd>${PRIORITY_LABELS[i.priority as keyof typeof PRIORITY_LABELS] ?? i.priority}</dd>
  <dt>提出时间</dt><dd>${i.createdAt}</dd>
  <dt>承诺答复</dt><dd>${i.answerDue ?? '—'}</dd>
  <dt>办结期限</dt><dd${i.late ? html` class="late"` : ''}>${i.deadline ?? '—'}${i.late && '（已超期）'}</dd>
  <dt>认领/承办</dt><dd data-field="holder">${i.holder ?? '无'}</dd>
  ${i.mergedIntoId !== null && html`<dt>已合并到</dt><dd><a href="/console/items/${i.mergedIntoId}">#${i.mergedIntoId}</a></dd>`}
  ${i.relatedToId !== null && html`<dt>此前的反映</dt><dd><a href="/console/items/${i.relatedToId}">#${i.relatedToId}</a></dd>`}
  <dt>提出人</dt><dd>${v.submitter ? html`${v.submitter.name}${v.submitter.phone && html` · <a href="tel:${v.submitter.phone}">${v.submitter.phone}</a>`}${v.submitter.address && html` · ${v.submitter.address}`} <small>（${PLATFORM_NAMES[v.submitter.platform] ?? v.submitter.platform}）</small>` : '—'}</dd>
  <dt>附议</dt><dd>${v.supporters.length === 0 ? '无' : html`${v.supporters.length} 户：${v.supporters.map((s, n) => html`${n > 0 ? '、' : ''}${s.name}`)}`}</dd>
</dl>
${v.photos.length > 0 && html`<h3>照片</h3><ul class="photos">${v.photos.map((p, n) => html`<li>${/^https?:\/\//u.test(p) ? html`<a href="${p}" rel="noreferrer noopener" target="_blank">照片 ${n + 1}</a>` : html`<code>${p}</code>`}</li>`)}</ul>`}
</section>

<section class="card">
<h2>评价</h2>
${v.ratings.length === 0 ? html`<p class="muted">还没有评价。</p>` : html`<ul>${v.ratings.map((r) => html`<li data-rating="${r.rating}">${r.at} · <strong>${r.rating} 分</strong>${r.comment && html`：${r.comment}`}${r.current && html` <small>（最新）</small>`}</li>`)}</ul>`}
<h2>回访</h2>
${v.revisits.length === 0 ? html`<p class="muted">没有回访。</p>` : html`<ul>${v.revisits.map((r) => html`<li>${r.askedAt} 回访 · ${r.answer === 'yes' ? '已解决' : r.answer === 'no' ? html`<span class="late">问题复现</span>` : '未答复'}${r.answeredAt && html`（${r.answeredAt}）`}</li>`)}</ul>`}
</section>

<section class="card">
<h2>办理过程</h2>
<ol class="timeline">${v.timeline.map((e) => html`<li><span class="when">${e.at}</span><strong>${e.what}</strong>${e.who && html`（${e.who}）`}${e.note && html`：${e.note}`}</li>`)}</ol>
</section>

<section>
<h2>办理</h2>
<div class="actions-grid">
${v.can.assign && form('assign', '交办', html`
  <label>交给志愿者或干部${select('personId', v.members, null, { blank: '— 选择人员 —' })}</label>
  <label>或交给单位<input type="text" name="unit" maxlength="50" placeholder="例如：物业公司、街道城管科"></label>`, '交办')}
${v.can.edit && form('category', '设置类别', html`<label>类别${select('category', v.categories.map((c) => ({ value: c, label: c })), i.category, { required: true })}</label>`, '保存')}
${v.can.edit && form('priority', '设置优先级', html`<label>优先级${select('priority', [{ value: 'normal', label: '普通' }, { value: 'urgent', label: '紧急' }], i.priority)}</label>`, '保存')}
${v.can.edit && form('deadline', '设置期限', html`<label>从今天起几个工作日<input type="number" name="days" min="1" max="60" required value="3"></label>`, '保存')}
${v.can.edit && v.grids.length > 0 && form('grid', '设置网格', html`<label>网格${select('gridId', v.grids, i.gridId, { blank: '— 不属于网格 —' })}</label>`, '保存')}
${v.can.reject && form('reject', '驳回', html`<label>原因（会告诉提出人）<textarea name="reason" required maxlength="200"></textarea></label>`, '驳回', `确定驳回 #${i.id}？`)}
${v.can.merge && form('merge', '合并到另一件', html`<label>合并到编号<input type="number" name="into" min="1" required placeholder="例如 8"></label>`, '合并', `确定把 #${i.id} 合并到另一件？`)}
${v.can.reopen && form('reopen', '重新打开', html`<label>原因<textarea name="reason" required maxlength="200"></textarea></label>`, '重新打开', `确定重新打开 #${i.id}？`)}
${form('note', '写民情日记', html`<label>记录（只在台账里，不发给居民）<textarea name="note" required maxlength="500"></textarea></label>`, '记下')}
</div>
</section>`;
  return page({ title: `#${i.id}`, section: 'ledger', viewer: v.viewer, csrf: v.csrf, notice: v.notice, body });
}
