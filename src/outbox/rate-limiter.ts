import type { Tx } from '../db/sql.ts';

export type Reservation = { ok: true } | { ok: false; retryAt: Date };

/**
 * Keeps a target under a platform's "N messages a minute" across every process on the database
 * (GCRA, one row per target, updated by compare-and-set). A short burst is allowed, and the steady
 * rate is lowered to match, so no 60-second window ever holds more than N messages.
 */
export class RateLimiter {
  private readonly db: Tx;
  constructor(db: Tx) {
    this.db = db;
  }

  async reserve(key: string, perMinute: number, now: Date): Promise<Reservation> {
    // A small burst (2 of 20, 3 of 30) and a steady rate lowered to match: N in any 60 s, never more.
    const burst = Math.max(1, Math.min(3, Math.floor(perMinute / 10)));
    const interval = 60_000 / (perMinute - burst + 1);
    const tolerance = (burst - 1) * interval;
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await this.db.get<{ tat: Date; blockedUntil: Date | null }>('SELECT tat, blocked_until FROM rate_limits WHERE key = ?', [key]);
      if (row?.blockedUntil && row.blockedUntil > now) return { ok: false, retryAt: row.blockedUntil };
      const tat = Math.max(row?.tat.getTime() ?? 0, now.getTime());
      if (tat - now.getTime() > tolerance) return { ok: false, retryAt: new Date(tat - tolerance) };
      const next = new Date(tat + interval);
      const written = row
        ? await this.db.run('UPDATE rate_limits SET tat = ? WHERE key = ? AND tat = ?', [next, key, row.tat])
        : await this.db.run('INSERT INTO rate_limits (key, tat) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, next]);
      // 0 rows: another process moved the row between our read and write; read it again.
      if (written === 1) return { ok: true };
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
