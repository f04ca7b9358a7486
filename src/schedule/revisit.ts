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
    const confirmed = await db.item.findMany({
      where: { kind: 'report', status: 'confirmed', closedAt: { gte: from, lt: to } },
      include: { submitter: true },
      orderBy: { id: 'asc' },
    });
    const chosen = confirmed.filter((i) => inSample(i.id, config.REVISIT_SAMPLE_PERCENT));
    return {
      summary: `${chosen.length} of ${confirmed.length} report(s) confirmed a week ago revisited`,
      write: async (tx) => {
        const messages: OutboundMessage[] = [];
        for (const item of chosen) {
          // Asked once per report, whatever runs again.
          const key = { itemId_personId: { itemId: item.id, personId: item.submitterId } };
          if (await tx.revisit.findUnique({ where: key })) continue;
          await tx.revisit.create({ data: { itemId: item.id, personId: item.submitterId, askedAt: now } });
          messages.push(scheduledPush(item.submitter.platform, 'user', item.submitter.platformUserId, scheduledTexts.revisit(item.id, item.text)));
        }
        return messages;
      },
    };
  },
};
