import { DomainError } from '../../domain/errors.ts';
import { knownCommunity } from '../community-of.ts';
import type { Run } from './table.ts';

/** A new item's community: the group's, the person's own, or none yet (the dialogue will ask). */
export async function communityForNewItem({ tx, ctx }: Run): Promise<number | null> {
  if (ctx.msg.conversationType === 'group' && !ctx.group) throw new DomainError('group_not_bound');
  if (ctx.group) return ctx.group.communityId;
  const any = await tx.get<{ id: number }>('SELECT id FROM communities LIMIT 1');
  if (!any) throw new DomainError('no_community');
  return knownCommunity(tx, ctx);
}

/** The communities a list or figures are about: this group's, or all the person belongs to. */
export async function communitiesInView({ tx, ctx }: Run): Promise<number[]> {
  if (ctx.group) return [ctx.group.communityId];
  if (ctx.msg.conversationType === 'group') throw new DomainError('group_not_bound');
  const ids = new Set(ctx.actor.roles.keys());
  if (ctx.person.communityId !== null) ids.add(ctx.person.communityId);
  if (ids.size === 0) {
    const id = await knownCommunity(tx, ctx);
    if (id !== null) ids.add(id);
  }
  if (ids.size === 0) throw new DomainError('no_own_community');
  return [...ids];
}
