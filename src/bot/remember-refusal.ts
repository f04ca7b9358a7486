import type { Tx } from '../db/sql.ts';
import type { DomainError } from '../domain/errors.ts';
import { refused, runCommand, type Runnable } from './commands/index.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { answered, ask } from './prompts.ts';
import { inList } from '../db/sql.ts';
import { MINUTE } from '../core/clock.ts';

// "认领7" refused (7 is someone else's), then "打错了 是17号": the same command, on the number meant.
const AGAIN = { claim: 'refused_claim', done: 'refused_done', status: 'refused_status', support: 'refused_support', withdraw: 'refused_withdraw' } as const;
type Again = keyof typeof AGAIN;
const KINDS = Object.values(AGAIN);

/** Records the command a refusal answered, when it is one a corrected number can run again. */
export async function rememberRefusal(tx: Tx, ctx: MessageContext, error: DomainError): Promise<void> {
  const cmd = refused.get(error);
  // "分类设为房屋修缮" refused with the list: the next words may name one of it.
  if (cmd?.type === 'category' && error.code === 'unknown_category') return ask(tx, ctx.person.id, 'category', cmd.id, ctx.now);
  if (!cmd || !(cmd.type in AGAIN) || !('id' in cmd) || typeof cmd.id !== 'number') return;
  await ask(tx, ctx.person.id, AGAIN[cmd.type as Again], cmd.id, ctx.now);
}

/** Runs the refused command of a moment ago on `id`; false when there was none. */
export async function retryRefused(tx: Tx, ctx: MessageContext, id: number, out: Outgoing, deps: BotDeps): Promise<boolean> {
  // Read apart from the other prompts: the refused number may be no item at all ("认领 5", not found).
  const prompt = await tx.get<{ id: number; kind: string; itemId: number }>(
    `SELECT id, kind, item_id FROM prompts WHERE person_id = ? AND answered_at IS NULL AND asked_at > ? AND kind IN ${inList(KINDS.length)} ORDER BY asked_at DESC, id DESC LIMIT 1`,
    [ctx.person.id, new Date(ctx.now.getTime() - 5 * MINUTE), ...KINDS],
  );
  if (!prompt || prompt.itemId === id) return false;
  await answered(tx, prompt.id, ctx.now);
  const type = (Object.entries(AGAIN).find(([, kind]) => kind === prompt.kind)?.[0] ?? 'status') as Again;
  const again: Runnable =
    type === 'done' ? { type, id, note: '' } : type === 'withdraw' ? { type, id, reason: '' } : type === 'claim' ? { type, id } : type === 'support' ? { type, id } : { type: 'status', id };
  await runCommand(tx, ctx, again, out, deps);
  return true;
}
