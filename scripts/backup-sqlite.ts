// An online backup of the SQLite ledger: consistent even while Lianxin runs and writes (SQLite's
// backup API, through better-sqlite3). Usage: npm run db:backup -- <target.db>   (DATABASE_URL as at start)
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

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
const source = url.replace(/^file:/u, '').replace(/\?.*$/u, '');
if (!existsSync(source)) {
  console.error(`no database at ${source}`);
  process.exit(66);
}
if (existsSync(target)) {
  console.error(`${target} exists; choose a new file name`);
  process.exit(73);
}
const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
try {
  await db.backup(target);
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  const items = (copy.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  copy.close();
  if (check !== 'ok') throw new Error(`integrity check of the copy: ${String(check)}`);
  console.log(`backed up ${source} to ${target} (${items} items, integrity ok)`);
} finally {
  db.close();
}
