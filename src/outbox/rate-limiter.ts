import type { Tx } from '../db/sql.ts';

export type Reservation = { ok: true } | { ok: false; retryAt: Date };

/**
 * Keeps a target under a platform's "N messages a minute" across every process on the database
 * (GCRA, one row per target, updated by compare-and-set). A short burst is allowed, and the steady
 * rate is lowered to match, so no 60-second window (RATE_LIMIT_WINDOW_MS) ever holds more than N.
 */
export class RateLimiter {
  private readonly db: Tx;
  /** Compare-and-set writes that lost to another writer and were read again (a count for tests and metrics). */
  conflicts = 0;
  /** The window a limit of N is counted over: a minute, unless a test shortens it. */
  private readonly windowMs: number;
  constructor(db: Tx, windowMs = 60_000) {
    this.db = db;
    this.windowMs = windowMs;
  }

  reserve(key: string, perMinute: number, now: Date): Promise<Reservation> {
    return this.reserveIn(this.db, key, perMinute, now);
  }

  /** A slot, taken inside the caller's transaction (the dispatcher leases and reserves in one). */
  async reserveIn(db: Tx, key: string, perMinute: number, now: Date): Promise<Reservation> {
    // A small burst (2 of 20, 3 of 30) and a steady rate lowered to match: N in any 60 s, never more.
    const burst = Math.max(1, Math.min(3, Math.floor(perMinute / 10)));
    const interval = this.windowMs / (perMinute - burst + 1);
    const tolerance = (burst - 1) * interval;
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await db.get<{ tat: Date; blockedUntil: Date | null }>('SELECT tat, blocked_until FROM rate_limits WHERE key = ?', [key]);
      if (row?.blockedUntil && row.blockedUntil > now) return { ok: false, retryAt: row.blockedUntil };
      const tat = Math.max(row?.tat.getTime() ?? 0, now.getTime());
      if (tat - now.getTime() > tolerance) return { ok: false, retryAt: new Date(tat - tolerance) };
      const next = new Date(tat + interval);
      const written = row
        ? await db.run('UPDATE rate_limits SET tat = ? WHERE key = ? AND tat = ?', [next, key, row.tat])
        : await db.run('INSERT INTO rate_limits (key, tat) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, next]);
      // 0 rows: another process moved the row between our read and write; read it again.
      if (written === 1) return { ok: true };
      this.conflicts++;
    }
    return { ok: false, retryAt: new Date(now.getTime() + 1000) };
  }

  /** The platform said "too fast": nothing goes to this target until `until`. */
  async block(key: string, until: Date): Promise<void> {
    await this.db.run(
      'INSERT INTO rate_limits (key, tat, blocked_until) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET blocked_until = excluded.blocked_until',
      [key, until, until],
    );
  }
}
