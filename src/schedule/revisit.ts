import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { scheduledTexts } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition } from './job.ts';

/**
 * A stable sample: the same item is in or out on every replica and every run (Knuth's
 * multiplicative hash of the id, in percent).
 */
export function inSample(id: number, percent: number): boolean {
  return ((Math.imul(id, 2654435761) >>> 0) % 100) < percent;
}

/** Daily 10:30: reports confirmed a week ago; a sample of their submitters is asked whether it is still fixed. */
export const revisit: JobDefinition = {
  name: 'revisit',
  staleAfterMs: DAY,
  async plan(deps, slot, now) {
    const { db, config } = deps;
    // The day that ended REVISIT_AFTER_DAYS ago, counted from the fire: each report falls in one day's window.
    const to = new Date(slot.getTime() - config.REVISIT_AFTER_DAYS * DAY);
    const from = new Date(to.getTime() - DAY);
    // (status, closed_at): one day's confirmations, with their submitters.
    const confirmed = await db.all<{ id: number; text: string; submitterId: number; platform: string; platformUserId: string }>(
      `SELECT i.id, i.text, i.submitter_id, p.platform, p.platform_user_id
       FROM items i JOIN people p ON p.id = i.submitter_id
       WHERE i.kind = 'report' AND i.status = 'confirmed' AND i.closed_at >= ? AND i.closed_at < ?
       ORDER BY i.id`,
      [from, to],
    );
    const chosen = confirmed.filter((i) => inSample(i.id, config.REVISIT_SAMPLE_PERCENT));
    return {
      summary: `${chosen.length} of ${confirmed.length} report(s) confirmed a week ago revisited`,
      write: async (tx) => {
        const messages: OutboundMessage[] = [];
        for (const item of chosen) {
          // Asked once per report, whatever runs again.
          const asked = await tx.run(
            'INSERT INTO revisits (item_id, person_id, asked_at) VALUES (?, ?, ?) ON CONFLICT (item_id, person_id) DO NOTHING',
            [item.id, item.submitterId, now],
          );
          if (asked !== 1) continue;
          messages.push(scheduledPush(item.platform, 'user', item.platformUserId, scheduledTexts.revisit(item.id, item.text)));
        }
        return messages;
      },
    };
  },
};
