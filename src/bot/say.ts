import { maskName } from '../core/mask.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { groups } from './texts/groups.ts';

/** A reply to the person who wrote; in a group it names them (masked: 王*), so others see whom it is for. */
export function say(ctx: MessageContext, out: Outgoing, text: string): void {
  out.reply(ctx.msg.conversationType === 'group' ? groups.to(maskName(ctx.person.name), text) : text);
}
