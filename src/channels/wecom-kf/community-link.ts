import { WecomApiError } from '../wecom/wecom-http.ts';
import type { KfApi } from './kf-api.ts';
import { describeKfError } from './kf-outcome.ts';

/** A community's scene on its link: [0-9a-zA-Z_-], at most 32 bytes (add_contact_way). */
export function communityScene(communityId: number): string {
  return `community-${communityId}`;
}

/**
 * Makes the account's link for one community (kf/add_contact_way with the community as the
 * scene) and appends scene_param, which WeChat hands back unchanged in enter_session, so that a
 * resident who opens it belongs to that community. WeCom's own parameters are left as they are
 * ("返回的客服链接，不能修改或复制参数到其他链接使用").
 */
export async function createCommunityLink(api: KfApi, openKfid: string, communityId: number): Promise<string> {
  const scene = communityScene(communityId);
  const reply = await api.addContactWay({ openKfid, scene });
  if (reply.errcode !== 0) throw new WecomApiError(`add_contact_way: ${describeKfError(reply.errcode)}`, reply.errcode);
  const url = typeof reply.url === 'string' ? reply.url : '';
  // Printed on cards: only an https link is taken.
  if (!/^https:\/\/[^\s"'<>]+$/u.test(url) || url.length > 1000) throw new WecomApiError('add_contact_way: no https url in the answer', null);
  return `${url}${url.includes('?') ? '&' : '?'}scene_param=${encodeURIComponent(scene)}`;
}
