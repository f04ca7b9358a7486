import type { ItemStatus } from './types.ts';

/**
 * The lifecycle of SPEC "Lifecycle" as a pure table: every (status, event) pair is either a
 * transition to a new status or a typed refusal. Who may cause an event is checked elsewhere
 * (permissions.ts); this table only knows what the ledger allows.
 */
export const LIFECYCLE_EVENTS = [
  'claim', // a member takes an open item
  'assign', // an official hands it to a person or unit (also re-assigns)
  'progress', // a progress note
  'complete', // 完成 / 办结
  'release', // the claimant gives it back
  'confirm', // the submitter confirms (rating 3–5 or none)
  'rateLow', // the submitter confirms with 1–2: reopens to the claimant
  'autoConfirm', // no answer from the submitter for N days
  'dispute', // 不满意: back to the claimant
  'withdraw', // the submitter withdraws
  'reject', // an official rejects with a reason
  'merge', // an official marks it a duplicate
  'reopen', // an official (or a failed revisit) reopens
  'support', // +1 from another resident
  'snooze', // no reminders for a while
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

export type Refusal =
  | 'already_claimed'
  | 'not_claimed'
  | 'not_open'
  | 'not_done'
  | 'already_done'
  | 'closed'
  | 'not_closed'
  /** Withdrawn by its submitter, or merged into another item: reopening is not the way back. */
  | 'cannot_reopen';

export type TransitionResult = { ok: true; to: ItemStatus } | { ok: false; refusal: Refusal };

type Row = Record<LifecycleEvent, ItemStatus | Refusal>;

const closed = (status: ItemStatus): Row => ({
  claim: 'closed',
  assign: 'closed',
  progress: 'closed',
  complete: 'closed',
  release: 'closed',
  confirm: 'closed',
  rateLow: 'closed',
  autoConfirm: 'closed',
  dispute: 'closed',
  withdraw: 'closed',
  reject: 'closed',
  merge: 'closed',
  reopen: status === 'rejected' ? 'open' : 'cannot_reopen',
  support: 'closed',
  snooze: 'closed',
});

export const TRANSITIONS: Record<ItemStatus, Row> = {
  open: {
    claim: 'claimed',
    assign: 'claimed',
    progress: 'not_claimed',
    complete: 'not_claimed',
    release: 'not_claimed',
    confirm: 'not_done',
    rateLow: 'not_done',
    autoConfirm: 'not_done',
    dispute: 'not_done',
    withdraw: 'withdrawn',
    reject: 'rejected',
    merge: 'merged',
    reopen: 'not_closed',
    support: 'open',
    snooze: 'open',
  },
  claimed: {
    claim: 'already_claimed',
    assign: 'claimed',
    progress: 'claimed',
    complete: 'done',
    release: 'open',
    confirm: 'not_done',
    rateLow: 'not_done',
    autoConfirm: 'not_done',
    dispute: 'not_done',
    withdraw: 'withdrawn',
    reject: 'rejected',
    merge: 'not_open',
    reopen: 'not_closed',
    support: 'claimed',
    snooze: 'claimed',
  },
  done: {
    claim: 'already_done',
    assign: 'already_done',
    progress: 'already_done',
    complete: 'already_done',
    release: 'already_done',
    confirm: 'confirmed',
    rateLow: 'claimed',
    autoConfirm: 'confirmed',
    dispute: 'claimed',
    withdraw: 'already_done',
    reject: 'already_done',
    merge: 'not_open',
    reopen: 'claimed',
    support: 'already_done',
    snooze: 'already_done',
  },
  confirmed: { ...closed('confirmed'), reopen: 'claimed' },
  withdrawn: closed('withdrawn'),
  rejected: closed('rejected'),
  merged: closed('merged'),
};

const STATUS_SET = new Set<string>(['open', 'claimed', 'done', 'confirmed', 'withdrawn', 'rejected', 'merged']);

export function transition(from: ItemStatus, event: LifecycleEvent): TransitionResult {
  const target = TRANSITIONS[from][event];
  return STATUS_SET.has(target) ? { ok: true, to: target as ItemStatus } : { ok: false, refusal: target as Refusal };
}
