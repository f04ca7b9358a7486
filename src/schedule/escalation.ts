import type { Item } from '../db/rows.ts';
import type { OutboundMessage } from '../core/messages.ts';
import { DAY, HOUR } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import { scheduledTexts } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { listLine } from './list-lines.ts';

const UNCLAIMED_FOR = 3 * DAY;
const MAX_PER_LIST = 50;

/**
 * Working days at 17:00, to each community's officials: items past their deadline, unclaimed for
 * more than three days, or with no human answer within ANSWER_HOURS (SPEC "Schedules").
 */
export const escalation: JobDefinition = {
  name: 'escalation',
  staleAfterMs: 2 * HOUR,
  async plan(deps: JobDeps, slot, now) {
    const { db, bot, config, log } = deps;
    const date = localDate(slot, config.BOT_TIMEZONE);
    const calendar = bot.calendar();
    if (!calendar.covers(date)) log.warn({ date }, 'the working-day calendar does not cover this year; using Monday–Friday');
    if (!calendar.isWorkday(date)) return { summary: `${date} is not a working day`, skipped: 'not a working day' };

    const active = { status: { in: ['open', 'claimed'] } };
    const unanswerdBefore = new Date(now.getTime() - config.ANSWER_HOURS * HOUR);
    const [overdue, unclaimed, unanswered] = await Promise.all([
      db.item.findMany({ where: { ...active, deadlineAt: { lt: now } }, orderBy: { deadlineAt: 'asc' }, take: 5000 }),
      db.item.findMany({ where: { status: 'open', createdAt: { lt: new Date(now.getTime() - UNCLAIMED_FOR) } }, orderBy: { id: 'asc' }, take: 5000 }),
      db.item.findMany({ where: { status: 'open', answeredAt: null, createdAt: { lt: unanswerdBefore } }, orderBy: { id: 'asc' }, take: 5000 }),
    ]);
    // Each item is listed once, under its most pressing reason.
    const seen = new Set<number>();
    const once = (items: Item[]) => items.filter((i) => !seen.has(i.id) && seen.add(i.id));
    const lists = { overdue: once(overdue), unclaimed: once(unclaimed), unanswered: once(unanswered) };
    const byCommunity = new Map<number, typeof lists>();
    for (const [kind, items] of Object.entries(lists) as Array<[keyof typeof lists, Item[]]>) {
      for (const item of items) {
        const entry = byCommunity.get(item.communityId) ?? { overdue: [], unclaimed: [], unanswered: [] };
        entry[kind].push(item);
        byCommunity.set(item.communityId, entry);
      }
    }
    const messages: OutboundMessage[] = [];
    const escalated: Item[] = [];
    for (const [communityId, entry] of byCommunity) {
      const community = await db.community.findUnique({ where: { id: communityId } });
      const officials = await db.membership.findMany({ where: { communityId, role: 'official' }, include: { person: true }, orderBy: { id: 'asc' } });
      if (!community || officials.length === 0) continue;
      const holders = await holderNames(deps, entry.overdue);
      const text = scheduledTexts.escalation(
        community.name,
        entry.overdue.slice(0, MAX_PER_LIST).map((i) => listLine(i, now, { holder: holders.get(i.id) })),
        entry.unclaimed.slice(0, MAX_PER_LIST).map((i) => listLine(i, now)),
        entry.unanswered.slice(0, MAX_PER_LIST).map((i) => listLine(i, now)),
        config.ANSWER_HOURS,
      );
      for (const m of officials) messages.push(scheduledPush(m.person.platform, 'user', m.person.platformUserId, text));
      escalated.push(...entry.overdue, ...entry.unclaimed, ...entry.unanswered);
    }
    return {
      summary: `${escalated.length} item(s) escalated to ${messages.length} official(s)`,
      write: async (tx) => {
        for (const item of escalated) {
          if (item.escalatedAt === null) await tx.itemEvent.create({ data: { itemId: item.id, type: 'escalated', createdAt: now } });
        }
        await tx.item.updateMany({ where: { id: { in: escalated.map((i) => i.id) } }, data: { escalatedAt: now } });
        return messages;
      },
    };
  },
};

async function holderNames(deps: JobDeps, items: Item[]): Promise<Map<number, string>> {
  const ids = [...new Set(items.map((i) => i.claimantId).filter((id): id is number => id !== null))];
  const people = await deps.db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return new Map(items.map((i) => [i.id, (i.claimantId !== null ? names.get(i.claimantId) : i.assignedUnit) ?? '无人认领']));
}
