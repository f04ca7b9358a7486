// The driver adapters the wasm schema engine (schema-engine.ts) runs through, one per provider,
// with the work-arounds each needed (explained at each class). Dev tooling only: the running app
// never loads Prisma (src/db/sql.ts).
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { parse as parsePgUrl } from 'pg-connection-string'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { providerFromUrl } from '../../src/db/providers.ts'

const fixCharOid = (res: pg.QueryResult | undefined) => {
  for (const f of res?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25 // "char" -> text
  return res
}
function adapterOver(cfg: pg.PoolConfig) {
  const pool = new pg.Pool({ ...cfg, max: 2 })
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown
    ;(client as { query: unknown }).query = (...args: unknown[]) => {
      const cb = args.at(-1)
      if (typeof cb === 'function') {
        args[args.length - 1] = (err: Error | null, res: pg.QueryResult) => cb(err, err ? res : fixCharOid(res))
        return query(...args)
      }
      const r = query(...args) as Promise<pg.QueryResult> | undefined
      return r && typeof r.then === 'function' ? r.then(fixCharOid) : r
    }
  })
  return new PrismaPg(pool, { disposeExternalPool: true }).connect()
}

/** A migration-aware adapter factory for a URL (file:... -> SQLite, postgres://... -> PostgreSQL). */
export function adapterFor(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerFromUrl(url) === 'sqlite') return new SqliteMigrationFactory(url)
  return new PgMigrationFactory(url)
}

/** PrismaBetterSqlite3 for the schema engine. Works around: when replaying migrations into the
 *  SQLite shadow DB (diff from `migrations`), the engine sends the WHOLE migration.sql through
 *  executeRaw(); better-sqlite3's prepare() rejects it ("The supplied SQL string contains more than
 *  one statement") -> P3006 "failed to apply cleanly to the shadow database". We fall back to exec(). */
class SqliteMigrationFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'sqlite' as const
  readonly adapterName = '@prisma/adapter-better-sqlite3'
  readonly #inner: PrismaBetterSqlite3
  constructor(url: string) { this.#inner = new PrismaBetterSqlite3({ url }) }
  async connect() { return multiStatementSafe(await this.#inner.connect()) }
  async connectToShadowDb() { return multiStatementSafe(await this.#inner.connectToShadowDb()) }
}
function multiStatementSafe(a: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = a.executeRaw.bind(a)
  a.executeRaw = async (q) => {
    try { return await executeRaw(q) } catch (e) {
      if (q.args.length === 0 && e instanceof RangeError && /more than one statement/.test(e.message)) {
        await a.executeScript(q.sql)
        return 0
      }
      throw e
    }
  }
  return a
}

/** PrismaPg for the schema engine, with a working shadow database. Two bugs in
 *  @prisma/adapter-pg 7.10.0 PrismaPg.connectToShadowDb() are avoided here:
 *  1. with { connectionString } the shadow pool is `{ ...config, database: shadow }`, but pg lets
 *     connectionString override `database`, so the "shadow" pool talks to the MAIN database;
 *  2. its dispose runs DROP DATABASE before ending the shadow pool -> "database ... is being
 *     accessed by other users", the shadow DB leaks and the engine call fails.
 *  Plus a gap: adapter-pg cannot map PostgreSQL's internal `"char"` type (OID 18) that the engine's
 *  schema describer selects from pg_catalog -> "Column type 'char' could not be deserialized".
 *  We relabel OID 18 result columns as text (the driver already returns them as strings). */
class PgMigrationFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const
  readonly adapterName = '@prisma/adapter-pg'
  readonly #cfg: pg.ClientConfig
  constructor(url: string) {
    const c = parsePgUrl(url)
    this.#cfg = {
      host: c.host ?? undefined, port: c.port ? Number(c.port) : undefined,
      user: c.user, password: c.password, database: c.database ?? undefined, ssl: c.ssl as pg.ClientConfig['ssl'],
    }
  }
  connect() { return adapterOver(this.#cfg) }
  async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`
    await this.#admin(`CREATE DATABASE "${name}"`)
    const shadow = await adapterOver({ ...this.#cfg, database: name })
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await dispose() // ends the shadow pool first
      await this.#admin(`DROP DATABASE IF EXISTS "${name}"`)
    }
    return shadow
  }
  async #admin(sql: string) {
    const c = new pg.Client(this.#cfg)
    await c.connect()
    try { await c.query(sql) } finally { await c.end() }
  }
}

