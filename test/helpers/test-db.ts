import { createDatabase } from '../setup/postgres.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import type { Db, Params, Tx } from '../../src/db/sql.ts';
import { createLogger } from '../../src/log.ts';

export type TestDbKind = 'sqlite' | 'postgresql';

export function testDbKind(): TestDbKind {
  return process.env.TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** A new directory for one test's files, inside the run's own, which the run removes at its end. */
export function testTempDir(): string {
  const root = inject('testTmpRoot');
  return mkdtempSync(join(root || tmpdir(), 'lianxin-test-'));
}

/** A new, empty database for one test file: a SQLite file, or a fresh database on the test server. */
export async function freshDatabaseUrl(): Promise<string> {
  if (testDbKind() === 'sqlite') {
    return `file:${join(testTempDir(), 'lianxin.db')}`;
  }
  const server = inject('postgresUrl');
  if (!server) throw new Error('TEST_DB=postgresql but no PostgreSQL server was provided');
  return createDatabase(server, `lianxin_test_${randomBytes(6).toString('hex')}`);
}

/** A connection of the test's own to a database (as another process has its own); migrates it if needed. */
export function connectDatabase(url: string): Promise<Db> {
  return openDatabase(url, createLogger('silent'));
}

/** The number of rows in `table`, or of those matching `where` (SQL with `?` placeholders). */
export async function countRows(db: Tx, table: string, where?: string, params: Params = []): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`, params);
  return row!.n;
}

/** The first row `sql` finds; throws when there is none (as Prisma's findUniqueOrThrow did). */
export async function getOrThrow<T>(db: Tx, sql: string, params: Params = []): Promise<T> {
  const row = await db.get<T>(sql, params);
  if (row === undefined) throw new Error(`no row: ${sql} ${JSON.stringify(params)}`);
  return row;
}
