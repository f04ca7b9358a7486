// PrismaBetterSqlite3 with "one connection, one user at a time" semantics.
// PITFALL (adapter-better-sqlite3 7.10.0): the adapter owns ONE better-sqlite3 connection. Interactive
// transactions are serialized by an internal mutex, but ordinary (non-tx) queries skip that mutex and
// run on the same connection *inside* whatever transaction is open: they see its uncommitted rows
// and, if it rolls back, their own committed-looking writes vanish. This wrapper puts every
// top-level statement and every transaction (BEGIN..COMMIT/ROLLBACK) behind one FIFO lock.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import type {
  IsolationLevel, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction,
} from '@prisma/driver-adapter-utils'

type Ctor = ConstructorParameters<typeof PrismaBetterSqlite3>

class Lock {
  #tail: Promise<void> = Promise.resolve()
  acquire(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((r) => (release = r))
    const ready = this.#tail.then(() => release)
    this.#tail = this.#tail.then(() => next)
    return ready
  }
}

export class PrismaBetterSqlite3Serialized implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'sqlite' as const
  readonly adapterName = '@prisma/adapter-better-sqlite3'
  readonly #inner: PrismaBetterSqlite3
  readonly #init: string
  /** `init`: SQL run on every new connection (per-connection PRAGMAs such as synchronous). */
  constructor(config: Ctor[0], options?: Ctor[1], init = '') {
    this.#inner = new PrismaBetterSqlite3(config, options)
    this.#init = init
  }
  async connect(): Promise<SqlDriverAdapter> {
    const a = await this.#inner.connect()
    if (this.#init) await a.executeScript(this.#init)
    return serialize(a)
  }
  connectToShadowDb(): Promise<SqlDriverAdapter> { return this.#inner.connectToShadowDb() }
}

/**
 * Write transactions begin IMMEDIATE: with several processes on one file, a deferred transaction
 * that read first and writes second fails at once with SQLITE_BUSY (its snapshot is stale) instead
 * of waiting; IMMEDIATE takes the write lock up front, under the busy timeout. The adapter runs
 * `BEGIN` through the better-sqlite3 handle it keeps in `client`, so that is where it is changed.
 */
function beginImmediate(a: SqlDriverAdapter): void {
  const holder = a as unknown as { client: { prepare: (sql: string) => unknown } };
  const db = holder.client;
  holder.client = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return (sql: string) => target.prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function serialize(a: SqlDriverAdapter): SqlDriverAdapter {
  beginImmediate(a)
  const lock = new Lock()
  const locked = <A extends unknown[], R>(f: (...x: A) => Promise<R>) => async (...x: A): Promise<R> => {
    const release = await lock.acquire()
    try { return await f(...x) } finally { release() }
  }
  a.queryRaw = locked(a.queryRaw.bind(a) as (q: SqlQuery) => ReturnType<SqlDriverAdapter['queryRaw']>)
  a.executeRaw = locked(a.executeRaw.bind(a) as (q: SqlQuery) => ReturnType<SqlDriverAdapter['executeRaw']>)
  a.executeScript = locked(a.executeScript.bind(a))
  const start = a.startTransaction.bind(a)
  a.startTransaction = async (iso?: IsolationLevel): Promise<Transaction> => {
    const release = await lock.acquire() // held until commit/rollback
    let tx: Transaction
    try { tx = await start(iso) } catch (e) { release(); throw e }
    let done = false
    const end = () => { if (!done) { done = true; release() } }
    const commit = tx.commit.bind(tx), rollback = tx.rollback.bind(tx)
    tx.commit = async () => { try { return await commit() } finally { end() } }
    tx.rollback = async () => { try { return await rollback() } finally { end() } }
    return tx
  }
  return a
}
