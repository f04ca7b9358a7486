import type { Item } from '../db/rows.ts';
import type { OutboundMessage } from '../core/messages.ts';
import { DAY, HOUR } from '../core/clock.ts';
import { scheduledTexts } from './texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { listLine, submitterNameOf, URGENT_FIRST } from './list-lines.ts';

const UNCLAIMED_FOR = DAY;
const MAX_LINES = 10;

/** Daily: one message per group listing its community's items unclaimed for more than a day. */
export const groupNudge: JobDefinition = {
  name: 'group-nudge',
  staleAfterMs: 2 * HOUR,
  async plan(deps: JobDeps, _slot, now) {
    const { db } = deps;
    const cutoff = new Date(now.getTime() - UNCLAIMED_FOR);
    // (status, created_at): the open items only, never the whole ledger.
    const counts = await db.all<{ communityId: number; n: number }>(
      "SELECT community_id, count(*) AS n FROM items WHERE status = 'open' AND created_at < ? GROUP BY community_id ORDER BY community_id",
      [cutoff],
    );
    const messages: OutboundMessage[] = [];
    for (const { communityId, n } of counts) {
      const groups = await db.all<{ platform: string; conversationId: string }>(
        'SELECT platform, conversation_id FROM group_chats WHERE community_id = ? ORDER BY id',
        [communityId],
      );
      if (groups.length === 0) continue;
      // NOT (created_at >= ?) is created_at < ? that SQLite (no planner statistics) does not take for an
      // index range: it reads the community's open items (community_id, status), not every community's.
      // Urgent items lead the list (SPEC "Items"): a handful of open items per community to sort.
      const items = await db.all<Pick<Item, 'id' | 'kind' | 'text' | 'createdAt' | 'priority'> & { submitterName: string | null }>(
        `SELECT id, kind, text, created_at, priority, ${submitterNameOf('items')} FROM items WHERE community_id = ? AND status = 'open' AND NOT (created_at >= ?)
         ORDER BY ${URGENT_FIRST}, id LIMIT ?`,
        [communityId, cutoff, MAX_LINES],
      );
      const text = scheduledTexts.groupNudge(items.map((i) => listLine(i, now)), n);
      // At most one nudge per group per cycle: one message, built once per group.
      for (const g of groups) messages.push(scheduledPush(g.platform, 'group', g.conversationId, text));
    }
    return {
      summary: `${messages.length} group(s) nudged about ${counts.reduce((sum, c) => sum + c.n, 0)} unclaimed item(s)`,
      write: async () => messages,
    };
  },
};
