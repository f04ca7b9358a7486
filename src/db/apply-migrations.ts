// `prisma migrate deploy` at start, without Prisma: the committed migration.sql files in order,
// each recorded in Prisma's own `_prisma_migrations` table with Prisma's checksum, so the Prisma
// CLI and the dev tooling (scripts/migrate.ts) see the same history. Creating migrations and
// checking drift need Prisma's schema engine and live in scripts/ (docs/decisions/0002).
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root.ts';
import { paths, type Provider } from './providers.ts';
import type { Db } from './sql.ts';
import { sqliteDate, type SqliteDb } from './sqlite-database.ts';
import type { PostgresDb } from './postgres-database.ts';


export type Migration = { name: string; sql: string; checksum: string };

export function committedMigrations(p: Provider, root = PROJECT_ROOT): Migration[] {
  const dir = join(root, paths(p).migrations);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const TABLE_SQL: Record<Provider, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

/**
 * Committed migrations the database has not applied (a changed one is an error). `strict`: a
 * migration started and never finished is an error too — only under the lock, since outside it
 * that row may be another replica applying it right now.
 */
export async function pendingMigrations(db: Db, migrations: Migration[], strict = false): Promise<Migration[]> {
  const exists =
    db.dialect === 'sqlite'
      ? await db.get(`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      : await db.get(`SELECT 1 AS x FROM information_schema.tables WHERE table_name = '_prisma_migrations' AND table_schema = current_schema()`);
  if (!exists) return migrations;
  const rows = await db.all<{ migrationName: string; checksum: string }>(
    `SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((r) => [r.migrationName, r.checksum]));
  const failed = await db.get<{ migrationName: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL`,
  );
  if (failed && strict) throw new Error(`migration ${failed.migrationName} failed earlier; resolve it before starting (see DEVELOPERS.md)`);
  for (const m of migrations) {
    const sum = applied.get(m.name);
    if (sum !== undefined && sum !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
  }
  return migrations.filter((m) => !applied.has(m.name));
}

/**
 * Applies pending migrations, each in a transaction of its own. Replicas started together take
 * turns: an advisory lock on PostgreSQL, a lock file beside the SQLite file; the later ones find
 * nothing left to do. Returns the names applied.
 */
export async function applyMigrations(db: SqliteDb | PostgresDb, file: string | null, migrations = committedMigrations(db.dialect)): Promise<string[]> {
  if ((await pendingMigrations(db, migrations)).length === 0) return [];
  const locked = db.dialect === 'sqlite' ? withLockFile(file) : withAdvisoryLock(db as PostgresDb);
  return locked(async () => {
    await db.run(TABLE_SQL[db.dialect]);
    const pending = await pendingMigrations(db, migrations, true);
    for (const m of pending) await applyOne(db, m);
    return pending.map((m) => m.name);
  });
}

const RECORD = `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`;

/** The script and its record in one transaction: a crash leaves neither, so nothing half-applied. */
async function applyOne(db: SqliteDb | PostgresDb, m: Migration): Promise<void> {
  const record = [randomUUID(), m.checksum, m.name, new Date(), new Date()];
  if (db.dialect === 'sqlite') {
    const conn = (db as SqliteDb).connection;
    conn.exec('BEGIN IMMEDIATE');
    try {
      // The script sets PRAGMA defer_foreign_keys itself for table rebuilds.
      conn.exec(m.sql);
      conn.prepare(RECORD).run(...record.map((v) => (v instanceof Date ? sqliteDate(v) : v)));
      conn.exec('COMMIT');
    } catch (error) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw error;
    }
    return;
  }
  const client = await (db as PostgresDb).pool.connect();
  let n = 0;
  try {
    await client.query('BEGIN');
    try {
      await client.query(m.sql);
      await client.query(RECORD.replace(/\?/gu, () => `$${++n}`), record);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

// Any constant: a session-level advisory lock only Lianxin's migrations take.
const MIGRATE_LOCK_KEY = 7_246_101;

function withAdvisoryLock(db: PostgresDb) {
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    const client = await db.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  };
}

/** A lock file beside the database; one left by a process that died is taken over after a minute. */
function withLockFile(file: string | null) {
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (!file) return fn();
    const lock = `${file}.migrate-lock`;
    for (;;) {
      try {
        closeSync(openSync(lock, 'wx'));
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        try {
          if (Date.now() - statSync(lock).mtimeMs > 60_000) unlinkSync(lock);
        } catch {
          /* gone meanwhile */
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return await fn();
    } finally {
      try {
        unlinkSync(lock);
      } catch {
        /* already gone */
      }
    }
  };
}
