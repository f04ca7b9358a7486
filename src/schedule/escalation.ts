import type { Item } from '../db/rows.ts';
import { insert, inList } from '../db/sql.ts';
import type { OutboundMessage } from '../core/messages.ts';
import { DAY, HOUR } from '../core/clock.ts';
import { localDate } from '../core/zoned-time.ts';
import { scheduledTexts } from './texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { listLine, submitterNameOf, URGENT_FIRST } from './list-lines.ts';

const UNCLAIMED_FOR = 3 * DAY;
const MAX_PER_LIST = 50;
const MAX_LISTED = 5000;
// Escalated items are marked in pages: a bounded IN list per statement.
const PAGE = 500;

type Listed = Pick<Item, 'id' | 'communityId' | 'kind' | 'text' | 'createdAt' | 'claimantId' | 'assignedUnit' | 'escalatedAt' | 'priority'> & { submitterName: string | null };
const COLUMNS = `i.id, i.community_id, i.kind, i.text, i.created_at, i.claimant_id, i.assigned_unit, i.escalated_at, i.priority, ${submitterNameOf('i')}`;
// Urgent items lead every list (SPEC "Items").
const URGENT = URGENT_FIRST.replace('priority', 'i.priority');

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

    const unanswerdBefore = new Date(now.getTime() - config.ANSWER_HOURS * HOUR);
    const [overdue, unclaimed, unanswered] = await Promise.all([
      // The holder's name comes with the overdue items (a join, not a list of ids).
      db.all<Listed & { claimantName: string | null }>(
        `SELECT ${COLUMNS}, p.name AS claimant_name FROM items i LEFT JOIN people p ON p.id = i.claimant_id
         WHERE i.status IN ('open', 'claimed') AND i.deadline_at < ? ORDER BY ${URGENT}, i.deadline_at, i.id LIMIT ?`,
        [now, MAX_LISTED],
      ),
      db.all<Listed>(`SELECT ${COLUMNS} FROM items i WHERE i.status = 'open' AND i.created_at < ? ORDER BY ${URGENT}, i.id LIMIT ?`, [
        new Date(now.getTime() - UNCLAIMED_FOR),
        MAX_LISTED,
      ]),
      db.all<Listed>(`SELECT ${COLUMNS} FROM items i WHERE i.status = 'open' AND i.answered_at IS NULL AND i.created_at < ? ORDER BY ${URGENT}, i.id LIMIT ?`, [
        unanswerdBefore,
        MAX_LISTED,
      ]),
    ]);
    // Each item is listed once, under its most pressing reason.
    const seen = new Set<number>();
    const once = <T extends Listed>(items: T[]) => items.filter((i) => !seen.has(i.id) && seen.add(i.id));
    const lists = { overdue: once(overdue), unclaimed: once(unclaimed), unanswered: once(unanswered) };
    type Entry = { overdue: typeof lists.overdue; unclaimed: Listed[]; unanswered: Listed[] };
    const byCommunity = new Map<number, Entry>();
    const entryOf = (communityId: number) => {
      const entry = byCommunity.get(communityId) ?? { overdue: [], unclaimed: [], unanswered: [] };
      byCommunity.set(communityId, entry);
      return entry;
    };
    for (const item of lists.overdue) entryOf(item.communityId).overdue.push(item);
    for (const item of lists.unclaimed) entryOf(item.communityId).unclaimed.push(item);
    for (const item of lists.unanswered) entryOf(item.communityId).unanswered.push(item);
    const messages: OutboundMessage[] = [];
    const escalated: Listed[] = [];
    for (const [communityId, entry] of byCommunity) {
      const community = await db.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]);
      const officials = await db.all<{ platform: string; platformUserId: string }>(
        `SELECT p.platform, p.platform_user_id FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.community_id = ? AND m.role = 'official' ORDER BY m.id`,
        [communityId],
      );
      if (!community || officials.length === 0) continue;
      const holder = (i: (typeof entry.overdue)[number]) => (i.claimantId !== null ? i.claimantName : i.assignedUnit) ?? '无人认领';
      const text = scheduledTexts.escalation(
        community.name,
        entry.overdue.slice(0, MAX_PER_LIST).map((i) => listLine(i, now, { holder: holder(i) })),
        entry.unclaimed.slice(0, MAX_PER_LIST).map((i) => listLine(i, now)),
        entry.unanswered.slice(0, MAX_PER_LIST).map((i) => listLine(i, now)),
        config.ANSWER_HOURS,
      );
      for (const m of officials) messages.push(scheduledPush(m.platform, 'user', m.platformUserId, text));
      escalated.push(...entry.overdue, ...entry.unclaimed, ...entry.unanswered);
    }
    return {
      summary: `${escalated.length} item(s) escalated to ${messages.length} official(s)`,
      write: async (tx) => {
        for (const item of escalated) {
          if (item.escalatedAt === null) await insert(tx, 'item_events', { itemId: item.id, type: 'escalated', createdAt: now });
        }
        for (let i = 0; i < escalated.length; i += PAGE) {
          const ids = escalated.slice(i, i + PAGE).map((item) => item.id);
          await tx.run(`UPDATE items SET escalated_at = ?, updated_at = ? WHERE id IN ${inList(ids.length)}`, [now, now, ...ids]);
        }
        return messages;
      },
    };
  },
};
