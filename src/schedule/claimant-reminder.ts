import type { Item } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import type { OutboundMessage, Platform } from '../core/messages.ts';
import { DAY, HOUR } from '../core/clock.ts';
import { ConflictError, DomainError } from '../domain/errors.ts';
import { applyEvent } from '../domain/items.ts';
import { publicPlace } from '../bot/notify.ts';
import { scheduledTexts, texts } from '../bot/texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { listLine } from './list-lines.ts';

/**
 * Daily, for claims: a reminder to each claimant whose claims had no progress for REMIND_AFTER_DAYS;
 * claims silent for AUTO_RELEASE_DAYS are released and announced again (claimant and submitter are
 * told why). Snoozed items are left alone. Also confirms items done AUTO_CONFIRM_DAYS ago that their
 * submitter never answered (SPEC lifecycle).
 */
export const claimantReminder: JobDefinition = {
  name: 'claimant-reminder',
  staleAfterMs: 4 * HOUR,
  async plan(deps: JobDeps, _slot, now) {
    const { db, config } = deps;
    const notSnoozed = { OR: [{ snoozedUntil: null }, { snoozedUntil: { lt: now } }] };
    const remindBefore = new Date(now.getTime() - config.REMIND_AFTER_DAYS * DAY);
    const releaseBefore = new Date(now.getTime() - config.AUTO_RELEASE_DAYS * DAY);
    const stale = await db.item.findMany({
      where: { status: 'claimed', claimantId: { not: null }, activityAt: { lt: remindBefore }, ...notSnoozed },
      orderBy: { id: 'asc' },
    });
    const toRelease = stale.filter((i) => i.activityAt! < releaseBefore);
    const toRemind = stale.filter((i) => i.activityAt! >= releaseBefore);
    const unanswered = await db.item.findMany({
      where: { status: 'done', doneAt: { lt: new Date(now.getTime() - config.AUTO_CONFIRM_DAYS * DAY) } },
      orderBy: { id: 'asc' },
    });

    return {
      summary: `${toRemind.length} claim(s) reminded, ${toRelease.length} released, ${unanswered.length} auto-confirmed`,
      write: async (tx) => {
        const messages: OutboundMessage[] = [];
        await remind(tx, toRemind, now, config.REMIND_AFTER_DAYS, config.AUTO_RELEASE_DAYS, messages);
        for (const item of toRelease) await release(tx, item, now, config.AUTO_RELEASE_DAYS, messages);
        for (const item of unanswered) await autoConfirm(tx, item, now, config.AUTO_CONFIRM_DAYS, messages);
        return messages;
      },
    };
  },
};

async function remind(tx: Tx, items: Item[], now: Date, days: number, releaseDays: number, out: OutboundMessage[]) {
  const byClaimant = new Map<number, Item[]>();
  for (const item of items) byClaimant.set(item.claimantId!, [...(byClaimant.get(item.claimantId!) ?? []), item]);
  for (const [claimantId, claims] of byClaimant) {
    const person = await tx.person.findUnique({ where: { id: claimantId } });
    if (!person) continue;
    out.push(scheduledPush(person.platform, 'user', person.platformUserId, scheduledTexts.claimantReminder(claims.map((i) => listLine(i, now)), days, releaseDays)));
    for (const item of claims) {
      // The timeline notes the first reminder of a silence, not every day of it.
      if (item.remindedAt === null) {
        await tx.itemEvent.create({ data: { itemId: item.id, type: 'reminded', createdAt: now } });
      }
      await tx.item.update({ where: { id: item.id }, data: { remindedAt: now } });
    }
  }
}

async function release(tx: Tx, item: Item, now: Date, days: number, out: OutboundMessage[]) {
  const fresh = await tx.item.findUnique({ where: { id: item.id } });
  // The claimant may have written since the job read the ledger: then there is nothing to release.
  if (!fresh || fresh.version !== item.version) return;
  try {
    await applyEvent(tx, null, fresh, 'release', now, { note: `${days} 天没有进展`, type: 'auto_released' });
  } catch (error) {
    if (error instanceof ConflictError || error instanceof DomainError) return;
    throw error;
  }
  const claimant = await tx.person.findUnique({ where: { id: item.claimantId! } });
  const submitter = await tx.person.findUnique({ where: { id: item.submitterId } });
  if (claimant) out.push(scheduledPush(claimant.platform, 'user', claimant.platformUserId, scheduledTexts.releasedToClaimant(item.id, days)));
  if (submitter) out.push(scheduledPush(submitter.platform, 'user', submitter.platformUserId, scheduledTexts.releasedToSubmitter(item.id)));
  const groups = await tx.groupChat.findMany({ where: { communityId: item.communityId }, orderBy: { id: 'asc' } });
  for (const g of groups) out.push(scheduledPush(g.platform as Platform, 'group', g.conversationId, texts.announceAgain(item, publicPlace(item))));
}

async function autoConfirm(tx: Tx, item: Item, now: Date, days: number, out: OutboundMessage[]) {
  const fresh = await tx.item.findUnique({ where: { id: item.id } });
  if (!fresh || fresh.version !== item.version) return;
  try {
    await applyEvent(tx, null, fresh, 'autoConfirm', now, { note: `${days} 天未答复` });
  } catch (error) {
    if (error instanceof ConflictError || error instanceof DomainError) return;
    throw error;
  }
  const submitter = await tx.person.findUnique({ where: { id: item.submitterId } });
  if (submitter) out.push(scheduledPush(submitter.platform, 'user', submitter.platformUserId, texts.toSubmitterAutoConfirmed(item.id, days)));
}
