import type pg from 'pg';
import { camel, PLAN_EACH_TIME, type Db, type Params, type Tx, type Value } from './sql.ts';

// timestamp(3) without time zone holds UTC (as Prisma writes it): read it as UTC, whatever TZ says.
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;
const NUMERIC = 1700;
const typesOf = (driver: typeof pg) =>
  ({
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === TIMESTAMP) return (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
      if (oid === TIMESTAMPTZ) return (s: string) => new Date(s);
      // count(*) and sums: numbers, as on SQLite (a ledger never nears 2^53).
      if (oid === INT8 || oid === NUMERIC) return (s: string) => Number(s);
      return driver.types.getTypeParser(oid, format);
    },
  }) as pg.CustomTypesConfig;

type Query = { text: string; name: string | undefined; keys: string[] | null };
const MAX_NAMED = 2000;

/**
 * PostgreSQL through a pg pool. `?` placeholders become `$1…`; statements run as named prepared
 * statements (parsed once per connection); rows come back with camelCase keys.
 */
export class PostgresDb implements Db {
  readonly dialect = 'postgresql' as const;
  readonly #pool: pg.Pool;
  readonly #queries = new Map<string, Query>();

  /** Opens a pool; the driver is loaded only when PostgreSQL is used (start-up time on SQLite). */
  static async open(url: string, opts: { poolSize?: number; statementTimeoutMs?: number } = {}): Promise<PostgresDb> {
    const { default: driver } = await import('pg');
    return new PostgresDb(driver, url, opts);
  }

  private constructor(driver: typeof pg, url: string, opts: { poolSize?: number; statementTimeoutMs?: number }) {
    this.#pool = new driver.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      statement_timeout: opts.statementTimeoutMs ?? 15_000,
      connectionTimeoutMillis: 10_000,
      types: typesOf(driver),
    });
    // An idle connection the server dropped must not crash the process; the pool replaces it.
    this.#pool.on('error', () => undefined);
  }

  get pool(): pg.Pool {
    return this.#pool;
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return this.#all(this.#pool, sql, params) as Promise<T[]>;
  }
  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.#all(this.#pool, sql, params))[0] as T | undefined;
  }
  async run(sql: string, params: Params = []): Promise<number> {
    return (await this.#exec(this.#pool, sql, params)).rowCount ?? 0;
  }
  async insertId(sql: string, params: Params = []): Promise<number> {
    return Number((await this.#all(this.#pool, `${sql} RETURNING id`, params))[0]!.id);
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    // A transaction is one connection, and callers may run its statements concurrently (Promise.all
    // over figures): pg 8 queues them itself but deprecates that (pg 9 refuses), so they take turns here.
    let last: Promise<unknown> = Promise.resolve();
    const inTurn = <R>(statement: () => Promise<R>): Promise<R> => {
      const next = last.then(statement, statement);
      last = next.catch(() => undefined);
      return next;
    };
    const all = (sql: string, params: Params) => inTurn(() => this.#all(client, sql, params));
    const tx: Tx = {
      dialect: 'postgresql',
      all: <R>(sql: string, params: Params = []) => all(sql, params) as Promise<R[]>,
      get: async <R>(sql: string, params: Params = []) => (await all(sql, params))[0] as R | undefined,
      run: async (sql: string, params: Params = []) => (await inTurn(() => this.#exec(client, sql, params))).rowCount ?? 0,
      insertId: async (sql: string, params: Params = []) => Number((await all(`${sql} RETURNING id`, params))[0]!.id),
    };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  async savepoint<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
    // One name for every level: a name resolves to the innermost savepoint.
    await tx.run('SAVEPOINT sp');
    try {
      const result = await fn(tx);
      await tx.run('RELEASE SAVEPOINT sp');
      return result;
    } catch (error) {
      await tx.run('ROLLBACK TO SAVEPOINT sp');
      await tx.run('RELEASE SAVEPOINT sp');
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  #query(sql: string): Query {
    let q = this.#queries.get(sql);
    if (!q) {
      let n = 0;
      const text = sql.replace(/\?/gu, () => `$${++n}`);
      // Named (prepared once per connection) while the set stays bounded; dynamic SQL beyond that,
      // and statements marked PLAN_EACH_TIME, are parsed and planned each time.
      const named = this.#queries.size < MAX_NAMED && !sql.startsWith(PLAN_EACH_TIME) && !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/iu.test(sql);
      const name = named ? `q${this.#queries.size}` : undefined;
      q = { text, name, keys: null };
      this.#queries.set(sql, q);
    }
    return q;
  }

  #exec(on: pg.Pool | pg.PoolClient, sql: string, params: Params): Promise<pg.QueryResult<unknown[]>> {
    const q = this.#query(sql);
    return on.query<unknown[]>({ name: q.name, text: q.text, values: params.map(toPg), rowMode: 'array' });
  }

  async #all(on: pg.Pool | pg.PoolClient, sql: string, params: Params): Promise<Record<string, unknown>[]> {
    const result = await this.#exec(on, sql, params);
    const q = this.#query(sql);
    if (!result.fields || result.fields.length === 0) return [];
    q.keys ??= result.fields.map((f) => camel(f.name));
    const keys = q.keys;
    const out = new Array<Record<string, unknown>>(result.rows.length);
    for (let r = 0; r < result.rows.length; r++) {
      const raw = result.rows[r]!;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) row[keys[i]!] = raw[i];
      out[r] = row;
    }
    return out;
  }
}

function toPg(v: Value): unknown {
  // A zone in a timestamp-without-zone literal is ignored: send UTC's wall time.
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  // PostgreSQL text cannot hold U+0000: a parameter with one fails the whole statement (a 500 for a
  // URL with %00, a resident's message retried until it fails). It becomes U+FFFD, as a decoder
  // shows a byte it cannot read; SQLite stores what it is given.
  if (typeof v === 'string' && v.includes('\u0000')) return v.replaceAll('\u0000', '\uFFFD');
  return v;
}
