import { html } from '../html.ts';
import { page } from '../layout.ts';

/**
 * Sign-in: officials use the link the bot sends for "登录"; the admin types ADMIN_TOKEN here. The
 * form carries the pre-session token that its cookie holds (login CSRF).
 */
export function loginPage(v: { csrf: string; error?: string | null; botName: string }): string {
  const body = html`
<div class="login">
<h1>登录连心工作台</h1>
${v.error && html`<div class="notice error" role="alert">${v.error}</div>`}
<section class="card">
<h2>社区干部</h2>
<p>在企业微信或钉钉里，私聊给“${v.botName}”发：<strong>登录</strong></p>
<p>点它回复的链接即可进入（10 分钟内有效，只能用一次）。</p>
</section>
<section class="card">
<h2>管理员</h2>
<form method="post" action="/console/login">
  <input type="hidden" name="csrf" value="${v.csrf}">
  <label>管理口令（ADMIN_TOKEN）<input type="password" name="token" autocomplete="current-password" required></label>
  <p><button type="submit">登录</button></p>
</form>
</section>
</div>`;
  return page({ title: '登录', body });
}
