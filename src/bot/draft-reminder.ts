import type { Dialogue } from '../db/rows.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { say } from './say.ts';
import { residents } from './texts/residents.ts';

/** The reminder of an unfinished draft; in a group without its words (others read along). */
export function pending(ctx: MessageContext, dialogue: Dialogue): string {
  return residents.pendingDialogue(ctx.msg.conversationType === 'group' ? '' : dialogue.text);
}

/** After an answer to something else, a word that a draft still waits; not in a group, where it is noise to everyone. */
export function remind(ctx: MessageContext, out: Outgoing, dialogue: Dialogue | null): void {
  if (dialogue && ctx.msg.conversationType !== 'group') say(ctx, out, pending(ctx, dialogue));
}
