import { csrfField, select } from '../components.ts';
import { html } from '../html.ts';
import { page, type Notice, type Viewer } from '../layout.ts';
import { PLATFORM_LABELS } from './people-page.ts';

export type GroupsView = {
  viewer: Viewer;
  csrf: string;
  notice?: Notice | null;
  groups: ReadonlyArray<{ id: number; platform: string; conversationId: string; name: string | null; community: string; hasWebhook: boolean; createdAt: string }>;
};

/** 群聊: which group is bound to which community. The admin binds; officials see their own. */
export function groupsPage(v: GroupsView): string {
  const body = html`
<h1>群聊</h1>
${
  v.groups.length === 0
    ? html`<p class="card muted">还没有绑定的群。</p>`
    : html`<div class="table-wrap"><table class="cards groups"><thead><tr><th>群名</th><th>平台</th><th>会话 ID</th><th>社区</th><th>推送机器人</th><th>绑定时间</th></tr></thead><tbody>${v.groups.map(
        (g) => html`<tr data-group="${g.id}"><td data-label="群名">${g.name ?? '（未命名）'}</td><td data-label="平台">${PLATFORM_LABELS[g.platform] ?? g.platform}</td><td data-label="会话"><code>${g.conversationId}</code></td><td data-label="社区">${g.community}</td><td data-label="机器人">${g.hasWebhook ? '已设置' : '—'}</td><td data-label="时间">${g.createdAt}</td></tr>`,
      )}</tbody></table></div>`
}
${
  v.viewer.admin
    ? html`<h2>绑定群</h2>
<form class="card filters" method="post" action="/console/groups">
  ${csrfField(v.csrf)}
  <label>平台${select('platform', Object.entries(PLATFORM_LABELS).filter(([k]) => k !== 'wechat').map(([value, label]) => ({ value, label })), 'wecom')}</label>
  <label>会话 ID<input type="text" name="conversationId" required maxlength="256"></label>
  <label>社区${select('communityId', v.viewer.communities.map((c) => ({ value: c.id, label: c.name })), v.viewer.communities[0]?.id, { required: true })}</label>
  <label>群名<input type="text" name="name" maxlength="100"></label>
  <div class="actions wide"><button type="submit">绑定</button></div>
  <p class="wide muted">同一个群再次绑定会改到新社区；推送机器人的密钥请用管理接口设置（不在页面上显示）。</p>
</form>
<h2>社区</h2>
<form class="card inline" method="post" action="/console/communities">
  ${csrfField(v.csrf)}
  <label>新社区名称<input type="text" name="name" required maxlength="100"></label>
  <button type="submit">添加社区</button>
</form>`
    : html`<p class="muted">绑定或改绑群请联系管理员。群里的人发消息给连心时，就会按群所属的社区登记。</p>`
}`;
  return page({ title: '群聊', section: 'groups', viewer: v.viewer, csrf: v.csrf, notice: v.notice, body });
}
