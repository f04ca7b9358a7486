import type { DomainError } from '../domain/errors.ts';
import { everyone as t } from './texts/common.ts';

/** The short answer a person gets when the ledger refuses what they asked: why, and what they can do. */
export function refusalText(error: DomainError): string {
  const { id = 0, name = '', status = 'open', community = '', role = 'member', options = '', unit = false } = error.params;
  switch (error.code) {
    case 'not_found':
      return t.notFound(id);
    case 'need_member':
      return t.needMember;
    case 'need_official':
      return t.needOfficial;
    case 'not_your_community':
      return t.notYourCommunity(id);
    case 'only_submitter':
      return t.onlySubmitter(id);
    case 'only_claimant':
      // "#19 还没人认领": say so, and how to take it.
      return error.params.status === 'open' ? t.nobodyClaimedYet(id) : t.onlyClaimant(id);
    case 'already_claimed':
      return t.alreadyClaimedBy(id, name || '别人', unit);
    case 'already_yours':
      return t.alreadyYours(id);
    case 'not_claimed':
      return t.notClaimed(id);
    case 'not_open':
      return t.notOpen(id);
    case 'not_done':
      return t.notDone(id);
    case 'already_done':
      return t.alreadyDone(id);
    case 'closed':
      return t.closed(id, status);
    case 'not_closed':
      return t.notClosed(id);
    case 'cannot_reopen':
      return t.cannotReopen(id, status);
    case 'support_wish':
      return t.supportWishOnly(id);
    case 'support_own':
      return t.supportOwn(id);
    case 'already_supported':
      return t.alreadySupported(id);
    case 'merge_self':
      return t.mergeSelf;
    case 'merge_target_closed':
      return t.mergeTargetClosed(id);
    case 'merge_other_community':
      return t.mergeOtherCommunity;
    case 'person_not_found':
      return t.personNotFound(name);
    case 'person_ambiguous':
      return t.personAmbiguous(name);
    case 'invite_invalid':
      return t.inviteInvalid;
    case 'already_member':
      return t.alreadyMember(community, role);
    case 'unknown_category':
      return t.unknownCategory(options);
    case 'wish_no_category':
      return t.wishNoCategory(id);
    case 'not_withdrawn':
      return t.notWithdrawn(id);
    case 'same_kind':
      return t.sameKind(id, options);
    case 'which_community':
      return t.whichCommunity;
    case 'not_official_here':
      return t.notOfficialHere;
    case 'no_community':
      return t.noCommunity;
    case 'no_own_community':
      return t.noOwnCommunity;
    case 'group_not_bound':
      return t.groupNotBound;
  }
}
