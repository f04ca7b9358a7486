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
  let wake: (() => void) | null = null;
  let woken = false;
  const off = signal.onSettled((id) => {
    if (!wanted.has(id)) return;
    woken = true;
    wake?.();
  });
  try {
    signal.kick();
    const deadline = Date.now() + timeoutMs;
    const sql = `SELECT count(*) AS n FROM outbox_messages WHERE id IN ${inList(ids.length)} AND status IN ('pending', 'sending')`;
    for (;;) {
      woken = false;
      const left = (await db.get<{ n: number }>(sql, ids))!.n;
      if (left === 0 || Date.now() >= deadline) return;
      if (woken) continue;
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
