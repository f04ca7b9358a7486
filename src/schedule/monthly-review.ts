import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { periodFigures, type PeriodFigures } from '../figures/period-figures.ts';
import { periodBefore } from '../figures/period.ts';
import { maskSensitive } from '../core/mask.ts';
import { scheduledPush, type JobDefinition } from './job.ts';
import { monthlyReviewText } from './rhythm-texts.ts';

const OLDEST = 5;

type Block = Parameters<typeof monthlyReviewText>[0]['communities'][number];

/**
 * 一月一调度 (the 1st at 08:30): to each official, per community they supervise, the last month's
 * figures, the items open longest, and a link to that month's 台账 export in the console.
 */
export const monthlyReview: JobDefinition = {
  name: 'monthly-review',
  staleAfterMs: DAY,
  async plan(deps, slot, now) {
    const { db, config } = deps;
    const period = periodBefore('month', slot, config.BOT_TIMEZONE);
    const officials = await db.all<{ personId: number; communityId: number; platform: string; platformUserId: string }>(
      `SELECT m.person_id, m.community_id, p.platform, p.platform_user_id FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.role = 'official' ORDER BY m.person_id, m.community_id`,
    );
    const blocks = new Map<number, Block>();
    const block = async (communityId: number): Promise<Block> => {
      let b = blocks.get(communityId);
      if (b) return b;
      const scope = { communityIds: [communityId] };
      const [community, figures, oldest] = await Promise.all([
        db.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]),
        periodFigures(db, scope, period, now, { answerHours: config.ANSWER_HOURS }) as Promise<PeriodFigures>,
        db.all<{ id: number; text: string; createdAt: Date; holder: string | null }>(
          `SELECT i.id, i.text, i.created_at, coalesce(p.name, i.assigned_unit) AS holder FROM items i LEFT JOIN people p ON p.id = i.claimant_id
            WHERE i.community_id = ? AND i.status IN ('open', 'claimed') ORDER BY i.created_at, i.id LIMIT ?`,
          [communityId, OLDEST],
        ),
      ]);
      const query = new URLSearchParams({ community: String(communityId), from: period.firstDay, to: period.lastDay });
      b = {
        name: community?.name ?? '社区',
        figures,
        oldest: oldest.map((o) => ({ id: o.id, text: maskSensitive(o.text), days: Math.max(0, Math.floor((now.getTime() - o.createdAt.getTime()) / DAY)), holder: o.holder })),
        exportUrl: `${config.PUBLIC_URL}/console/export.xlsx?${query.toString()}`,
      };
      blocks.set(communityId, b);
      return b;
    };
    const byPerson = new Map<number, { platform: string; platformUserId: string; communities: number[] }>();
    for (const o of officials) {
      const entry = byPerson.get(o.personId) ?? { platform: o.platform, platformUserId: o.platformUserId, communities: [] };
      entry.communities.push(o.communityId);
      byPerson.set(o.personId, entry);
    }
    const month = `${period.firstDay.slice(0, 4)}年${Number(period.firstDay.slice(5, 7))}月`;
    const messages: OutboundMessage[] = [];
    for (const person of byPerson.values()) {
      const communities: Block[] = [];
      for (const id of person.communities) communities.push(await block(id));
      messages.push(scheduledPush(person.platform, 'user', person.platformUserId, monthlyReviewText({ month, communities })));
    }
    return { summary: `monthly review of ${month} to ${messages.length} official(s) on ${blocks.size} community(ies)`, write: async () => messages };
  },
};
