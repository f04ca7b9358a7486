import type { Tx } from '../../db/sql.ts';
import type { ItemChange } from '../../domain/items.ts';
import type { BotDeps } from '../bot-deps.ts';
import type { MessageContext } from '../context.ts';
import { notifyChange } from '../notify.ts';
import type { Outgoing } from '../outgoing.ts';
import type { Command } from '../parse-command.ts';

/** A command that does something (text, empty and invalid input are answered by respond.ts). */
export type Runnable = Exclude<Command, { type: 'text' } | { type: 'empty' } | { type: 'invalid' }>;
export type CommandType = Runnable['type'];

/** What every handler gets: the transaction, who wrote and where, what to say, settings. */
export type Run = { tx: Tx; ctx: MessageContext; out: Outgoing; deps: BotDeps; inGroup: boolean };
export type Handler<C extends Runnable> = (run: Run, cmd: C) => Promise<void>;
/** Handlers for the commands `K`: each file of commands/ fills in its part of the table. */
export type Handlers<K extends CommandType> = { [P in K]: Handler<Extract<Runnable, { type: P }>> };

/** Tells everyone concerned about a change (notify.ts). */
export function tell(run: Run, change: ItemChange): Promise<void> {
  return notifyChange(run.tx, change, run.out, run.inGroup);
}
