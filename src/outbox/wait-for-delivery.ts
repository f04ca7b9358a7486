import type { Db } from '../db/sql.ts';
import { inList } from '../db/sql.ts';
import type { OutboxSignal } from './outbox-signal.ts';

/**
 * Waits until the given outbox rows are sent or dead, or the time is up (the simulator answers an
 * HTTP request with the bot's replies). This process's dispatcher says when a row ended for good
 * (committed), so the usual wait asks the database once at most; a look every 250 ms covers another
 * process sending a row, and a retry. `unsent`: the rows were written just now by the caller and
 * cannot have been attempted yet, so the first look is skipped.
 */
export async function waitForDelivery(db: Db, signal: OutboxSignal, ids: readonly number[], timeoutMs: number, unsent = false): Promise<void> {
  const open = new Set(ids);
  if (open.size === 0) return;
  let wake: (() => void) | null = null;
  const off = signal.onSettled((id, final) => {
    if (final && open.delete(id) && open.size === 0) wake?.();
  });
  const look = async () => {
    const left = await db.all<{ id: number }>(
      `SELECT id FROM outbox_messages WHERE id IN ${inList(open.size)} AND status IN ('pending', 'sending')`,
      [...open],
    );
    const still = new Set(left.map((r) => r.id));
    for (const id of open) if (!still.has(id)) open.delete(id);
  };
  try {
    const deadline = Date.now() + timeoutMs;
    // Rows just written were offered to the dispatcher by their writer already.
    if (!unsent) {
      signal.kick();
      await look();
    }
    for (;;) {
      await new Promise<void>((resolve) => {
        if (open.size === 0) return resolve();
        const timer = setTimeout(resolve, Math.min(250, Math.max(0, deadline - Date.now())));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      if (open.size === 0 || Date.now() >= deadline) return;
      await look();
      if (open.size === 0) return;
    }
  } finally {
    off();
  }
}
