import { assetUrl } from './console-assets.ts';
import { html, type Html } from './html.ts';

/** Who is looking: an official (their communities) or the admin (everything). */
export type Viewer = {
  name: string;
  admin: boolean;
  /** The communities in view: the official's own, or every community for the admin. */
  communities: ReadonlyArray<{ id: number; name: string }>;
};

export const SECTIONS = {
  ledger: { title: '台账', href: '/console/ledger', admin: false },
  overview: { title: '概览', href: '/console/overview', admin: false },
  people: { title: '人员', href: '/console/people', admin: false },
  groups: { title: '群聊', href: '/console/groups', admin: false },
  jobs: { title: '任务', href: '/console/jobs', admin: true },
  outbox: { title: '未送达', href: '/console/outbox', admin: true },
} as const;
export type Section = keyof typeof SECTIONS;

export type Notice = { kind: 'ok' | 'error'; text: string };

export type PageShell = {
  title: string;
  section?: Section;
  viewer?: Viewer | null;
  /** The session's CSRF token, for the sign-out form. */
  csrf?: string;
  notice?: Notice | null;
  body: Html;
  /** The 概览 page draws charts. */
  charts?: boolean;
};

/** A whole console page: header, tabs for what the viewer may open, the notice, the body. */
export function page(p: PageShell): string {
  const viewer = p.viewer ?? null;
  const tabs = viewer
    ? (Object.entries(SECTIONS) as Array<[Section, (typeof SECTIONS)[Section]]>).filter(([, s]) => !s.admin || viewer.admin)
    : [];
  return `<!doctype html>\n${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${p.title} · 连心工作台</title>
<link rel="stylesheet" href="${assetUrl('console.css')}">
</head>
<body>
<header class="top"><div class="top-inner">
  <a class="brand" href="/console">连心 · 工作台</a>
  ${viewer && html`<div class="who"><span>${viewer.name}</span>
    <form method="post" action="/console/logout"><input type="hidden" name="csrf" value="${p.csrf ?? ''}"><button type="submit">退出</button></form></div>`}
</div></header>
${tabs.length > 0 && html`<nav class="tabs" aria-label="栏目"><div class="tabs-inner">${tabs.map(
    ([key, s]) => html`<a href="${s.href}"${key === p.section ? html` aria-current="page"` : ''}>${s.title}</a>`,
  )}</div></nav>`}
<main>
${p.notice && html`<div class="notice ${p.notice.kind}" role="${p.notice.kind === 'error' ? 'alert' : 'status'}">${p.notice.text}</div>`}
${p.body}
</main>
${p.charts && html`<script src="${assetUrl('echarts.min.js')}"></script>`}
<script src="${assetUrl('console.js')}"></script>
</body>
</html>`.text}\n`;
}
