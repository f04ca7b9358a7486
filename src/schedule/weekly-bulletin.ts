import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { maskName } from '../core/mask.ts';
import { inList } from '../db/sql.ts';
import { scheduledTexts } from './texts.ts';
import { listsByCommunity, of } from '../figures/by-community.ts';
import { NO_STATUS_COUNTS, statusCountsByCommunity } from '../figures/current-state.ts';
import { NO_FIGURES, countFiguresByCommunity } from '../figures/period-figures.ts';
import { lastRatingsSql } from '../figures/shares.ts';
import { periodBefore, type Period } from '../figures/period.ts';
import { pioneersByCommunity } from '../figures/pioneers.ts';
import { scopeSql, type Scope } from '../figures/scope.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';

const PIONEERS = 5;
const THANKS = 3;

export type WeeklyBulletinData = Parameters<typeof scheduledTexts.weeklyBulletin>[0];

/**
 * Each community's week, every figure from src/figures (docs/figures.md), so the bulletin says what
 * 统计, the digest and the console say for the same days. All communities at once: a query per
 * figure, not per community and figure (figures/by-community.ts).
 */
export async function loadWeeklyBulletins(deps: JobDeps, communityIds: readonly number[], period: Period, now: Date): Promise<Map<number, WeeklyBulletinData>> {
  const { db, bot } = deps;
  if (communityIds.length === 0) return new Map();
  const scope: Scope = { communityIds };
  const s = scopeSql(scope);
  const [communities, figures, boards, states, thanked] = await Promise.all([
    db.all<{ id: number; name: string }>(`SELECT id, name FROM communities WHERE id IN ${inList(communityIds.length)}`, [...communityIds]),
    countFiguresByCommunity(db, scope, period, now),
    pioneersByCommunity(db, scope, period),
    statusCountsByCommunity(db, scope, ['open']),
    // Thanks: the comments of the ratings that count this week (each item's last), 4–5 only, the
    // first THANKS of each community.
    db.all<{ communityId: number; itemId: number; rating: number; note: string; submitterName: string }>(
      `SELECT t.community_id, t.item_id, t.rating, t.note, t.submitter_name FROM (
         SELECT i.community_id AS community_id, e.item_id AS item_id, e.rating AS rating, e.note AS note, COALESCE(i.on_behalf_of, p.name) AS submitter_name,
                row_number() OVER (PARTITION BY i.community_id ORDER BY e.rating DESC, e.item_id) AS row_no
         ${lastRatingsSql(s.sql, ' JOIN people p ON p.id = i.submitter_id')} AND e.rating >= 4 AND e.note IS NOT NULL AND e.note <> ''
       ) t WHERE t.row_no <= ? ORDER BY t.community_id, t.rating DESC, t.item_id`,
      [period.from, period.to, ...s.params, THANKS],
    ),
  ]);
  const thanks = listsByCommunity(thanked, (t) => ({ id: t.itemId, from: maskName(t.submitterName), comment: t.note }));
  const out = new Map<number, WeeklyBulletinData>();
  for (const { id, name } of communities) {
    const f = of(figures, id, NO_FIGURES);
    out.set(id, {
      community: name,
      from: bot.fmt.day(period.from),
      to: bot.fmt.day(new Date(period.to.getTime() - DAY)),
      created: f.created,
      claimed: f.claimed,
      done: f.done,
      confirmed: f.confirmed,
      satisfaction: f.satisfaction,
      pioneers: of(boards, id, []).filter((p) => p.done > 0).slice(0, PIONEERS).map((p) => ({ name: p.name, done: p.done })),
      thanks: of(thanks, id, []),
      open: of(states, id, NO_STATUS_COUNTS).open,
    });
  }
  return out;
}

/** One community's week (the bulletin of one group). */
export async function loadWeeklyBulletin(deps: JobDeps, communityId: number, period: Period, now: Date): Promise<WeeklyBulletinData> {
  const data = (await loadWeeklyBulletins(deps, [communityId], period, now)).get(communityId);
  if (!data) throw new Error(`no community ${communityId}`);
  return data;
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
    const data = await loadWeeklyBulletins(deps, [...new Set(groups.map((g) => g.communityId))], period, now);
    const texts = new Map([...data].map(([id, d]) => [id, scheduledTexts.weeklyBulletin(d)]));
    const messages: OutboundMessage[] = [];
    for (const g of groups) {
      const text = texts.get(g.communityId);
      if (text !== undefined) messages.push(scheduledPush(g.platform, 'group', g.conversationId, text));
    }
    return { summary: `bulletins for ${texts.size} community(ies) to ${messages.length} group(s)`, write: async () => messages };
  },
};
