import type { Db } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import type { OutboxSignal } from './outbox-signal.ts';

/**
 * Waits until the given outbox rows are sent or dead, or the time is up (the simulator answers an
 * HTTP request with the bot's replies). Woken when this process settles one of them; a slower look
 * covers another process sending it.
 */
export async function waitForDelivery(db: Db, signal: OutboxSignal, ids: readonly number[], timeoutMs: number): Promise<void> {
  if (ids.length === 0) return;
  const wanted = new Set(ids);
  // Rows not yet attempted here since the last look: the database is asked again once none is left
  // (or at the slower look), not after every single one.
  let unsettled = new Set(ids);
  let wake: (() => void) | null = null;
  const off = signal.onSettled((id) => {
    if (!wanted.has(id)) return;
    unsettled.delete(id);
    if (unsettled.size === 0) wake?.();
  });
  try {
    signal.kick();
    const deadline = Date.now() + timeoutMs;
    const sql = `SELECT count(*) AS n FROM outbox_messages WHERE id IN ${inList(ids.length)} AND status IN ('pending', 'sending')`;
    for (;;) {
      const settledBefore = unsettled.size === 0;
      const left = (await db.get<{ n: number }>(sql, ids))!.n;
      if (left === 0 || Date.now() >= deadline) return;
      // Every one was attempted and some are due again (a retry): wait for their next attempts.
      if (settledBefore) unsettled = new Set(ids);
      if (unsettled.size === 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(250, Math.max(0, deadline - Date.now())));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  } finally {
    off();
  }
}
