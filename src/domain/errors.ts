import type { Refusal } from './lifecycle.ts';
import type { ItemStatus, Role } from './types.ts';

export type DomainErrorCode =
  | Refusal
  | 'not_found'
  | 'need_member'
  | 'need_official'
  | 'not_your_community'
  | 'only_submitter'
  | 'only_claimant'
  | 'already_yours'
  | 'support_wish'
  | 'support_own'
  | 'already_supported'
  | 'merge_self'
  | 'merge_target_closed'
  | 'merge_other_community'
  | 'person_not_found'
  | 'person_ambiguous'
  | 'invite_invalid'
  | 'already_member'
  | 'no_community'
  | 'no_own_community'
  | 'group_not_bound'
  /** 设置 N 分类 X with an X that is not one of the configured categories (`options`: the list). */
  | 'unknown_category'
  /** 设置 N 分类 on a wish: only reports have a category. */
  | 'wish_no_category'
  /** 恢复 N of an item that was not withdrawn. */
  | 'not_withdrawn'
  /** 改为问题反映 of an item that is one already (`options`: the kind's name). */
  | 'same_kind'
  /** 邀请码 from an official of several communities, in a direct chat. */
  | 'which_community'
  /** 邀请码 in the group of a community where the sender is no official (but is one elsewhere). */
  | 'not_official_here';

export type DomainErrorParams = {
  id?: number;
  name?: string;
  status?: ItemStatus;
  community?: string;
  role?: Role;
  /** `name` is a unit an official assigned the item to, not a person who claimed it. */
  unit?: boolean;
  /** What the person may write instead (e.g. the configured categories). */
  options?: string;
};

/** The one error of the domain: a rule refused what someone asked. Never a crash. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly params: DomainErrorParams;
  constructor(code: DomainErrorCode, params: DomainErrorParams = {}) {
    super(`${code}${params.id !== undefined ? ` #${params.id}` : ''}`);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

/** Another transaction changed the row first; the command is run again on fresh data. */
export class ConflictError extends Error {
  constructor(what: string) {
    super(`concurrent change: ${what}`);
    this.name = 'ConflictError';
  }
}
