import type { Tx } from '../db/sql.ts';
import { MINUTE } from '../core/clock.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import type { Correction } from './correction.ts';
import type { Outgoing } from './outgoing.ts';
import { runCommands } from './run-commands.ts';
import { say } from './say.ts';
import { everyone } from './texts/common.ts';
import { takeBack } from './take-back-done.ts';
import { residents } from './texts/residents.ts';
import { retryRefused } from './remember-refusal.ts';

// A slip owned up to refers to what the person did a moment ago.
const RECENT = 30 * MINUTE;
const UNNAMED = 3 * MINUTE;

/** The person's last step on an item within the last half hour (on `id` when named). */
export async function lastStep(tx: Tx, personId: number, id: number | null, now: Date): Promise<{ itemId: number; type: string } | undefined> {
  // Without the number said by mistake, only a step of the last few minutes is the one meant
  // ("打错 是7" may follow a refusal, which left no step at all).
  const since = new Date(now.getTime() - (id === null ? UNNAMED : RECENT));
  return id === null
    ? // Along the (type, created_at) index: the last minutes of each kind of step, not the whole ledger.
      tx.get(
        `SELECT item_id, type FROM item_events WHERE type IN ('claimed', 'done', 'progress', 'released', 'supported', 'confirmed', 'withdrawn') AND created_at >= ? AND actor_id = ? ORDER BY id DESC LIMIT 1`,
        [since, personId],
      )
    : tx.get(`SELECT item_id, type FROM item_events WHERE actor_id = ? AND item_id = ? AND created_at >= ? ORDER BY id DESC LIMIT 1`, [personId, id, since]);
}

/**
 * "刚才说错了 是5号不是3号": a claim of the wrong item is given back and the right one claimed; any
 * other step cannot be taken back by its author, and the answer says what to do instead.
 */
export async function correctLast(tx: Tx, ctx: MessageContext, fix: Correction, out: Outgoing, deps: BotDeps): Promise<void> {
  // "认领7" was refused a moment ago: the same command, on the number meant.
  if (fix.right !== null && fix.wrong === null && (await retryRefused(tx, ctx, fix.right, out, deps))) return;
  const last = await lastStep(tx, ctx.person.id, fix.wrong, ctx.now);
  if (!last || fix.right === null) {
    say(ctx, out, everyone.correctionHow(last?.itemId ?? fix.wrong, fix.right));
    return;
  }
  const still = await tx.get<{ claimantId: number | null; status: string }>('SELECT claimant_id, status FROM items WHERE id = ?', [last.itemId]);
  const holds = still?.claimantId === ctx.person.id;
  if (last.type === 'claimed' && last.itemId !== fix.right && holds && still?.status === 'claimed') {
    await runCommands(tx, ctx, [{ type: 'release', id: last.itemId, reason: '认领错了' }, { type: 'claim', id: fix.right }], out, deps);
    return;
  }
  // "刚才说错了 1号还没修好 先别算完成", "是5号不是3号" after "完成 3": the completion taken back
  // (and said of the item meant).
  if (last.type === 'done' && holds && still?.status === 'done') {
    const note = await tx.get<{ note: string | null }>(`SELECT note FROM item_events WHERE item_id = ? AND type = 'done' ORDER BY id DESC LIMIT 1`, [last.itemId]);
    await takeBack(tx, ctx, last.itemId, out);
    if (last.itemId !== fix.right) await runCommands(tx, ctx, [{ type: 'done', id: fix.right, note: note?.note ?? '' }], out, deps);
    return;
  }
  // "发错了 刚才那条是7号何奶奶的 不是9号": the news said again of the item meant; the other's
  // submitter is told to pay the first no mind.
  if (last.type === 'progress' && last.itemId !== fix.right) {
    const news = await tx.get<{ note: string | null; submitterId: number }>(
      `SELECT e.note, i.submitter_id FROM item_events e JOIN items i ON i.id = e.item_id WHERE e.item_id = ? AND e.type = 'progress' AND e.actor_id = ? ORDER BY e.id DESC LIMIT 1`,
      [last.itemId, ctx.person.id],
    );
    if (news?.note) {
      await runCommands(tx, ctx, [{ type: 'progress', id: fix.right, note: news.note }], out, deps);
      out.toPersonId(news.submitterId, residents.progressSentByMistake(last.itemId));
      return;
    }
  }
  // A step the words did not name and nothing here can undo: no guess at which one was meant.
  say(ctx, out, everyone.correctionHow(last.itemId === fix.right || fix.wrong === null ? null : last.itemId, fix.right));
}
