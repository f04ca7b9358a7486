import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from '../log.ts';
import { createDb, type Db, type DbOptions } from './client.ts';
import { migrate } from './migrate.ts';
import { providerFromUrl } from './providers.ts';

export type { Db };

/** Applies the committed migrations (offline, idempotent) and returns a client. */
export async function openDatabase(url: string, log: Logger, opts: DbOptions = {}): Promise<Db> {
  if (providerFromUrl(url) === 'sqlite') {
    const file = url.replace(/^file:/u, '').replace(/\?.*$/u, '');
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  }
  const applied = await migrate(url);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  return createDb(url, opts);
}
