import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/sql.ts';
import { dueRows } from '../../src/outbox/due-rows.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { leaseRows } from '../../src/outbox/lease-rows.ts';
import { RateLimiter } from '../../src/outbox/rate-limiter.ts';
import { connectDatabase, freshDatabaseUrl } from '../helpers/test-db.ts';

// Two processes read the same waiting rows and lease them, each on its own connection: on
// PostgreSQL at the same moment (the two transactions overlap); on SQLite, whose one writer would
// block this single test process, one after the other from the same stale reading. Every row goes
// to one of them.
describe('leasing waiting outbox rows', () => {
  let one: Db;
  let two: Db;
  beforeAll(async () => {
    const url = await freshDatabaseUrl();
    one = await connectDatabase(url);
    two = await connectDatabase(url);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('two processes leasing the same 300 rows (at once on PostgreSQL): each row is held by exactly one, and marked so', async () => {
    const now = new Date();
    await one.transaction((tx) =>
      enqueue(tx, Array.from({ length: 300 }, (_, i) => ({ platform: 'sim', target: { type: 'user' as const, id: `u${i}` }, text: `第${i}条`, format: 'text' as const })), {}, now),
    );
    const rows = await one.transaction((tx) => dueRows(tx, now, null, 1000));
    expect(rows).toHaveLength(300);
    const candidates = rows.map((row) => ({ row, limit: null }));
    const lease = (db: Db, owner: string) => leaseRows({ db, rateLimiter: new RateLimiter(db), owner, leaseMs: 60_000 }, candidates, now);
    const [a, b] = one.dialect === 'postgresql' ? await Promise.all([lease(one, 'p1'), lease(two, 'p2')]) : [await lease(one, 'p1'), await lease(two, 'p2')];
    if (one.dialect === 'sqlite') expect(b).toEqual([]);
    const held = [...a, ...b].map((c) => c.row.id);
    expect(new Set(held).size).toBe(300);
    expect(held).toHaveLength(300);
    const owners = await one.all<{ id: number; leaseOwner: string; status: string }>('SELECT id, lease_owner, status FROM outbox_messages ORDER BY id');
    const mine = new Map([...a.map((c) => [c.row.id, 'p1'] as const), ...b.map((c) => [c.row.id, 'p2'] as const)]);
    expect(owners.every((r) => r.status === 'sending' && r.leaseOwner === mine.get(r.id))).toBe(true);
    // Leased again from the same (now stale) reading: nothing.
    expect(await lease(one, 'p3')).toEqual([]);
  });
});
