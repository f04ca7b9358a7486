// Offline migration CLI (wasm schema engine; no Prisma binaries, no network).
//   tsx scripts/migrate.ts create <name>   create a migration for EVERY provider from prisma/models.prisma
//   tsx scripts/migrate.ts deploy <url>    apply pending migrations (idempotent)
//   tsx scripts/migrate.ts check           fail if committed migrations don't reproduce the schema
//   tsx scripts/migrate.ts status <url>    print SQL the live DB lacks vs the schema ('' = in sync)
// PostgreSQL needs a server for its shadow database: PG_SHADOW_URL (any DB on a server where the
// user may CREATE DATABASE). SQLite uses an in-memory shadow DB.
import { performance } from 'node:perf_hooks'
import { createMigration, migrate, migrationsDrift, liveDrift } from './lib/migrate-dev.ts'
import { PROVIDERS, type Provider } from '../src/db/providers.ts'

const shadowUrl = (p: Provider): string | undefined =>
  p === 'sqlite' ? ':memory:' : process.env.PG_SHADOW_URL ?? process.env.DATABASE_URL_PG

const [cmd, arg] = process.argv.slice(2)
const t0 = performance.now()
const ms = () => `${(performance.now() - t0).toFixed(0)} ms`
let failed = false
switch (cmd) {
  case 'create': {
    if (!arg || !/^[a-z0-9_]+$/.test(arg)) throw new Error('usage: create <snake_case_name>')
    const now = new Date() // same timestamp for every provider's folder
    for (const p of PROVIDERS) {
      const url = shadowUrl(p)
      if (!url) { console.error(`${p}: skipped, set PG_SHADOW_URL`); failed = true; continue }
      const made = await createMigration(url, arg, now)
      console.log(`${p}: ${made ?? 'no changes'} (${ms()})`)
    }
    break
  }
  case 'deploy': {
    if (!arg) throw new Error('usage: deploy <url>')
    const applied = await migrate(arg)
    console.log(`applied ${applied.length ? applied.join(', ') : 'nothing'} (${ms()})`)
    break
  }
  case 'check': {
    for (const p of PROVIDERS) {
      const url = shadowUrl(p)
      if (!url) { console.error(`${p}: skipped, set PG_SHADOW_URL`); failed = true; continue }
      const sql = await migrationsDrift(url)
      if (sql) { failed = true; console.error(`${p}: migrations are behind the schema:\n${sql}`) }
      else console.log(`${p}: migrations match schema (${ms()})`)
    }
    break
  }
  case 'status': {
    if (!arg) throw new Error('usage: status <url>')
    const sql = await liveDrift(arg)
    if (sql) { failed = true; console.error(`database differs from schema:\n${sql}`) }
    else console.log(`database matches schema (${ms()})`)
    break
  }
  default:
    throw new Error('usage: migrate.ts create <name> | deploy <url> | check | status <url>')
}
process.exit(failed ? 1 : 0)
