// Prisma's schema engine (migrations/diff) compiled to WebAssembly, driven through a driver adapter.
// We instantiate the .wasm ourselves so plain `node`/`tsx`/vitest work without --experimental-wasm-modules
// (the package's own entry does `import * as wasm from "../../src/db/schema_engine_bg.wasm"`).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { SchemaEngine as SchemaEngineT } from '@prisma/schema-engine-wasm'
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
} from '@prisma/driver-adapter-utils'

export type { SchemaEngineT as SchemaEngine }

// @types/node 20 does not declare WebAssembly; the runtime has it.
const Wasm = (globalThis as unknown as { WebAssembly: {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> }
} }).WebAssembly

let loaded = false
let lastPanic: string | undefined
/** Message of the last Rust panic inside the wasm engine (after a panic the instance is unusable). */
export const lastSchemaEnginePanic = () => lastPanic

function loadWasm(): void {
  if (loaded) return
  // The wasm calls global.PRISMA_WASM_PANIC_REGISTRY.set_message() on a Rust panic; without it the
  // panic turns into "Cannot read properties of undefined (reading 'set_message')".
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } }
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => { lastPanic = m } }
  const require = createRequire(import.meta.url)
  // the package's exports map hides the .wasm; resolve the JS glue and take its sibling
  const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const bytes = readFileSync(glue.replace(/\.js$/, '.wasm'))
  const instance = new Wasm.Instance(new Wasm.Module(bytes), {
    './schema_engine_bg.js': bg as unknown as Record<string, unknown>,
  })
  bg.__wbg_set_wasm(instance.exports)
  ;(instance.exports as { __wbindgen_start: () => void }).__wbindgen_start()
  loaded = true
}

export type SchemaFile = { path: string; content: string }

export type OpenEngine = { engine: SchemaEngineT; close: () => Promise<void> }

/** Create a wasm schema engine bound to a migration-aware adapter factory (PrismaBetterSqlite3/PrismaPg).
 *  PITFALL: engine.free() does NOT dispose the connections the engine opened through the factory.
 *  A leaked better-sqlite3 connection keeps a lock, so the NEXT engine on the same file fails with
 *  SQLITE_BUSY (surfacing as "unknown variant `SocketTimeout`"); leaked pg pools keep the process
 *  alive. So we track every connection and dispose it in close(). */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: SchemaFile[],
  log: (msg: string) => void = () => {},
): Promise<OpenEngine> {
  loadWasm()
  const opened: SqlDriverAdapter[] = []
  const track = async (a: Promise<SqlDriverAdapter>) => { const c = await a; opened.push(c); return c }
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  }
  const close = async () => { for (const c of opened.splice(0).reverse()) await c.dispose().catch(() => {}) }
  try {
    const engine = await (bg.SchemaEngine as typeof SchemaEngineT).new(
      // an EMPTY datamodels array makes the wasm panic (and kill the process): pass undefined instead
      { datamodels: schemaFiles.length ? schemaFiles.map((f) => [f.path, f.content] as [string, string]) : undefined },
      log,
      bindMigrationAwareSqlAdapterFactory(tracked),
    )
    return { engine, close: async () => { engine.free(); await close() } }
  } catch (e) { await close(); throw e }
}

/** Git hash of the wasm schema engine (same value the native `schema-engine --version` prints). */
export function schemaEngineVersion(): string {
  loadWasm()
  return (bg as unknown as { version(): string }).version()
}
