import { isMemberOf, isOfficialOf, type Actor } from './actor.ts';
import { DomainError } from './errors.ts';
import type { LifecycleEvent } from './lifecycle.ts';
import type { ItemStatus } from './types.ts';

type ItemFacts = { id: number; communityId: number; submitterId: number; claimantId: number | null; status?: string; assignedUnit?: string | null };

/**
 * An official's command on an item: an official of another community hears that the item is not
 * theirs ("#12 不属于您所在的社区"), not that they lack a role they have.
 */
export function requireOfficial(actor: Actor, item: Pick<ItemFacts, 'id' | 'communityId'>): void {
  if (isOfficialOf(actor, item.communityId)) return;
  const officialElsewhere = [...actor.roles.values()].includes('official');
  throw new DomainError(officialElsewhere && !isMemberOf(actor, item.communityId) ? 'not_your_community' : 'need_official', { id: item.id });
}

/**
 * Who may cause which event (SPEC "People and roles" and the command table). Throws the refusal a
 * person should hear; returns quietly when allowed. Pure: no database.
 */
export function authorize(actor: Actor, event: LifecycleEvent, item: ItemFacts): void {
  const id = item.id;
  const official = isOfficialOf(actor, item.communityId);
  const isClaimant = item.claimantId !== null && item.claimantId === actor.id;
  switch (event) {
    case 'claim':
      if (actor.roles.size === 0) throw new DomainError('need_member', { id });
      if (!isMemberOf(actor, item.communityId)) throw new DomainError('not_your_community', { id });
      return;
    case 'assign':
      // The volunteer holding it may hand it to another member ("9号转给王思远"); the bot checks the
      // target is a person of the community. Anyone else's hand-out is an official's.
      if (isClaimant && item.status === 'claimed') return;
      requireOfficial(actor, item);
      return;
    case 'reject':
    case 'merge':
    case 'reopen':
      requireOfficial(actor, item);
      return;
    case 'progress':
    case 'complete':
    case 'snooze':
      if (isClaimant || official) return;
      if (actor.roles.size === 0) throw new DomainError('need_member', { id });
      throw new DomainError('only_claimant', { id, status: item.status as ItemStatus | undefined });
    case 'release':
      // An item given to a unit (nobody claimed it) may be handed back by an official, for the unit.
      if (isClaimant || (official && item.claimantId === null && item.assignedUnit != null)) return;
      if (actor.roles.size === 0) throw new DomainError('need_member', { id });
      throw new DomainError('only_claimant', { id, status: item.status as ItemStatus | undefined });
    case 'withdraw':
      // The office withdraws for a resident who phoned or came in ("帮她把3号撤掉吧"); the resident is told.
      if (item.submitterId !== actor.id && !official) throw new DomainError('only_submitter', { id });
      return;
    case 'confirm':
    case 'rateLow':
    case 'dispute':
      if (item.submitterId !== actor.id) throw new DomainError('only_submitter', { id });
      return;
    case 'support':
      if (item.submitterId === actor.id) throw new DomainError('support_own', { id });
      return;
    case 'autoConfirm':
      // Only the scheduler confirms automatically; no person may.
      throw new DomainError('only_submitter', { id });
  }
}
