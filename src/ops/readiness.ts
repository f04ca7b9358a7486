import type { Readiness } from '../web/create-server.ts';
import { committedMigrations, pendingMigrations } from '../db/apply-migrations.ts';
import type { Db } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';

export type ReadinessCheck = () => Promise<{ ok: boolean; detail?: string }>;

/**
 * Ready means able to do the work, not just alive: the database takes a write (a full disk or a
 * read-only file fails here while /healthz still answers), every committed migration is applied,
 * and every configured way in is connected (the channels' own checks).
 */
export function createReadiness(db: Db, clock: Clock, owner: string, channelChecks: Record<string, ReadinessCheck>): () => Promise<Readiness> {
  const migrations = committedMigrations(db.dialect);
  const checks: Record<string, ReadinessCheck> = {
    database: async () => {
      // A real write (one shared row of the leases table; whoever probed last is its owner).
      await db.run(
        `INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET expires_at = excluded.expires_at`,
        ['readyz', owner, clock.now()],
      );
      return { ok: true };
    },
    migrations: async () => {
      const pending = await pendingMigrations(db, migrations);
      return pending.length === 0 ? { ok: true } : { ok: false, detail: `未应用的迁移：${pending.map((m) => m.name).join(', ')}` };
    },
    ...channelChecks,
  };
  return async () => {
    const results: Readiness['checks'] = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          results[name] = await withTimeout(check(), 3000);
        } catch (error) {
          results[name] = { ok: false, detail: (error as { code?: string }).code ?? '检查失败' };
        }
      }),
    );
    return { ok: Object.values(results).every((r) => r.ok), checks: results };
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: '超时' })), ms)))]).finally(
    () => clearTimeout(timer),
  );
}
