import type { Tx } from '../../db/sql.ts';
import { isOfficialOf } from '../../domain/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { stripMentions } from '../strip-mentions.ts';
import { takeBack } from '../take-back-done.ts';
import type { BotDeps } from '../bot-deps.ts';
import type { MessageContext } from '../context.ts';
import type { Outgoing } from '../outgoing.ts';
import { everyoneCommands } from './everyone.ts';
import { loginCommand } from './login.ts';
import { memberCommands } from './members.ts';
import { officialCommands } from './officials.ts';
import { passOnCommand } from './pass-on.ts';
import type { CommandType, Handler, Handlers, Runnable } from './table.ts';

export type { Runnable } from './table.ts';

/**
 * Every command, name → handler. The type demands one handler per command the parser knows, so a
 * new command cannot go unanswered. Who may do what is checked in the domain (permissions.ts).
 */
export const COMMANDS: Handlers<CommandType> = { ...everyoneCommands, ...memberCommands, ...officialCommands, ...loginCommand, ...passOnCommand };

/** Runs one parsed command inside the transaction and says what it did. */
export async function runCommand(tx: Tx, ctx: MessageContext, cmd: Runnable, out: Outgoing, deps: BotDeps): Promise<void> {
  // "5号还没修好 先别算完成" from its holder (a dispute is the submitter's): the completion taken back.
  if (cmd.type === 'dispute' && (await holdsDone(tx, ctx, cmd.id))) return takeBack(tx, ctx, cmd.id, out);
  const meant =
    cmd.type === 'deadline' ? await holderPromise(tx, ctx, cmd) : cmd.type === 'progress' ? await progressAsked(tx, ctx, cmd) : cmd.type === 'assign' ? await handedBack(tx, ctx, cmd) : cmd;
  const handler = COMMANDS[meant.type] as Handler<Runnable>;
  try {
    return await handler({ tx, ctx, out, deps, inGroup: ctx.msg.conversationType === 'group' }, meant);
  } catch (error) {
    if (error instanceof DomainError) refused.set(error, meant);
    throw error;
  }
}

/** The command a refusal answered, for "打错了 是17号" right after it (remember-refusal.ts). */
export const refused = new WeakMap<DomainError, Runnable>();

/** "15号还是交给物业吧 我不弄了" from its holder (no official): giving it back, with the hint. */
async function handedBack(tx: Tx, ctx: MessageContext, cmd: Extract<Runnable, { type: 'assign' }>): Promise<Runnable> {
  const row = await tx.get<{ claimantId: number | null; communityId: number }>('SELECT claimant_id, community_id FROM items WHERE id = ?', [cmd.id]);
  if (!row || row.claimantId !== ctx.actor.id || isOfficialOf(ctx.actor, row.communityId)) return cmd;
  return { type: 'release', id: cmd.id, reason: stripMentions(ctx.msg.text).trim() };
}

/** "我是问进度 13号", "进度 13" from whoever does not work on it: asking how it goes, not telling. */
async function progressAsked(tx: Tx, ctx: MessageContext, cmd: Extract<Runnable, { type: 'progress' }>): Promise<Runnable> {
  const row = await tx.get<{ claimantId: number | null; communityId: number; submitterId: number }>('SELECT claimant_id, community_id, submitter_id FROM items WHERE id = ?', [cmd.id]);
  if (!row || row.claimantId === ctx.actor.id || isOfficialOf(ctx.actor, row.communityId)) return cmd;
  const asking = row.submitterId === ctx.actor.id || cmd.note.trim() === '' || /不是新|是问|问一下|怎么样|咋样|如何/u.test(cmd.note);
  return asking ? { type: 'status', id: cmd.id } : cmd;
}

/** Whether the person holds this item, said done and not yet confirmed, and did not raise it. */
async function holdsDone(tx: Tx, ctx: MessageContext, id: number): Promise<boolean> {
  const row = await tx.get<{ claimantId: number | null; submitterId: number; status: string }>('SELECT claimant_id, submitter_id, status FROM items WHERE id = ?', [id]);
  return row !== undefined && row.status === 'done' && row.claimantId === ctx.actor.id && row.submitterId !== ctx.actor.id;
}

/**
 * "9号今天之内弄好", "3号周五前弄好" from the volunteer who holds the item is a promise, told to the
 * submitter as progress; from an official it sets the deadline.
 */
async function holderPromise(tx: Tx, ctx: MessageContext, cmd: Extract<Runnable, { type: 'deadline' }>): Promise<Runnable> {
  const row = await tx.get<{ claimantId: number | null; communityId: number }>('SELECT claimant_id, community_id FROM items WHERE id = ?', [cmd.id]);
  if (!row || row.claimantId !== ctx.actor.id || isOfficialOf(ctx.actor, row.communityId)) return cmd;
  const note = stripMentions(ctx.msg.text).replace(/^\s*#?\s*\d{1,9}\s*号?\s*[,，:：]?\s*/u, '').trim();
  return { type: 'progress', id: cmd.id, note };
}
