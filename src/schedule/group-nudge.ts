import type { OutboundMessage } from '../core/messages.ts';
import { DAY, HOUR } from '../core/clock.ts';
import { scheduledTexts } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { listLine } from './list-lines.ts';

const UNCLAIMED_FOR = DAY;
const MAX_LINES = 10;

/** Daily: one message per group listing its community's items unclaimed for more than a day. */
export const groupNudge: JobDefinition = {
  name: 'group-nudge',
  staleAfterMs: 2 * HOUR,
  async plan(deps: JobDeps, _slot, now) {
    const { db } = deps;
    const cutoff = new Date(now.getTime() - UNCLAIMED_FOR);
    const where = { status: 'open', createdAt: { lt: cutoff } };
    const counts = await db.item.groupBy({ by: ['communityId'], where, _count: { _all: true } });
    const messages: OutboundMessage[] = [];
    for (const { communityId, _count } of counts) {
      const groups = await db.groupChat.findMany({ where: { communityId }, orderBy: { id: 'asc' } });
      if (groups.length === 0) continue;
      const items = await db.item.findMany({ where: { ...where, communityId }, orderBy: { id: 'asc' }, take: MAX_LINES });
      const text = scheduledTexts.groupNudge(items.map((i) => listLine(i, now)), _count._all);
      // At most one nudge per group per cycle: one message, built once per group.
      for (const g of groups) messages.push(scheduledPush(g.platform, 'group', g.conversationId, text));
    }
    return {
      summary: `${messages.length} group(s) nudged about ${counts.reduce((n, c) => n + c._count._all, 0)} unclaimed item(s)`,
      write: async () => messages,
    };
  },
};
