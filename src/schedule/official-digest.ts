import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import { scheduledTexts, type ListLine } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { averageRating, medianSeconds, within } from './ledger-figures.ts';
import { listLine } from './list-lines.ts';

const HOT_SPOTS = 3;
const OVERDUE_LINES = 10;

type CommunityDigest = Parameters<typeof scheduledTexts.officialDigest>[0]['communities'][number];

/** One community's figures for an official, every count and median computed in the database. */
export async function loadCommunityDigest(deps: JobDeps, communityId: number, from: Date, to: Date): Promise<CommunityDigest> {
  const { db, config } = deps;
  const c = { communityId };
  const week = within(from, to);
  const active = { status: { in: ['open', 'claimed'] } };
  const answerWindow = config.ANSWER_HOURS * 3600;
  const [community, open, claimed, overdue, doneThisWeek, medianClaim, medianResolve, rating, createdThisWeek, inTime, stillWaiting, overdueItems, hot] =
    await Promise.all([
      db.community.findUniqueOrThrow({ where: { id: communityId } }),
      db.item.count({ where: { ...c, status: 'open' } }),
      db.item.count({ where: { ...c, status: 'claimed' } }),
      db.item.count({ where: { ...c, ...active, deadlineAt: { lt: to } } }),
      db.item.count({ where: { ...c, doneAt: week } }),
      medianSeconds(db, { ...c, claimedAt: week }, 'claimSeconds'),
      medianSeconds(db, { ...c, doneAt: week }, 'resolveSeconds'),
      averageRating(db, { ...c, status: 'confirmed', closedAt: week }),
      db.item.count({ where: { ...c, createdAt: week } }),
      db.item.count({ where: { ...c, createdAt: week, answerSeconds: { lte: answerWindow } } }),
      // Items whose answer time has not run out yet are not counted either way.
      db.item.count({ where: { ...c, createdAt: { gte: new Date(to.getTime() - answerWindow * 1000), lt: to }, answeredAt: null } }),
      db.item.findMany({
        where: { ...c, ...active, deadlineAt: { lt: to } },
        orderBy: { deadlineAt: 'asc' },
        take: OVERDUE_LINES,
        include: { claimant: { select: { name: true } } },
      }),
      db.itemSupporter.groupBy({
        by: ['itemId'],
        where: { item: { ...c, ...active, kind: 'report' } },
        _count: { _all: true },
        orderBy: [{ _count: { personId: 'desc' } }, { itemId: 'asc' }],
        take: HOT_SPOTS,
      }),
    ]);
  const hotItems = await db.item.findMany({ where: { id: { in: hot.map((h) => h.itemId) } } });
  const hotSpots: ListLine[] = hot
    .map((h) => {
      const item = hotItems.find((i) => i.id === h.itemId);
      return item ? listLine(item, to, { supporters: h._count._all + 1 }) : null;
    })
    .filter((x): x is ListLine => x !== null);
  const hours = (s: number | null) => (s === null ? null : s / 3600);
  return {
    name: community.name,
    open,
    claimed,
    overdue,
    doneThisWeek,
    medianClaimHours: hours(medianClaim),
    medianResolveHours: hours(medianResolve),
    rating,
    answeredInTime: { inTime, total: createdThisWeek - stillWaiting },
    hotSpots,
    overdueList: overdueItems.map((i) => listLine(i, to, { holder: i.claimant?.name ?? i.assignedUnit ?? '无人认领' })),
  };
}

/** Monday 08:30: to each official, the week of every community they supervise. */
export const officialDigest: JobDefinition = {
  name: 'official-digest',
  staleAfterMs: DAY,
  async plan(deps, slot) {
    const { db, bot, config, log } = deps;
    const from = new Date(slot.getTime() - 7 * DAY);
    // Say so when the working-day calendar will run out within a month (SPEC: fall back, and tell).
    const ahead = localDate(new Date(slot.getTime() + 30 * DAY), config.BOT_TIMEZONE);
    const calendarNote = bot.calendar().covers(ahead) ? null : scheduledTexts.calendarNotCovered(ahead.slice(0, 4));
    if (calendarNote) log.warn({ year: ahead.slice(0, 4) }, 'the working-day calendar does not cover the coming weeks');
    const officials = await db.membership.findMany({ where: { role: 'official' }, include: { person: true }, orderBy: { id: 'asc' } });
    const digests = new Map<number, CommunityDigest>();
    const byPerson = new Map<number, { person: (typeof officials)[number]['person']; communities: number[] }>();
    for (const m of officials) {
      const entry = byPerson.get(m.personId) ?? { person: m.person, communities: [] };
      entry.communities.push(m.communityId);
      byPerson.set(m.personId, entry);
    }
    const messages: OutboundMessage[] = [];
    for (const { person, communities } of byPerson.values()) {
      const blocks: CommunityDigest[] = [];
      for (const id of communities) {
        if (!digests.has(id)) digests.set(id, await loadCommunityDigest(deps, id, from, slot));
        blocks.push(digests.get(id)!);
      }
      const text = scheduledTexts.officialDigest({
        from: bot.fmt.day(from),
        to: bot.fmt.day(new Date(slot.getTime() - 1)),
        communities: blocks,
        calendarNote,
      });
      messages.push(scheduledPush(person.platform, 'user', person.platformUserId, text));
    }
    return { summary: `digests to ${messages.length} official(s) on ${digests.size} community(ies)`, write: async () => messages };
  },
};

