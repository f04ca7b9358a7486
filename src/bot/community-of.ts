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
  if (named.length === 1) return named[0]!.id;
  // "幸福里的", "桂花园噻 刚才不是说了嘛": the name without 社区, among other words.
  return namedIn(communities, answer);
}

/** The one community whose name (without 社区/小区) the words contain, or null. */
function namedIn(communities: Array<{ id: number; name: string }>, words: string): number | null {
  const named = communities.filter((c) => {
    const core = c.name.replace(/(?:社区|小区|居委会|村委会|村)$/u, '');
    return [...core].length >= 2 && words.includes(core);
  });
  return named.length === 1 ? named[0]!.id : null;
}

/** The community an item from this message belongs to, when it can be known without asking. */
export async function knownCommunity(tx: Tx, ctx: MessageContext): Promise<number | null> {
  if (ctx.group) return ctx.group.communityId;
  const memberOf = [...ctx.actor.roles.keys()];
  if (memberOf.length === 1) return memberOf[0]!;
  if (ctx.person.communityId !== null) return ctx.person.communityId;
  const communities = await tx.all<{ id: number; name: string }>('SELECT id, name FROM communities ORDER BY id LIMIT 200');
  if (communities.length === 1) return communities[0]!.id;
  // "我是桂花园的老马 …": the community said in the request itself; else that of their last request.
  const named = namedIn(communities, ctx.msg.text);
  if (named !== null) return named;
  const last = await tx.get<{ communityId: number }>('SELECT community_id FROM items WHERE submitter_id = ? ORDER BY id DESC LIMIT 1', [ctx.person.id]);
  return last?.communityId ?? null;
}
