import BetterSqlite3 from 'better-sqlite3';
import { camel, type Db, type Params, type Tx, type Value } from './sql.ts';

type Statement = BetterSqlite3.Statement<unknown[], unknown[]>;
type Prepared = { stmt: Statement; reader: boolean; shape: Shape | null };
type Shape = { keys: string[]; convert: Array<((v: unknown) => unknown) | null> };

const MAX_CACHED = 1000;

/** LIANXIN_SQL_PROFILE=1: time per statement, printed at exit (a development aid). */
const PROFILE = process.env.LIANXIN_SQL_PROFILE ? new Map<string, { n: number; ms: number }>() : null;
if (PROFILE) {
  process.on('exit', () => {
    const rows = [...PROFILE.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
    for (const [sql, { n, ms }] of rows) {
      process.stderr.write(`${ms.toFixed(0).padStart(7)} ms ${String(n).padStart(7)}× ${((ms / n) * 1000).toFixed(0).padStart(6)} µs  ${sql.replace(/\s+/gu, ' ').slice(0, 140)}\n`);
    }
  });
}
function profiled<R>(sql: string, f: () => R): R {
  if (!PROFILE) return f();
  const t0 = performance.now();
  try {
    return f();
  } finally {
    const e = PROFILE.get(sql) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += performance.now() - t0;
    PROFILE.set(sql, e);
  }
}

/**
 * SQLite through better-sqlite3: one connection, statements prepared once and cached. Calls are
 * synchronous underneath, so a transaction whose body only awaits this database runs from BEGIN to
 * COMMIT without letting anything else in; the lock below only matters for a body that waits on
 * something else. Dates are stored as Prisma stores them (ISO text, "+00:00"), so Prisma's tooling
 * and older rows read the same.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly #db: BetterSqlite3.Database;
  readonly #cache = new Map<string, Prepared>();
  #tail: Promise<void> = Promise.resolve();
  #locked = false;

  constructor(file: string, opts: { busyTimeoutMs?: number; readonly?: boolean } = {}) {
    this.#db = new BetterSqlite3(file, { timeout: opts.busyTimeoutMs ?? 10_000, readonly: opts.readonly ?? false });
    if (!opts.readonly) {
      // WAL lets readers in other processes go on while one writes; NORMAL syncs at checkpoints.
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      this.#db.pragma('foreign_keys = ON');
      // Scratch data (the sub-journal of each message's savepoint in a batch, sorts, IN lists) in
      // memory, not in temp files made and removed on disk each time: ~10 % more wishes a second.
      this.#db.pragma('temp_store = MEMORY');
    }
  }

  /** The raw connection, for the backup command and the migration runner. */
  get connection(): BetterSqlite3.Database {
    return this.#db;
  }

  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    if (this.#locked) await this.#wait();
    return this.#all(sql, params) as T[];
  }
  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    if (this.#locked) await this.#wait();
    return this.#all(sql, params)[0] as T | undefined;
  }
  async run(sql: string, params: Params = []): Promise<number> {
    if (this.#locked) await this.#wait();
    return this.#run(sql, params);
  }
  async insertId(sql: string, params: Params = []): Promise<number> {
    if (this.#locked) await this.#wait();
    return this.#insertId(sql, params);
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const release = await this.#acquire();
    const heldFrom = PROFILE ? performance.now() : 0;
    const tx: Tx = {
      dialect: 'sqlite',
      all: async <R>(sql: string, params: Params = []) => this.#all(sql, params) as R[],
      get: async <R>(sql: string, params: Params = []) => this.#all(sql, params)[0] as R | undefined,
      run: async (sql: string, params: Params = []) => this.#run(sql, params),
      insertId: async (sql: string, params: Params = []) => this.#insertId(sql, params),
    };
    try {
      // IMMEDIATE takes the write lock up front, under the busy timeout: with several processes on
      // one file a deferred transaction that reads first would fail at its first write instead.
      profiled('BEGIN IMMEDIATE', () => this.#prepare('BEGIN IMMEDIATE').stmt.run());
      try {
        const result = await fn(tx);
        profiled('COMMIT', () => this.#prepare('COMMIT').stmt.run());
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#prepare('ROLLBACK').stmt.run();
        throw error;
      }
    } finally {
      if (PROFILE) {
        const e = PROFILE.get('(lock held by a transaction)') ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - heldFrom;
        PROFILE.set('(lock held by a transaction)', e);
      }
      release();
    }
  }

  async savepoint<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
    // One name for every level: SQLite (and PostgreSQL) resolve a name to the innermost savepoint.
    await tx.run('SAVEPOINT sp');
    try {
      const result = await fn(tx);
      await tx.run('RELEASE sp');
      return result;
    } catch (error) {
      await tx.run('ROLLBACK TO sp');
      await tx.run('RELEASE sp');
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#wait();
    this.#cache.clear();
    this.#db.close();
  }

  #acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => {
      this.#locked = true;
      return () => {
        this.#locked = false;
        release();
      };
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async #wait(): Promise<void> {
    (await this.#acquire())();
  }

  #prepare(sql: string): Prepared {
    let p = this.#cache.get(sql);
    if (!p) {
      const stmt = this.#db.prepare(sql) as Statement;
      p = { stmt, reader: stmt.reader, shape: null };
      if (this.#cache.size >= MAX_CACHED) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(sql, p);
    }
    return p;
  }

  #all(sql: string, params: Params): unknown[] {
    return profiled(sql, () => this.#read(sql, params));
  }

  #read(sql: string, params: Params): unknown[] {
    const p = this.#prepare(sql);
    const args = params.map(toSqlite);
    if (!p.reader) {
      p.stmt.run(...args);
      return [];
    }
    p.shape ??= shapeOf(p.stmt);
    const { keys, convert } = p.shape;
    const rows = p.stmt.raw(true).all(...args) as unknown[][];
    const out = new Array<Record<string, unknown>>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const raw = rows[r]!;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const v = raw[i];
        const c = convert[i];
        row[keys[i]!] = c && v !== null && v !== undefined ? c(v) : v;
      }
      out[r] = row;
    }
    return out;
  }

  #insertId(sql: string, params: Params): number {
    return profiled(sql, () => Number(this.#prepare(sql).stmt.run(...params.map(toSqlite)).lastInsertRowid));
  }

  #run(sql: string, params: Params): number {
    return profiled(sql, () => this.#write(sql, params));
  }

  #write(sql: string, params: Params): number {
    const p = this.#prepare(sql);
    const args = params.map(toSqlite);
    if (p.reader) return (p.stmt.raw(true).all(...args) as unknown[]).length;
    return p.stmt.run(...args).changes;
  }
}

/** A column declared DATETIME or BOOLEAN is converted; an expression is a date when named …At / …_at. */
function shapeOf(stmt: Statement): Shape {
  const columns = stmt.columns();
  return {
    keys: columns.map((c) => camel(c.name)),
    convert: columns.map((c) => {
      const type = c.type?.toUpperCase() ?? null;
      if (type === 'DATETIME' || (type === null && /(?:_at|At)$/u.test(c.name))) return toDate;
      if (type === 'BOOLEAN') return toBoolean;
      return null;
    }),
  };
}

function toDate(v: unknown): Date {
  if (typeof v === 'number') return new Date(v);
  const s = String(v);
  // CURRENT_TIMESTAMP ("2026-01-02 03:04:05") is UTC without a zone.
  return new Date(s.includes('T') ? s : `${s.replace(' ', 'T')}Z`);
}

function toBoolean(v: unknown): boolean {
  return v === 1 || v === 1n || v === true || v === '1' || v === 'true';
}

/** Prisma's SQLite date text: ISO with "+00:00", so old and new rows compare as text. */
export function sqliteDate(d: Date): string {
  return `${d.toISOString().slice(0, -1)}+00:00`;
}

function toSqlite(v: Value): unknown {
  if (v instanceof Date) return sqliteDate(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === undefined) return null;
  return v;
}
