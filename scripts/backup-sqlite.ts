// An online backup of the SQLite ledger: consistent even while Lianxin runs and writes (SQLite's
// backup API, through better-sqlite3). Usage: npm run db:backup -- <target.db>   (DATABASE_URL as at start)
import { existsSync } from 'node:fs';
import { sqliteFile } from '../src/db/open-database.ts';
import { SqliteDb } from '../src/db/sqlite-database.ts';

const target = process.argv[2];
const url = process.env.DATABASE_URL ?? 'file:./data/lianxin.db';
if (!target) {
  console.error('usage: npm run db:backup -- <target.db>');
  process.exit(64);
}
if (!url.startsWith('file:')) {
  console.error('DATABASE_URL is not a SQLite file; back PostgreSQL up with pg_dump (docs/deploy.md).');
  process.exit(64);
}
const source = sqliteFile(url);
if (!existsSync(source)) {
  console.error(`no database at ${source}`);
  process.exit(66);
}
if (existsSync(target)) {
  console.error(`${target} exists; choose a new file name`);
  process.exit(73);
}
const db = new SqliteDb(source, { readonly: true, busyTimeoutMs: 10_000 });
try {
  await db.connection.backup(target);
  const copy = new SqliteDb(target, { readonly: true });
  let check: unknown;
  let items: number;
  try {
    check = copy.connection.pragma('integrity_check', { simple: true });
    items = (await copy.get<{ n: number }>('SELECT count(*) AS n FROM items'))!.n;
  } finally {
    await copy.close();
  }
  if (check !== 'ok') throw new Error(`integrity check of the copy: ${String(check)}`);
  console.log(`backed up ${source} to ${target} (${items} items, integrity ok)`);
} finally {
  await db.close();
}
