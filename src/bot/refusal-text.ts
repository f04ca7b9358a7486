import type { DomainError } from '../domain/errors.ts';
import { texts } from './texts.ts';

/** The short answer a person gets when the ledger refuses what they asked. */
export function refusalText(error: DomainError): string {
  const { id = 0, name = '', status = 'open', community = '', role = 'member' } = error.params;
  switch (error.code) {
    case 'not_found':
      return texts.notFound(id);
    case 'need_member':
      return texts.needMember;
    case 'need_official':
      return texts.needOfficial;
    case 'not_your_community':
      return texts.notYourCommunity(id);
    case 'only_submitter':
      return texts.onlySubmitter(id);
    case 'only_claimant':
      return texts.onlyClaimant(id);
    case 'already_claimed':
      return texts.alreadyClaimedBy(id, name || '别人');
    case 'already_yours':
      return texts.alreadyYours(id);
    case 'not_claimed':
      return texts.notClaimed(id);
    case 'not_open':
      return texts.notOpen(id);
    case 'not_done':
      return texts.notDone(id);
    case 'already_done':
      return texts.alreadyDone(id);
    case 'closed':
      return texts.closed(id, status);
    case 'not_closed':
      return texts.notClosed(id);
    case 'support_wish':
      return texts.supportWishOnly(id);
    case 'support_own':
      return texts.supportOwn(id);
    case 'already_supported':
      return texts.alreadySupported(id);
    case 'merge_self':
      return texts.mergeSelf;
    case 'merge_target_closed':
      return texts.mergeTargetClosed(id);
    case 'merge_other_community':
      return texts.mergeOtherCommunity;
    case 'person_not_found':
      return texts.personNotFound(name);
    case 'person_ambiguous':
      return texts.personAmbiguous(name);
    case 'invite_invalid':
      return texts.inviteInvalid;
    case 'already_member':
      return texts.alreadyMember(community, role);
    case 'no_community':
      return texts.noCommunity;
    case 'no_own_community':
      return texts.noOwnCommunity;
    case 'group_not_bound':
      return texts.groupNotBound;
  }
}
