import type { WecomWsFake } from '../../fakes/wecom-ws-fake.ts';
import type { TestApp } from '../../helpers/test-app.ts';
import { countRows } from '../../helpers/test-db.ts';

/** Waits until every message taken in was handled and everything it caused was sent (or died). */
export async function settled(t: TestApp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await t.app.inbound.idle();
    const open = await countRows(t.app.db, 'outbox_messages', "status IN ('pending', 'sending')");
    const waiting = await countRows(t.app.db, 'inbound_messages', 'status = ?', ['pending']);
    if (open === 0 && waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${open} outbox rows and ${waiting} inbound messages still open`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** How much a table holds that a refused callback must not have added to. */
export async function stored(t: TestApp): Promise<{ inbound: number; addresses: number; outbox: number }> {
  const db = t.app.db;
  return {
    inbound: await countRows(db, 'inbound_messages'),
    addresses: await countRows(db, 'channel_addresses'),
    outbox: await countRows(db, 'outbox_messages'),
  };
}

/** Waits until `check` holds (for conditions read from the database). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited in vain for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Long-connection timings short enough for tests (the SDK's own defaults are seconds). */
export const FAST = {
  leaseTtlMs: 1500,
  renewEveryMs: 300,
  standbyPollMs: 100,
  kickedRetryMs: 60_000,
  kickedRetryMaxMs: 60_000,
  reconnectIntervalMs: 50,
  heartbeatIntervalMs: 500,
};

export const botEnv = (ws: WecomWsFake) => ({ SIM_ENABLED: 'false', WECOM_BOT_ID: 'BOT_ID', WECOM_BOT_SECRET: 'bot-secret', WECOM_BOT_WS_URL: ws.url });
