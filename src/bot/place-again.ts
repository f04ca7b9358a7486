import type { Tx } from '../db/sql.ts';
import { HOUR } from '../core/clock.ts';
import type { MessageContext } from './context.ts';
import { extractPlace } from './extract-place.ts';
import { normalizeText } from './normalize-text.ts';
import type { Outgoing } from './outgoing.ts';
import { say } from './say.ts';
import { residents } from './texts/residents.ts';
import type { BotDeps } from './bot-deps.ts';
import { runCommand } from './commands/index.ts';
import { newestOwnRequest, newestOwnRow } from './put-right.ts';

const ADDRESS_FIX = /^(?:地址|地点)(?:不对|错了|写错了)?[\s,，。]*(?:应该是|应为|改为|改成|是)[:：\s]*(\S.{1,40})$/u;

/**
 * "6幢3单元502" sent again soon after a receipt: the address of the request just filed, said once
 * more (elders repeat themselves), not a new request. It is kept when the item had none. True when
 * the words were only that.
 */
export async function placeAgain(tx: Tx, ctx: MessageContext, text: string, out: Outgoing, deps: BotDeps): Promise<boolean> {
  const said = normalizeText(text).trim().replace(/[\s,，。.!！~～啊呀哦嘛呢]+$/u, '');
  // "地址改为 5栋301", "地址不对 是5栋301": their newest request's, put right (as "N号地址改为 …").
  const fix = ADDRESS_FIX.exec(said);
  const newest = fix ? await newestOwnRequest(tx, ctx.person.id, ctx.now) : null;
  if (fix && newest !== null) {
    await runCommand(tx, ctx, { type: 'place', id: newest, place: fix[1]! }, out, deps);
    return true;
  }
  const place = extractPlace(said);
  if (place === null || said.replace(place, '').replace(/^(?:地址|地点|住|我住|家住|在)[是:：]?|[\s,，。]/gu, '').length > 2) return false;
  const item = await newestOwnRow(tx, ctx.person.id, ctx.now, HOUR);
  if (!item) return false;
  // Another address than the one kept: put right, as "N号地址改为 …" would (the holder is told).
  if (item.place !== null && normalizeText(item.place).replace(/\s+/gu, '') !== place.replace(/\s+/gu, '')) {
    await runCommand(tx, ctx, { type: 'place', id: item.id, place }, out, deps);
    return true;
  }
  if (item.place === null) await tx.run('UPDATE items SET place = ?, updated_at = ? WHERE id = ?', [place, ctx.now, item.id]);
  say(ctx, out, residents.placeKept(item.id, item.place ?? place));
  return true;
}
