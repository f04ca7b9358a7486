import type { Tx } from '../db/sql.ts';
import { answerRest } from './answer-rest.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { startDialogue } from './dialogue.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import type { Outgoing } from './outgoing.ts';

/**
 * The new matter said after a verdict ("五星 谢谢小王。另外我家晾衣架坏了…"), as a message of its
 * own: about another item it is answered as such ("…另外5号那个声控灯还没修好诶"); else it is a new
 * request. Always true: the message has been answered.
 */
export async function matterAfterVerdict(tx: Tx, ctx: MessageContext, matter: string, itemId: number, out: Outgoing, deps: BotDeps): Promise<true> {
  const rest = { ...ctx, msg: { ...ctx.msg, text: matter } };
  const named = itemIdsIn(normalizeText(matter)).some((m) => m.id !== itemId);
  if (!named || !(await answerRest(tx, rest, matter, out, deps))) await startDialogue(tx, rest, { kind: null, text: matter }, out, deps);
  return true;
}
