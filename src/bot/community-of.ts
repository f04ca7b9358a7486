import type { Tx } from '../db/sql.ts';
import type { MessageContext } from './context.ts';

// Which community a new item belongs to (SPEC "People and roles"): the group's, the person's, the
// only one there is, or the person's answer to "您是哪个社区的？".

/** "2", "２", or the community's name ("阳光社区", "阳光"). */
export async function chooseCommunity(tx: Tx, answer: string): Promise<number | null> {
  const communities = await tx.all<{ id: number; name: string }>('SELECT id, name FROM communities ORDER BY id');
  const n = Number(answer.replace(/[\s。.!！]+$/u, ''));
  if (Number.isInteger(n) && n >= 1 && n <= communities.length) return communities[n - 1]!.id;
  const named = communities.filter((c) => [...answer].length >= 2 && (answer.includes(c.name) || c.name.includes(answer)));
  return named.length === 1 ? named[0]!.id : null;
}

/** The community an item from this message belongs to, when it can be known without asking. */
export async function knownCommunity(tx: Tx, ctx: MessageContext): Promise<number | null> {
  if (ctx.group) return ctx.group.communityId;
  const memberOf = [...ctx.actor.roles.keys()];
  if (memberOf.length === 1) return memberOf[0]!;
  if (ctx.person.communityId !== null) return ctx.person.communityId;
  const communities = await tx.all<{ id: number }>('SELECT id FROM communities ORDER BY id LIMIT 2');
  return communities.length === 1 ? communities[0]!.id : null;
}
