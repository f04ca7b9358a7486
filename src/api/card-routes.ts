import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderCardHtml } from '../card/card-html.ts';
import { qrPng, qrSvg } from '../card/card-qr.ts';
import type { Community } from '../db/rows.ts';
import type { Db } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import { createCommunityLink } from '../channels/wecom-kf/community-link.ts';
import type { KfApi } from '../channels/wecom-kf/kf-api.ts';
import { HttpError } from '../web/http-error.ts';
import { idParams, refusals } from './schemas.ts';

export type CardRouteDeps = {
  db: Db;
  log: Logger;
  /** 微信客服, when configured: the API and the account (WECOM_KF_OPEN_KFID) links are made for. */
  kf: { api: KfApi; openKfid: string } | null;
};

const cardQuery = z.object({ format: z.enum(['html', 'png']).default('html') });
const linkAnswer = z.object({ url: z.string(), created: z.boolean().meta({ description: 'false：链接早已生成，这次返回存着的那个' }) });

const NOT_CONFIGURED = '还没有配置微信客服：请设置 WECOM_CORP_ID、WECOM_KF_TOKEN、WECOM_KF_ENCODING_AES_KEY、WECOM_KF_SECRET、WECOM_KF_OPEN_KFID（见 docs/wecom.md）';

/**
 * A community's 连心卡 (issue 10): its 微信客服 link, and the printable card with the link's QR code.
 * Behind the admin bearer token like the rest of /api.
 */
export const cardRoutes: FastifyPluginAsyncZod<CardRouteDeps> = async (app, deps) => {
  const { db } = deps;
  const load = async (id: number) => {
    const c = await db.get<Pick<Community, 'id' | 'name' | 'phone' | 'wechatLink'>>('SELECT id, name, phone, wechat_link FROM communities WHERE id = ?', [id]);
    if (!c) throw new HttpError(404, `没有编号为 ${id} 的社区`);
    return c;
  };

  /** Makes the community's link (kf/add_contact_way, scene = the community), or returns the one stored: 201 {url}. */
  app.post(
    '/communities/:id/wechat-link',
    { schema: { params: idParams, response: { 201: linkAnswer, ...refusals(404, 409, 502) } } },
    async (request, reply) => {
      const { id } = request.params;
      const c = await load(id);
      if (c.wechatLink) return reply.status(201).send({ url: c.wechatLink, created: false });
      if (!deps.kf) throw new HttpError(409, NOT_CONFIGURED);
      let url: string;
      try {
        url = await createCommunityLink(deps.kf.api, deps.kf.openKfid, id);
      } catch (error) {
        // A fixed description with the errcode; never WeCom's text or a URL (it may hold the token).
        deps.log.warn({ communityId: id, err: (error as Error).message }, '微信客服 link not made');
        throw new HttpError(502, `企业微信没有生成链接：${(error as Error).message}`);
      }
      // Two admins at once: the first link stored wins, both get it.
      await db.run('UPDATE communities SET wechat_link = ? WHERE id = ? AND wechat_link IS NULL', [url, id]);
      const stored = (await load(id)).wechatLink ?? url;
      return reply.status(201).send({ url: stored, created: stored === url });
    },
  );

  /** The printable card: HTML (A6, print CSS), or ?format=png for the QR code alone. */
  app.get('/communities/:id/card', { schema: { params: idParams, querystring: cardQuery } }, async (request, reply) => {
    const { id } = request.params;
    const { format } = request.query;
    const c = await load(id);
    if (format === 'png') {
      if (!c.wechatLink) throw new HttpError(409, deps.kf ? `社区 ${id} 还没有链接：先 POST /api/communities/${id}/wechat-link` : NOT_CONFIGURED);
      return reply.type('image/png').header('content-disposition', `inline; filename="lianxin-card-${id}.png"`).send(await qrPng(c.wechatLink));
    }
    const groups = c.wechatLink
      ? []
      : (await db.all<{ name: string | null }>('SELECT name FROM group_chats WHERE community_id = ? ORDER BY id LIMIT 4', [id])).flatMap((g) => (g.name ? [g.name] : []));
    const setupHint = c.wechatLink
      ? null
      : deps.kf
        ? `管理员：请先生成链接 POST /api/communities/${id}/wechat-link`
        : '管理员：配置微信客服（WECOM_KF_* 变量）后生成链接，居民扫码即可留言';
    const html = renderCardHtml({
      communityName: c.name,
      link: c.wechatLink,
      qrSvg: c.wechatLink ? await qrSvg(c.wechatLink) : null,
      phone: c.phone,
      groups,
      setupHint,
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
};
