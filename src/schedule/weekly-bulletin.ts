import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { maskName } from '../core/mask.ts';
import { scheduledTexts } from './texts.ts';
import { currentState } from '../figures/current-state.ts';
import { lastRatingsSql, periodFigures } from '../figures/period-figures.ts';
import { periodBefore, type Period } from '../figures/period.ts';
import { pioneers } from '../figures/pioneers.ts';
import { scopeSql } from '../figures/scope.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';

const PIONEERS = 5;
const THANKS = 3;

export type WeeklyBulletinData = Parameters<typeof scheduledTexts.weeklyBulletin>[0];

/**
 * One community's week, every figure from src/figures (docs/figures.md), so the bulletin says what
 * 统计, the digest and the console say for the same days.
 */
export async function loadWeeklyBulletin(deps: JobDeps, communityId: number, period: Period, now: Date): Promise<WeeklyBulletinData> {
  const { db, bot, config } = deps;
  const scope = { communityIds: [communityId] };
  const s = scopeSql(scope);
  const [community, figures, board, state, thanked] = await Promise.all([
    db.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]),
    periodFigures(db, scope, period, now, { answerHours: config.ANSWER_HOURS }),
    pioneers(db, scope, period),
    currentState(db, scope, now),
    // Thanks: the comments of the ratings that count this week (each item's last), 4–5 only.
    db.all<{ itemId: number; rating: number; note: string; submitterName: string }>(
      `SELECT e.item_id, e.rating, e.note, p.name AS submitter_name
       ${lastRatingsSql(s.sql, ' JOIN people p ON p.id = i.submitter_id')} AND e.rating >= 4 AND e.note IS NOT NULL AND e.note <> ''
       ORDER BY e.rating DESC, e.item_id LIMIT ?`,
      [period.from, period.to, ...s.params, THANKS],
    ),
  ]);
  if (!community) throw new Error(`no community ${communityId}`);
  return {
    community: community.name,
    from: bot.fmt.day(period.from),
    to: bot.fmt.day(new Date(period.to.getTime() - DAY)),
    created: figures.created,
    claimed: figures.claimed,
    done: figures.done,
    confirmed: figures.confirmed,
    satisfaction: figures.satisfaction,
    pioneers: board.filter((p) => p.done > 0).slice(0, PIONEERS).map((p) => ({ name: p.name, done: p.done })),
    thanks: thanked.map((t) => ({ id: t.itemId, from: maskName(t.submitterName), comment: t.note })),
    open: state.open,
  };
}

/** Monday 09:00: to each group, its community's week (周报/公示): the seven days before the day it is sent. */
export const weeklyBulletin: JobDefinition = {
  name: 'weekly-bulletin',
  staleAfterMs: DAY,
  async plan(deps, slot, now) {
    const { db, config } = deps;
    const period = periodBefore('week', slot, config.BOT_TIMEZONE);
    const groups = await db.all<{ platform: string; conversationId: string; communityId: number }>(
      'SELECT platform, conversation_id, community_id FROM group_chats ORDER BY id',
    );
    const byCommunity = new Map<number, string>();
    const messages: OutboundMessage[] = [];
    for (const g of groups) {
      let text = byCommunity.get(g.communityId);
      if (text === undefined) {
        text = scheduledTexts.weeklyBulletin(await loadWeeklyBulletin(deps, g.communityId, period, now));
        byCommunity.set(g.communityId, text);
      }
      messages.push(scheduledPush(g.platform, 'group', g.conversationId, text));
    }
    return { summary: `bulletins for ${byCommunity.size} community(ies) to ${messages.length} group(s)`, write: async () => messages };
  },
};
