import type { Db } from '../db/sql.ts';
import { isUniqueViolation } from '../db/sql.ts';

export type Reservation = { ok: true } | { ok: false; retryAt: Date };

/**
 * Keeps a target under a platform's "N messages a minute" across every process on the database
 * (GCRA, one row per target, updated by compare-and-set). A short burst is allowed, and the steady
 * rate is lowered to match, so no 60-second window ever holds more than N messages.
 */
export class RateLimiter {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  async reserve(key: string, perMinute: number, now: Date): Promise<Reservation> {
    // A small burst (2 of 20, 3 of 30) and a steady rate lowered to match: N in any 60 s, never more.
    const burst = Math.max(1, Math.min(3, Math.floor(perMinute / 10)));
    const interval = 60_000 / (perMinute - burst + 1);
    const tolerance = (burst - 1) * interval;
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await this.db.rateLimit.findUnique({ where: { key } });
      if (row?.blockedUntil && row.blockedUntil > now) return { ok: false, retryAt: row.blockedUntil };
      const tat = Math.max(row?.tat.getTime() ?? 0, now.getTime());
      if (tat - now.getTime() > tolerance) return { ok: false, retryAt: new Date(tat - tolerance) };
      const next = new Date(tat + interval);
      if (!row) {
        try {
          await this.db.rateLimit.create({ data: { key, tat: next } });
          return { ok: true };
        } catch (error) {
          if (isUniqueViolation(error)) continue;
          throw error;
        }
      }
      const updated = await this.db.rateLimit.updateMany({ where: { key, tat: row.tat }, data: { tat: next } });
      if (updated.count === 1) return { ok: true };
    }
    return { ok: false, retryAt: new Date(now.getTime() + 1000) };
  }

  /** The platform said "too fast": nothing goes to this target until `until`. */
  async block(key: string, until: Date): Promise<void> {
    await this.db.rateLimit.upsert({
      where: { key },
      create: { key, tat: until, blockedUntil: until },
      update: { blockedUntil: until },
    });
  }
}
