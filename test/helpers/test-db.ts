import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

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
  const name = `lianxin_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
