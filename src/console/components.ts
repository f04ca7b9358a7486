import type { ItemStatus } from '../domain/types.ts';
import { html, type Html } from './html.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from './ledger-filter.ts';

export type Option = { value: string | number; label: string };

/** A <select>; `blank` adds a first "any" option with an empty value (the filter then ignores it). */
export function select(name: string, options: readonly Option[], selected: string | number | undefined | null, opts: { blank?: string; autosubmit?: boolean; id?: string; required?: boolean } = {}): Html {
  const current = selected === undefined || selected === null ? '' : String(selected);
  return html`<select name="${name}"${opts.id ? html` id="${opts.id}"` : ''}${opts.autosubmit ? html` data-autosubmit` : ''}${opts.required ? html` required` : ''}>
${opts.blank !== undefined && html`<option value="">${opts.blank}</option>`}${options.map(
    (o) => html`<option value="${String(o.value)}"${String(o.value) === current ? html` selected` : ''}>${o.label}</option>`,
  )}</select>`;
}

export function statusBadge(status: string): Html {
  return html`<span class="badge st-${status}">${STATUS_LABELS[status as ItemStatus] ?? status}</span>`;
}

export function priorityBadge(priority: string): Html {
  return priority === 'urgent' ? html`<span class="badge urgent-badge">${PRIORITY_LABELS.urgent}</span>` : html``;
}

/** The CSRF token every POST form carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="csrf" value="${token}">`;
}

/** "共 123 条 · 第 2/7 页" with previous and next links built by `href(page)`. */
export function pager(total: number, page: number, size: number, href: (page: number) => string): Html {
  const pages = Math.max(1, Math.ceil(total / size));
  return html`<div class="pager" aria-label="分页">
  <span>共 <strong data-total>${total}</strong> 条 · 第 ${Math.min(page, pages)}/${pages} 页</span>
  ${page > 1 && html`<a class="button light" href="${href(page - 1)}" rel="prev">上一页</a>`}
  ${page < pages && html`<a class="button light" href="${href(page + 1)}" rel="next">下一页</a>`}
</div>`;
}

/** A percentage with its counts ("80%（8/10）"), or "—" when there is nothing to divide. */
export function percentText(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%（${part}/${whole}）`;
}

/** A duration in seconds as hours under a day, days beyond ("5.5 小时", "2.3 天"). */
export function durationText(seconds: number | null): string {
  if (seconds === null) return '—';
  const hours = seconds / 3600;
  return hours < 24 ? `${hours.toFixed(1)} 小时` : `${(hours / 24).toFixed(1)} 天`;
}
