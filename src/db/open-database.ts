import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from '../log.ts';
import { applyMigrations } from './apply-migrations.ts';
import type { PostgresDb } from './postgres-database.ts';
import { providerFromUrl } from './providers.ts';
import type { Db } from './sql.ts';
import type { SqliteDb } from './sqlite-database.ts';

export type DbOptions = {
  /** PostgreSQL connection pool size per process. */
  poolSize?: number;
  /** PostgreSQL statement timeout, ms. */
  statementTimeoutMs?: number;
  /** SQLite busy timeout, ms: how long to wait for another process's write lock. */
  busyTimeoutMs?: number;
};

/** The SQLite file of a `file:` URL. */
export function sqliteFile(url: string): string {
  return url.replace(/^file:/u, '').replace(/\?.*$/u, '');
}

/** Opens the database of DATABASE_URL and applies the committed migrations it lacks. */
export async function openDatabase(url: string, log: Logger, opts: DbOptions = {}): Promise<Db> {
  let db: SqliteDb | PostgresDb;
  let file: string | null = null;
  if (providerFromUrl(url) === 'sqlite') {
    file = sqliteFile(url);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    // Each driver is loaded only when its database is used (pg alone takes a sixth of a second).
    const { SqliteDb } = await import('./sqlite-database.ts');
    db = new SqliteDb(file, { busyTimeoutMs: opts.busyTimeoutMs });
  } else {
    const { PostgresDb } = await import('./postgres-database.ts');
    db = await PostgresDb.open(url, opts);
  }
  try {
    const applied = await applyMigrations(db, file === ':memory:' ? null : file);
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
