import type { Item } from '../db/rows.ts';
import { insert, inList } from '../db/sql.ts';
import type { OutboundMessage } from '../core/messages.ts';
import { HOUR } from '../core/clock.ts';
import { localDate, zonedTime } from '../core/zoned-time.ts';
import { scheduledTexts } from './texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { listLine, URGENT_FIRST } from './list-lines.ts';

const MAX_ITEMS = 2000;
const PAGE = 500;

type Late = Pick<Item, 'id' | 'communityId' | 'kind' | 'text' | 'createdAt' | 'priority'> & {
  platform: string;
  platformUserId: string;
  communityName: string;
  communityPhone: string | null;
};

/**
 * Hourly: 件件有回音 kept. The receipt promised a first human answer within ANSWER_HOURS
 * (items.answer_due_at); when none came, the submitter is told once what happens now and by when
 * (passed to the community's officials, who hear of it in the same run), and late_notice_at records it.
 * The daily escalation still lists these items until someone answers.
 */
export const answerDue: JobDefinition = {
  name: 'answer-due',
  staleAfterMs: 2 * HOUR,
  async plan(deps: JobDeps, _slot, now) {
    const { db, bot, config } = deps;
    // (status, answer_due_at): the open items past their promise, never the ledger.
    const late = await db.all<Late>(
      `SELECT i.id, i.community_id, i.kind, i.text, i.created_at, i.priority, p.platform, p.platform_user_id, p.name AS submitter_name,
              c.name AS community_name, c.phone AS community_phone
       FROM items i JOIN people p ON p.id = i.submitter_id JOIN communities c ON c.id = i.community_id
       WHERE i.status = 'open' AND i.answer_due_at < ? AND i.answered_at IS NULL AND i.late_notice_at IS NULL
       ORDER BY ${URGENT_FIRST.replace('priority', 'i.priority')}, i.id LIMIT ?`,
      [now, MAX_ITEMS],
    );
    if (late.length === 0) return { summary: 'no promised answer is late' };
    // "最迟 12月1日（周一）": the end of the next working day.
    const next = bot.calendar().addWorkdays(localDate(now, config.BOT_TIMEZONE), 1);
    const nextAt = zonedTime(next, '12:00:00', config.BOT_TIMEZONE);
    const by = `${bot.fmt.day(nextAt)}（${bot.fmt.weekday(nextAt)}）`;
    const messages: OutboundMessage[] = [];
    for (const item of late) {
      const text = scheduledTexts.lateToSubmitter(item.id, item.text, config.ANSWER_HOURS, by, item.communityPhone);
      messages.push(scheduledPush(item.platform, 'user', item.platformUserId, text));
    }
    const byCommunity = new Map<number, Late[]>();
    for (const item of late) byCommunity.set(item.communityId, [...(byCommunity.get(item.communityId) ?? []), item]);
    for (const [communityId, items] of byCommunity) {
      const officials = await db.all<{ platform: string; platformUserId: string }>(
        `SELECT p.platform, p.platform_user_id FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.community_id = ? AND m.role = 'official' ORDER BY m.id`,
        [communityId],
      );
      const text = scheduledTexts.lateToOfficials(items[0]!.communityName, items.map((i) => listLine(i, now)), config.ANSWER_HOURS, by);
      for (const o of officials) messages.push(scheduledPush(o.platform, 'user', o.platformUserId, text));
    }
    return {
      summary: `${late.length} submitter(s) told their answer is late`,
      write: async (tx) => {
        for (let i = 0; i < late.length; i += PAGE) {
          const ids = late.slice(i, i + PAGE).map((item) => item.id);
          await tx.run(`UPDATE items SET late_notice_at = ?, updated_at = ? WHERE id IN ${inList(ids.length)} AND late_notice_at IS NULL`, [
            now,
            now,
            ...ids,
          ]);
        }
        for (const item of late) await insert(tx, 'item_events', { itemId: item.id, type: 'late_notice', createdAt: now });
        return messages;
      },
    };
  },
};
