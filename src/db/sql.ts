// The database seam: a few methods over SQL text with `?` placeholders, the same on SQLite and
// PostgreSQL. Prisma keeps the schema and the migrations (prisma/); the running app talks SQL
// through this (docs/decisions/0005-sql-at-runtime.md: Prisma's per-statement cost).

export type Dialect = 'sqlite' | 'postgresql';
export type Value = string | number | boolean | Date | null | undefined;
export type Params = readonly Value[];

/**
 * Something to run statements on: the database (each statement on its own) or a transaction.
 * Rows come back with camelCase keys (columns are snake_case), DATETIME columns as Date, BOOLEAN as
 * boolean, counts as numbers, on both databases.
 */
export interface Tx {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: Params): Promise<number>;
  /** Runs an INSERT of one row (without RETURNING) and returns the new row's id. */
  insertId(sql: string, params?: Params): Promise<number>;
}

export interface Db extends Tx {
  /** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction inside a transaction: a savepoint (a refusal rolls back only its own part). */
  savepoint<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Put first in a statement that PostgreSQL must plan at each run with the values given, not once
 * per connection: a plan made while a table was nearly empty (a fresh outbox) keeps its sequential
 * scans as the table grows, until the next ANALYZE (the outbox's head check went from 0.1 to 3 ms a
 * run in `bench:throughput`). A comment, so SQLite reads past it.
 */
export const PLAN_EACH_TIME = '/* plan each time */';

/**
 * A text column compared without its index, for statements that pick rows by id. SQLite keeps no
 * statistics here, so for `id IN (…) AND status = 'pending'` it walked the status index across every
 * waiting row (4 ms a read once the outbox backed up in `bench:throughput`) instead of looking the
 * ids up. Appending '' keeps the value and hides the column from the planner on both databases.
 */
export const unindexed = (column: string): string => `(${column} || '')`;

/** `(?, ?, ?)` for an IN list of n values (never empty: callers check, SQL has no empty list). */
export function inList(n: number): string {
  if (n < 1) throw new Error('inList: an IN list needs at least one value');
  return `(${'?, '.repeat(n - 1)}?)`;
}

const snakeCache = new Map<string, string>();
export function snake(name: string): string {
  let s = snakeCache.get(name);
  if (s === undefined) {
    s = name.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(name, s);
  }
  return s;
}

const camelCache = new Map<string, string>();
export function camel(name: string): string {
  let c = camelCache.get(name);
  if (c === undefined) {
    c = name.replace(/_([a-z0-9])/gu, (_, x: string) => x.toUpperCase());
    camelCache.set(name, c);
  }
  return c;
}

type RowIn = Record<string, Value>;

const insertSql = new Map<string, string>();
/** INSERT of the defined fields of `row` (camelCase keys); returns the new id. */
export async function insert(tx: Tx, table: string, row: RowIn): Promise<number> {
  const keys = Object.keys(row).filter((k) => row[k] !== undefined);
  const sig = `${table}|${keys.join(',')}`;
  let sql = insertSql.get(sig);
  if (!sql) {
    sql = `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES ${inList(keys.length)}`;
    insertSql.set(sig, sql);
  }
  return tx.insertId(sql, keys.map((k) => row[k]));
}

/** INSERT that does nothing when a unique key exists already; true when a row was written. */
export async function insertIgnore(tx: Tx, table: string, row: RowIn): Promise<boolean> {
  const keys = Object.keys(row).filter((k) => row[k] !== undefined);
  const sig = `ignore|${table}|${keys.join(',')}`;
  let sql = insertSql.get(sig);
  if (!sql) {
    sql = `INSERT INTO ${table} (${keys.map(snake).join(', ')}) VALUES ${inList(keys.length)} ON CONFLICT DO NOTHING`;
    insertSql.set(sig, sql);
  }
  return (await tx.run(sql, keys.map((k) => row[k]))) === 1;
}

/** UPDATE table SET <fields of `set`> WHERE <where>; returns the rows changed. */
export async function update(tx: Tx, table: string, set: RowIn, where: string, params: Params = []): Promise<number> {
  const keys = Object.keys(set).filter((k) => set[k] !== undefined);
  if (keys.length === 0) return 0;
  const sql = `UPDATE ${table} SET ${keys.map((k) => `${snake(k)} = ?`).join(', ')} WHERE ${where}`;
  return tx.run(sql, [...keys.map((k) => set[k]), ...params]);
}

/** A unique key refused a row: the thing exists already (SQLite and PostgreSQL codes). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
