import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { communityFigures } from '../figures/community-figures.ts';
import { periodBefore } from '../figures/period.ts';
import { scheduledPush, type JobDefinition } from './job.ts';
import { tenDayReportText } from './rhythm-texts.ts';

/**
 * 一旬一通报 (1st, 11th, 21st at 09:00): every community ranked by 及时率 and 满意率 over the last
 * whole 旬, to each official and each bound group (SPEC "Schedules").
 */
export const tenDayReport: JobDefinition = {
  name: 'ten-day-report',
  staleAfterMs: DAY,
  async plan(deps, slot, now) {
    const { db, bot, config } = deps;
    const period = periodBefore('xun', slot, config.BOT_TIMEZONE);
    const communities = await communityFigures(db, { communityIds: null }, period, now, { answerHours: config.ANSWER_HOURS });
    if (communities.length === 0) return { summary: 'no communities', skipped: 'no communities' };
    const text = tenDayReportText({ from: bot.fmt.day(period.from), to: bot.fmt.day(new Date(period.to.getTime() - 1)), communities });
    const [officials, groups] = await Promise.all([
      db.all<{ platform: string; platformUserId: string }>(
        `SELECT DISTINCT p.platform, p.platform_user_id FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.role = 'official' ORDER BY p.platform, p.platform_user_id`,
      ),
      db.all<{ platform: string; conversationId: string }>('SELECT platform, conversation_id FROM group_chats ORDER BY id'),
    ]);
    const messages: OutboundMessage[] = [
      ...officials.map((o) => scheduledPush(o.platform, 'user', o.platformUserId, text)),
      ...groups.map((g) => scheduledPush(g.platform, 'group', g.conversationId, text)),
    ];
    return { summary: `ten-day report on ${communities.length} community(ies) to ${officials.length} official(s) and ${groups.length} group(s)`, write: async () => messages };
  },
};
