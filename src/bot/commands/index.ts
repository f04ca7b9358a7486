import type { Tx } from '../../db/sql.ts';
import { DomainError } from '../../domain/errors.ts';
import { takeBack } from '../take-back-done.ts';
import { meantByRole } from '../meant-by-role.ts';
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

/** Runs one parsed command inside the transaction and says what it did (as this sender means it). */
export async function runCommand(tx: Tx, ctx: MessageContext, cmd: Runnable, out: Outgoing, deps: BotDeps): Promise<void> {
  const meant = await meantByRole(tx, ctx, cmd);
  if (meant.type === 'take_back') return takeBack(tx, ctx, meant.id, out);
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
