import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Item } from '../../db/rows.ts';
import { pageError, viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { canSeeCommunity } from '../viewer.ts';

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** The item of the path, if it exists and is in one of the viewer's communities; otherwise a page saying so (nothing of it shown). */
export async function findVisibleItem(deps: ConsoleDeps, request: FastifyRequest): Promise<Item> {
  const { viewer, csrf } = viewerOf(request);
  const p = idParam.safeParse(request.params);
  if (!p.success) throw pageError(404, '没有这件事', '编号不对。', viewer, csrf);
  const item = await deps.db.get<Item>('SELECT * FROM items WHERE id = ?', [p.data.id]);
  if (!item) throw pageError(404, '没有这件事', `没有找到 #${p.data.id}。`, viewer, csrf);
  if (!canSeeCommunity(viewer, item.communityId)) throw pageError(403, '无权查看', '这件事不属于您管理的社区。', viewer, csrf);
  return item;
}
