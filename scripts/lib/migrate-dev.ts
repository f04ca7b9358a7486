// Offline migrations with the wasm schema engine: apply (= `prisma migrate deploy`), create
// (= `prisma migrate dev --create-only`), and drift checks. Works for SQLite and PostgreSQL; the
// engine's driver adapters are in engine-adapters.ts.
import { closeSync, existsSync, openSync, readFileSync, readdirSync, mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm'
import { adapterFor } from './engine-adapters.ts'
import { openSchemaEngine, type SchemaEngine, type SchemaFile } from './schema-engine.ts'
import { paths, providerFromUrl, type Provider } from '../../src/db/providers.ts'

const ROOT = resolve(import.meta.dirname, '../..') // project root (holds prisma/)
const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] }

export function schemaFiles(p: Provider): SchemaFile[] {
  const path = join(ROOT, paths(p).schema)
  return [{ path, content: readFileSync(path, 'utf8') }]
}

/** Same shape the Prisma CLI builds: sorted subfolders, each with migration.sql, plus migration_lock.toml. */
export function listMigrations(p: Provider): MigrationList {
  const baseDir = join(ROOT, paths(p).migrations)
  const lockPath = join(baseDir, 'migration_lock.toml')
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : []
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.sort((a, b) => a.localeCompare(b)).map((name) => {
      const file = join(baseDir, name, 'migration.sql')
      let content: { tag: 'ok'; value: string } | { tag: 'error'; value: string }
      try { content = { tag: 'ok', value: readFileSync(file, 'utf8') } }
      catch (e) { content = { tag: 'error', value: (e as Error).message } }
      return { path: name, migrationFile: { path: 'migration.sql', content } }
    }),
  }
}

export async function withEngine<T>(url: string, fn: (e: SchemaEngine, p: Provider) => Promise<T>): Promise<T> {
  const p = providerFromUrl(url)
  const { engine, close } = await openSchemaEngine(adapterFor(url), schemaFiles(p),
    process.env.SCHEMA_ENGINE_DEBUG ? (m) => console.error('[schema-engine]', m) : undefined)
  try { return await fn(engine, p) } finally { await close() }
}

/** `prisma migrate deploy` equivalent: applies pending committed migrations, returns their names. */
export async function migrate(url: string): Promise<string[]> {
  const sqlite = providerFromUrl(url) === 'sqlite'
  if (sqlite && sqliteUpToDate(url)) return []
  // Replicas started together (after an upgrade) must not apply the same migration twice at once:
  // one applies, the others wait and then find nothing to do.
  return (sqlite ? withSqliteMigrationLock : withPgMigrationLock)(url, () =>
    sqlite && sqliteUpToDate(url)
      ? Promise.resolve([])
      : withEngine(url, async (engine, p) => {
          const out = await engine.applyMigrations({ migrationsList: listMigrations(p), filters: FILTERS })
          return out.appliedMigrationNames
        }),
  )
}

// Any constant: a session-level advisory lock only Lianxin's migrate takes.
const MIGRATE_LOCK_KEY = 7_246_101

async function withPgMigrationLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY])
    return await fn()
  } finally {
    await client.end() // ends the session, which releases the lock
  }
}

/** A lock file beside the database; one left by a process that died is taken over after a minute. */
async function withSqliteMigrationLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const file = url.replace(/^file:/, '').replace(/\?.*$/, '')
  if (file === ':memory:') return fn()
  const lock = `${file}.migrate-lock`
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) unlinkSync(lock)
      } catch { /* gone meanwhile */ }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  try {
    return await fn()
  } finally {
    try { unlinkSync(lock) } catch { /* already gone */ }
  }
}

/**
 * Whether every committed migration is recorded as applied, with the same checksum. The schema
 * engine takes SQLite's database in `locking_mode=EXCLUSIVE`, which fails while another process
 * (a running replica) has the file open; so we only start it when there is something to apply.
 */
function sqliteUpToDate(url: string): boolean {
  const file = url.replace(/^file:/, '').replace(/\?.*$/, '')
  if (file === ':memory:' || !existsSync(file)) return false
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 })
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get()
    if (!table) return false
    const applied = new Map(
      (db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as
        Array<{ migration_name: string; checksum: string }>).map((r) => [r.migration_name, r.checksum]),
    )
    return listMigrations('sqlite').migrationDirectories.every((d) => {
      const sql = d.migrationFile.content
      return sql.tag === 'ok' && applied.get(d.path) === createHash('sha256').update(sql.value).digest('hex')
    })
  } finally {
    db.close()
  }
}

/** SQL that would bring the LIVE database to the schema; '' when in sync (runtime drift check, no shadow DB). */
export async function liveDrift(url: string): Promise<string> {
  return withEngine(url, async (engine, p) => {
    const files = schemaFiles(p)
    const r = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: ROOT },
      to: { tag: 'schemaDatamodel', files },
      script: true, exitCode: true, filters: FILTERS,
    })
    return r.exitCode === 2 ? (r.stdout ?? '') : ''
  })
}

/** SQL missing from the committed migrations to reach the schema; '' when in sync. Uses a shadow DB
 *  (SQLite: in-memory; PostgreSQL: a temporary database created on the server behind `url`). */
export async function migrationsDrift(url: string): Promise<string> {
  return withEngine(url, async (engine, p) => {
    const r = await engine.diff({
      from: { tag: 'migrations', ...listMigrations(p) },
      to: { tag: 'schemaDatamodel', files: schemaFiles(p) },
      script: true, exitCode: true, filters: FILTERS,
    })
    return r.exitCode === 2 ? (r.stdout ?? '') : ''
  })
}

/** `prisma migrate dev --create-only` equivalent, without touching any real database:
 *  SQL = diff(committed migrations replayed on a shadow DB -> schema). Writes
 *  <migrations>/<UTC yyyymmddHHMMSS>_<name>/migration.sql and migration_lock.toml, exactly the
 *  layout the Prisma CLI reads. Returns the folder name, or null when there is nothing to migrate. */
export async function createMigration(shadowUrl: string, name: string, now = new Date()): Promise<string | null> {
  const p = providerFromUrl(shadowUrl)
  const list = listMigrations(p)
  const lock = `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${p}"\n`
  mkdirSync(list.baseDir, { recursive: true })
  // the engine refuses a `migrations` source without a lockfile ("Could not determine the connector")
  if (list.lockfile.content == null) { writeFileSync(join(list.baseDir, 'migration_lock.toml'), lock); list.lockfile.content = lock }
  const sql = await withEngine(shadowUrl, async (engine) => {
    const r = await engine.diff({
      from: { tag: 'migrations', ...list },
      to: { tag: 'schemaDatamodel', files: schemaFiles(p) },
      script: true, exitCode: true, filters: FILTERS,
    })
    return r.exitCode === 2 ? (r.stdout ?? '') : ''
  })
  if (!sql) return null
  const ts = now.toISOString().replace(/\D/g, '').slice(0, 14) // same format as the CLI: 20250101123456
  const folder = `${ts}_${name}`
  mkdirSync(join(list.baseDir, folder))
  writeFileSync(join(list.baseDir, folder, 'migration.sql'), sql)
  return folder
}
