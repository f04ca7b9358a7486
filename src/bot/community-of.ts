import type { Tx } from '../db/sql.ts';
import type { MessageContext } from './context.ts';
import { sharedWords } from './shares-words.ts';

// Which community a new item belongs to (SPEC "People and roles"): the group's, the person's, the
// only one there is, or the person's answer to "您是哪个社区的？".

/** "2", "２", or the community's name ("阳光社区", "阳光"). */
export async function chooseCommunity(tx: Tx, answer: string): Promise<number | null> {
  const communities = await tx.all<{ id: number; name: string }>('SELECT id, name FROM communities ORDER BY id');
  // "1。另外请注意…", "1 红星": the number first.
  const n = Number(/^\s*(\d{1,3})(?=$|[\s。.,，!！、])/u.exec(answer)?.[1] ?? answer.replace(/[\s。.!！]+$/u, ''));
  if (Number.isInteger(n) && n >= 1 && n <= communities.length) return communities[n - 1]!.id;
  const named = communities.filter((c) => [...answer].length >= 2 && (answer.includes(c.name) || c.name.includes(answer)));
  if (named.length === 1) return named[0]!.id;
  // "幸福里的", "桂花园噻 刚才不是说了嘛": the name without 社区, among other words.
  return namedIn(communities, answer);
}

/** The one community whose name (without 社区/小区) the words contain, or null. */
function namedIn(communities: Array<{ id: number; name: string }>, words: string): number | null {
  const core = (name: string) => name.replace(/(?:社区|小区|居委会|村委会|村)$/u, '');
  const named = communities.filter((c) => [...core(c.name)].length >= 2 && words.includes(core(c.name)));
  if (named.length === 1) return named[0]!.id;
  // "红星厂宿舍" for 红星机械厂宿舍社区: the one whose name shares the most words with the answer.
  const scored = communities.map((c) => ({ id: c.id, n: sharedWords(core(c.name), words) })).filter((s) => s.n >= 2);
  const best = Math.max(0, ...scored.map((s) => s.n));
  const top = scored.filter((s) => s.n === best);
  return top.length === 1 ? top[0]!.id : null;
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
