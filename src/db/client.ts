// One app-facing client type over two generated clients: the query compiler inside a generated
// client is provider-specific, so SQLite and PostgreSQL each need their own (see docs/decisions).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PgClient } from '../generated/postgresql/client.js';
import { providerFromUrl } from './providers.ts';
import { PrismaBetterSqlite3Serialized } from './sqlite-adapter.ts';

/**
 * App code is typed against the SQLite client: its API is the common subset of the two (no
 * `mode: 'insensitive'`, no `skipDuplicates`), so code that type-checks runs on both.
 */
export type Db = SqliteClient;
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
export type {
  Community,
  Dialogue,
  GroupChat,
  InboundMessage as InboundRow,
  Item,
  ItemEvent,
  JobRun,
  Membership,
  OutboxMessage,
  Person,
  Revisit,
} from '../generated/sqlite/client.js';

export type DbOptions = {
  /** PostgreSQL connection pool size per process. */
  poolSize?: number;
  /** PostgreSQL statement timeout, ms. */
  statementTimeoutMs?: number;
  /** SQLite busy timeout, ms: how long to wait for another process's write lock. */
  busyTimeoutMs?: number;
};

// WAL lets readers in other processes go on while one writes; it is stored in the file.
const SQLITE_INIT = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;';

export function createDb(url: string, opts: DbOptions = {}): Db {
  const options = { transactionOptions: { maxWait: 30_000, timeout: 60_000 } };
  if (providerFromUrl(url) === 'sqlite') {
    const adapter = new PrismaBetterSqlite3Serialized({ url, timeout: opts.busyTimeoutMs ?? 10_000 }, undefined, SQLITE_INIT);
    return new SqliteClient({ adapter, ...options });
  }
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.poolSize ?? 10,
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    connectionTimeoutMillis: 10_000,
  });
  return new PgClient({ adapter, ...options }) as unknown as Db;
}
