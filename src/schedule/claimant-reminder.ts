import type { Item, Person } from '../db/rows.ts';
import { insert, type Tx } from '../db/sql.ts';
import type { OutboundMessage, Platform } from '../core/messages.ts';
import { DAY, HOUR } from '../core/clock.ts';
import { ConflictError, DomainError } from '../domain/errors.ts';
import { applyEvent } from '../domain/items.ts';
import { publicPlace, publicText } from '../bot/public-view.ts';
import { groups as groupTexts } from '../bot/texts/groups.ts';
import { scheduledTexts } from './texts.ts';
import { scheduledPush, type JobDefinition, type JobDeps } from './job.ts';
import { listLine, submitterNameOf } from './list-lines.ts';

// What the job needs of a claim (the list line, the release notices) and of a done item; a release
// or a confirmation reads the whole row again in its transaction.
type Claim = Pick<Item, 'id' | 'kind' | 'text' | 'place' | 'createdAt' | 'communityId' | 'submitterId' | 'claimantId' | 'version' | 'activityAt' | 'remindedAt' | 'priority'> & {
  submitterName: string | null;
};
type Done = Pick<Item, 'id' | 'version' | 'submitterId'>;
const CLAIM_COLUMNS = `id, kind, text, place, created_at, community_id, submitter_id, claimant_id, version, activity_at, reminded_at, priority, ${submitterNameOf('items')}`;

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
    const remindBefore = new Date(now.getTime() - config.REMIND_AFTER_DAYS * DAY);
    const releaseBefore = new Date(now.getTime() - config.AUTO_RELEASE_DAYS * DAY);
    // (status, activity_at): the claims gone quiet, snoozed ones left alone.
    const stale = await db.all<Claim>(
      `SELECT ${CLAIM_COLUMNS} FROM items
       WHERE status = 'claimed' AND claimant_id IS NOT NULL AND activity_at < ? AND (snoozed_until IS NULL OR snoozed_until < ?)
       ORDER BY id`,
      [remindBefore, now],
    );
    const toRelease = stale.filter((i) => i.activityAt! < releaseBefore);
    const toRemind = stale.filter((i) => i.activityAt! >= releaseBefore);
    const unanswered = await db.all<Done>("SELECT id, version, submitter_id FROM items WHERE status = 'done' AND done_at < ? ORDER BY id", [
      new Date(now.getTime() - config.AUTO_CONFIRM_DAYS * DAY),
    ]);

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

async function remind(tx: Tx, items: Claim[], now: Date, days: number, releaseDays: number, out: OutboundMessage[]) {
  const byClaimant = new Map<number, Claim[]>();
  for (const item of items) byClaimant.set(item.claimantId!, [...(byClaimant.get(item.claimantId!) ?? []), item]);
  for (const [claimantId, claims] of byClaimant) {
    const person = await personOf(tx, claimantId);
    if (!person) continue;
    out.push(scheduledPush(person.platform, 'user', person.platformUserId, scheduledTexts.claimantReminder(claims.map((i) => listLine(i, now)), days, releaseDays)));
    for (const item of claims) {
      // The timeline notes the first reminder of a silence, not every day of it.
      if (item.remindedAt === null) {
        await insert(tx, 'item_events', { itemId: item.id, type: 'reminded', createdAt: now });
      }
      await tx.run('UPDATE items SET reminded_at = ?, updated_at = ? WHERE id = ?', [now, now, item.id]);
    }
  }
}

async function release(tx: Tx, item: Claim, now: Date, days: number, out: OutboundMessage[]) {
  const fresh = await tx.get<Item>('SELECT * FROM items WHERE id = ?', [item.id]);
  // The claimant may have written since the job read the ledger: then there is nothing to release.
  if (!fresh || fresh.version !== item.version) return;
  try {
    await applyEvent(tx, null, fresh, 'release', now, { note: `${days} 天没有进展`, type: 'auto_released' });
  } catch (error) {
    if (error instanceof ConflictError || error instanceof DomainError) return;
    throw error;
  }
  const claimant = await personOf(tx, item.claimantId!);
  const submitter = await personOf(tx, item.submitterId);
  if (claimant) out.push(scheduledPush(claimant.platform, 'user', claimant.platformUserId, scheduledTexts.releasedToClaimant(item.id, days)));
  if (submitter) out.push(scheduledPush(submitter.platform, 'user', submitter.platformUserId, scheduledTexts.releasedToSubmitter(item.id)));
  const groups = await tx.all<{ platform: string; conversationId: string }>(
    'SELECT platform, conversation_id FROM group_chats WHERE community_id = ? ORDER BY id',
    [item.communityId],
  );
  for (const g of groups) out.push(scheduledPush(g.platform as Platform, 'group', g.conversationId, groupTexts.announceAgain({ ...item, text: publicText(item, item.submitterName ? [item.submitterName] : []) }, publicPlace(item))));
}

async function autoConfirm(tx: Tx, item: Done, now: Date, days: number, out: OutboundMessage[]) {
  const fresh = await tx.get<Item>('SELECT * FROM items WHERE id = ?', [item.id]);
  if (!fresh || fresh.version !== item.version) return;
  try {
    await applyEvent(tx, null, fresh, 'autoConfirm', now, { note: `${days} 天未答复` });
  } catch (error) {
    if (error instanceof ConflictError || error instanceof DomainError) return;
    throw error;
  }
  const submitter = await personOf(tx, item.submitterId);
  if (submitter) out.push(scheduledPush(submitter.platform, 'user', submitter.platformUserId, scheduledTexts.autoConfirmed(item.id, days)));
}

function personOf(tx: Tx, id: number): Promise<Pick<Person, 'platform' | 'platformUserId'> | undefined> {
  return tx.get('SELECT platform, platform_user_id FROM people WHERE id = ?', [id]);
}
