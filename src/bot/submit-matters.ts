import type { Tx } from '../db/sql.ts';
import { maskName } from '../core/mask.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { extractPlace } from './extract-place.ts';
import type { Outgoing } from './outgoing.ts';
import { splitMatters } from './split-matters.ts';
import { submitItem, type Submission } from './submit-item.ts';
import { groups } from './texts/groups.ts';
import { residents } from './texts/residents.ts';

/**
 * Files a report that tells several separate matters as one item each (each has its own handler
 * and deadline), a wish as one (a household's needs are one visit). The place said for the whole
 * goes to the parts that name none of their own; a question, if any, comes after every receipt.
 */
export async function submitMatters(tx: Tx, ctx: MessageContext, s: Submission, out: Outgoing, deps: BotDeps): Promise<void> {
  const parts = s.kind === 'report' && !s.relatedToId && !s.emergency && !s.category ? splitMatters(s.text) : [s.text];
  if (parts.length === 1) {
    await submitItem(tx, ctx, s, out, deps);
    return;
  }
  const lead = residents.severalMatters(parts.length);
  out.reply(ctx.msg.conversationType === 'group' ? groups.to(maskName(ctx.person.name), lead) : lead);
  // A place found in one part belongs to that part only.
  const sharedPlace = s.place !== null && !parts.some((p) => p.includes(s.place!)) ? s.place : null;
  for (const [i, text] of parts.entries()) {
    await submitItem(
      tx,
      ctx,
      { ...s, text, place: extractPlace(text) ?? sharedPlace, askAfter: i === parts.length - 1 },
      out,
      deps,
    );
  }
}
