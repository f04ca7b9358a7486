import type { Item } from '../db/rows.ts';
import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import { scheduledTexts } from './texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { inList } from '../db/sql.ts';
import { listsByCommunity, of } from '../figures/by-community.ts';
import { currentStateByCommunity, NO_STATE } from '../figures/current-state.ts';
import { hotItemsByCommunity } from '../figures/hot-spots.ts';
import { NO_FIGURES, flowFiguresByCommunity } from '../figures/period-figures.ts';
import type { Scope } from '../figures/scope.ts';
import { periodBefore, type Period } from '../figures/period.ts';
import { listLine, submitterNameOf, URGENT_FIRST } from './list-lines.ts';

const HOT_SPOTS = 3;
const OVERDUE_LINES = 10;

type CommunityDigest = Parameters<typeof scheduledTexts.officialDigest>[0]['communities'][number];
type OverdueLine = Pick<Item, 'id' | 'kind' | 'text' | 'createdAt' | 'assignedUnit' | 'priority'> & { communityId: number; claimantName: string | null };

/**
 * Each community's week for an official: the state now and the week's figures, from src/figures
 * (docs/figures.md), so the digest agrees with the bulletin, 统计 and the console. All communities
 * at once: a query per figure, not per community and figure (figures/by-community.ts).
 */
export async function loadCommunityDigests(deps: JobDeps, communityIds: readonly number[], period: Period, now: Date): Promise<Map<number, CommunityDigest>> {
  const { db, config } = deps;
  if (communityIds.length === 0) return new Map();
  const scope: Scope = { communityIds };
  const [communities, states, figures, hot, overdueItems] = await Promise.all([
    db.all<{ id: number; name: string }>(`SELECT id, name FROM communities WHERE id IN ${inList(communityIds.length)}`, [...communityIds]),
    currentStateByCommunity(db, scope, now),
    flowFiguresByCommunity(db, scope, period, now, { answerHours: config.ANSWER_HOURS }),
    hotItemsByCommunity(db, scope, HOT_SPOTS),
    // The overdue list: unfinished items past their deadline now, urgent and oldest deadline first,
    // with who holds each; the first OVERDUE_LINES of each community, a query each: along items
    // (community_id, status, deadline_at, priority) a community's few lines are found in the index,
    // where one ranked query over all communities sorts every overdue item (~10× slower at 1M).
    Promise.all(
      communityIds.map((id) =>
        db.all<OverdueLine>(
          `SELECT o.community_id, o.id, o.kind, o.text, o.created_at, o.assigned_unit, o.priority, p.name AS claimant_name, ${submitterNameOf('o')}
           FROM (
             SELECT community_id, id, kind, text, created_at, assigned_unit, claimant_id, submitter_id, on_behalf_of, deadline_at, priority FROM items
             WHERE community_id = ? AND status IN ('open', 'claimed') AND deadline_at < ?
             ORDER BY ${URGENT_FIRST}, deadline_at, id
             LIMIT ?
           ) o LEFT JOIN people p ON p.id = o.claimant_id
           ORDER BY ${URGENT_FIRST.replace('priority', 'o.priority')}, o.deadline_at, o.id`,
          [id, now, OVERDUE_LINES],
        ),
      ),
    ).then((lists) => lists.flat()),
  ]);
  const overdue = listsByCommunity(overdueItems, (i) => listLine(i, now, { holder: i.claimantName ?? i.assignedUnit ?? '无人认领' }));
  const hours = (s: number | null) => (s === null ? null : s / 3600);
  const out = new Map<number, CommunityDigest>();
  for (const { id, name } of communities) {
    const state = of(states, id, NO_STATE);
    const f = of(figures, id, NO_FIGURES);
    out.set(id, {
      name,
      open: state.open,
      claimed: state.claimed,
      overdue: state.overdue,
      doneThisWeek: f.done,
      medianClaimHours: hours(f.medianClaimSeconds),
      medianResolveHours: hours(f.medianDoneSeconds),
      satisfaction: f.satisfaction,
      onTime: f.onTime,
      hotSpots: of(hot, id, []).map((h) => listLine(h, now, { supporters: h.supporters + 1 })),
      overdueList: of(overdue, id, []),
    });
  }
  return out;
}

/** Monday 08:30: to each official, the week of every community they supervise. */
export const officialDigest: JobDefinition = {
  name: 'official-digest',
  staleAfterMs: DAY,
  async plan(deps, slot, now) {
    const { db, bot, config, log } = deps;
    // The seven days before the day it is sent, as the weekly bulletin (docs/figures.md).
    const period = periodBefore('week', slot, config.BOT_TIMEZONE);
    // Say so when the working-day calendar will run out within a month (SPEC: fall back, and tell).
    const ahead = localDate(new Date(slot.getTime() + 30 * DAY), config.BOT_TIMEZONE);
    const calendarNote = bot.calendar().covers(ahead) ? null : scheduledTexts.calendarNotCovered(ahead.slice(0, 4));
    if (calendarNote) log.warn({ year: ahead.slice(0, 4) }, 'the working-day calendar does not cover the coming weeks');
    const officials = await db.all<{ personId: number; communityId: number; platform: string; platformUserId: string }>(
      `SELECT m.person_id, m.community_id, p.platform, p.platform_user_id
       FROM memberships m JOIN people p ON p.id = m.person_id
       WHERE m.role = 'official'
       ORDER BY m.id`,
    );
    type Official = { platform: string; platformUserId: string };
    const byPerson = new Map<number, { person: Official; communities: number[] }>();
    for (const m of officials) {
      const entry = byPerson.get(m.personId) ?? { person: { platform: m.platform, platformUserId: m.platformUserId }, communities: [] };
      entry.communities.push(m.communityId);
      byPerson.set(m.personId, entry);
    }
    const digests = await loadCommunityDigests(deps, [...new Set(officials.map((m) => m.communityId))], period, now);
    const messages: OutboundMessage[] = [];
    for (const { person, communities } of byPerson.values()) {
      const blocks: CommunityDigest[] = [];
      for (const id of communities) {
        const block = digests.get(id);
        if (block) blocks.push(block);
      }
      const text = scheduledTexts.officialDigest({
        from: bot.fmt.day(period.from),
        to: bot.fmt.day(new Date(period.to.getTime() - 1)),
        communities: blocks,
        calendarNote,
      });
      messages.push(scheduledPush(person.platform, 'user', person.platformUserId, text));
    }
    return { summary: `digests to ${messages.length} official(s) on ${digests.size} community(ies)`, write: async () => messages };
  },
};

