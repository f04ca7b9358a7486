import { csrfField } from '../components.ts';
import { html } from '../html.ts';
import { page, type Notice, type Viewer } from '../layout.ts';
import { PLATFORM_LABELS } from './people-page.ts';
import { short } from './ledger-page.ts';

const STATUS: Record<string, string> = { dead: '发送失败', held: '等居民再发消息', pending: '等待重试', sending: '发送中' };

export type OutboxView = {
  viewer: Viewer;
  csrf: string;
  notice?: Notice | null;
  messages: ReadonlyArray<{ id: number; platform: string; target: string; text: string; status: string; attempts: number; lastError: string | null; createdAt: string; notBefore: string }>;
};

/** 未送达: messages that died after their last try, wait for a resident (微信客服's window), or keep failing. */
export function outboxPage(v: OutboxView): string {
  const body = html`
<h1>未送达</h1>
<p class="muted">发送失败的消息可以重试；“等居民再发消息”的会在居民下次发消息时自动送出。</p>
${
  v.messages.length === 0
    ? html`<p class="card">没有未送达的消息。</p>`
    : html`<div class="table-wrap"><table class="cards outbox"><thead><tr><th>#</th><th>发给</th><th>内容</th><th>状态</th><th class="num">尝试</th><th>原因</th><th>时间</th><th></th></tr></thead><tbody>${v.messages.map(
        (m) => html`<tr data-message="${m.id}"><td data-label="#">${m.id}</td><td data-label="发给">${PLATFORM_LABELS[m.platform] ?? m.platform} · ${m.target}</td><td data-label="内容">${short(m.text, 60)}</td>
<td data-label="状态">${STATUS[m.status] ?? m.status}</td><td class="num" data-label="尝试">${m.attempts}</td><td data-label="原因">${m.lastError ?? '—'}</td><td data-label="时间">${m.createdAt}</td>
<td data-label="">${m.status === 'dead' && html`<form method="post" action="/console/outbox/${m.id}/retry">${csrfField(v.csrf)}<button class="light" type="submit">重试</button></form>`}</td></tr>`,
      )}</tbody></table></div>`
}`;
  return page({ title: '未送达', section: 'outbox', viewer: v.viewer, csrf: v.csrf, notice: v.notice, body });
}
