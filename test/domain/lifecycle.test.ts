import { describe, expect, it } from 'vitest';
import { LIFECYCLE_EVENTS, TRANSITIONS, transition } from '../../src/domain/lifecycle.ts';
import { ITEM_STATUSES } from '../../src/domain/types.ts';

// SPEC "Lifecycle", written out independently of the table under test.
const allowed: Record<string, string> = {
  'open/claim': 'claimed',
  'open/assign': 'claimed',
  'open/withdraw': 'withdrawn',
  'open/reject': 'rejected',
  'open/merge': 'merged',
  'open/support': 'open',
  'open/snooze': 'open',
  'claimed/assign': 'claimed',
  'claimed/progress': 'claimed',
  'claimed/complete': 'done',
  'claimed/release': 'open',
  'claimed/withdraw': 'withdrawn',
  'claimed/reject': 'rejected',
  'claimed/support': 'claimed',
  'claimed/snooze': 'claimed',
  'done/confirm': 'confirmed',
  'done/rateLow': 'claimed',
  'done/autoConfirm': 'confirmed',
  'done/dispute': 'claimed',
  'done/reopen': 'claimed',
  'confirmed/reopen': 'claimed',
  'rejected/reopen': 'open',
};

describe('the lifecycle table', () => {
  for (const status of ITEM_STATUSES) {
    for (const event of LIFECYCLE_EVENTS) {
      const key = `${status}/${event}`;
      it(`${key} → ${allowed[key] ?? 'refused'}`, () => {
        const result = transition(status, event);
        if (allowed[key]) expect(result).toEqual({ ok: true, to: allowed[key] });
        else expect(result.ok).toBe(false);
      });
    }
  }

  it('gives the reasons a person will be told', () => {
    expect(transition('claimed', 'claim')).toEqual({ ok: false, refusal: 'already_claimed' });
    expect(transition('open', 'confirm')).toEqual({ ok: false, refusal: 'not_done' });
    expect(transition('open', 'complete')).toEqual({ ok: false, refusal: 'not_claimed' });
    expect(transition('withdrawn', 'claim')).toEqual({ ok: false, refusal: 'closed' });
    expect(transition('claimed', 'merge')).toEqual({ ok: false, refusal: 'not_open' });
  });

  it('covers every status and event, with no gaps', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ITEM_STATUSES].sort());
    for (const row of Object.values(TRANSITIONS)) expect(Object.keys(row).sort()).toEqual([...LIFECYCLE_EVENTS].sort());
  });
});
