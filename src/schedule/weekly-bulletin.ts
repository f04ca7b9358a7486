import type { OutboundMessage } from '../core/messages.ts';
import { DAY } from '../core/clock.ts';
import { maskName } from '../bot/mask.ts';
import { scheduledTexts } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { averageRating, within } from './ledger-figures.ts';

const PIONEERS = 5;
const THANKS = 3;

export type WeeklyBulletinData = Parameters<typeof scheduledTexts.weeklyBulletin>[0];

/** The figures of one community's week, all counted in the database. */
export async function loadWeeklyBulletin(deps: JobDeps, communityId: number, from: Date, to: Date): Promise<WeeklyBulletinData> {
  const { db, bot } = deps;
  const week = within(from, to);
  const c = { communityId };
  const [community, created, claimed, done, confirmed, open, rating, doneBy, thanked] = await Promise.all([
    db.community.findUniqueOrThrow({ where: { id: communityId } }),
    db.item.count({ where: { ...c, createdAt: week } }),
    db.item.count({ where: { ...c, claimedAt: week } }),
    db.item.count({ where: { ...c, doneAt: week } }),
    db.item.count({ where: { ...c, status: 'confirmed', closedAt: week } }),
    db.item.count({ where: { ...c, status: 'open' } }),
    averageRating(db, { ...c, status: 'confirmed', closedAt: week }),
    db.itemEvent.groupBy({
      by: ['actorId'],
      where: { type: 'done', createdAt: week, actorId: { not: null }, item: c },
      _count: { _all: true },
      orderBy: [{ _count: { actorId: 'desc' } }, { actorId: 'asc' }],
      take: PIONEERS,
    }),
    db.item.findMany({
      where: { ...c, status: 'confirmed', closedAt: week, rating: { gte: 4 }, ratingComment: { not: null } },
      orderBy: [{ rating: 'desc' }, { id: 'asc' }],
      take: THANKS,
      include: { submitter: { select: { name: true } } },
    }),
  ]);
  const names = new Map(
    (await db.person.findMany({ where: { id: { in: doneBy.map((d) => d.actorId!) } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  );
  const fmt = bot.fmt;
  return {
    community: community.name,
    from: fmt.day(from),
    to: fmt.day(new Date(to.getTime() - DAY)),
    created,
    claimed,
    done,
    confirmed,
    rating,
    pioneers: doneBy.map((d) => ({ name: names.get(d.actorId!) ?? '志愿者', done: d._count._all })),
    thanks: thanked.map((i) => ({ id: i.id, from: maskName(i.submitter.name), comment: i.ratingComment! })),
    open,
  };
}

/** Monday 09:00: to each group, its community's week (周报/公示). */
export const weeklyBulletin: JobDefinition = {
  name: 'weekly-bulletin',
  staleAfterMs: DAY,
  async plan(deps, slot) {
    const { db } = deps;
    const from = new Date(slot.getTime() - 7 * DAY);
    const groups = await db.groupChat.findMany({ orderBy: { id: 'asc' } });
    const byCommunity = new Map<number, string>();
    const messages: OutboundMessage[] = [];
    for (const g of groups) {
      let text = byCommunity.get(g.communityId);
      if (text === undefined) {
        text = scheduledTexts.weeklyBulletin(await loadWeeklyBulletin(deps, g.communityId, from, slot));
        byCommunity.set(g.communityId, text);
      }
      messages.push(scheduledPush(g.platform, 'group', g.conversationId, text));
    }
    return { summary: `bulletins for ${byCommunity.size} community(ies) to ${messages.length} group(s)`, write: async () => messages };
  },
};
