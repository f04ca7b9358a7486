import { html } from '../html.ts';
import { page, type Section, type Viewer } from '../layout.ts';

/** A page that only says something: a refusal (403, 404, a bad filter), an expired link. */
export function messagePage(v: { title: string; text: string; viewer?: Viewer | null; csrf?: string; section?: Section; back?: { href: string; label: string } }): string {
  const body = html`<h1>${v.title}</h1><div class="notice error" role="alert">${v.text}</div>${v.back && html`<p><a href="${v.back.href}">${v.back.label}</a></p>`}`;
  return page({ title: v.title, viewer: v.viewer, csrf: v.csrf, section: v.section, body });
}
