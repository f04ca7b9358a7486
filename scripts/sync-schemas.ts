// Writes from prisma/models.prisma (the one source of truth):
//   prisma/<provider>/schema.prisma   per-provider header + the models (for the migration tooling)
//   src/db/rows.ts                    the row types the app reads and writes (camelCase fields)
// `tsx scripts/sync-schemas.ts --check` exits 1 if a written file is out of date (CI guard).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { PROVIDERS, paths, type Provider } from '../src/db/providers.ts'

// No generator: the app does not use a Prisma client (docs/decisions/0005-sql-at-runtime.md).
const header = (p: Provider) => `// GENERATED from prisma/models.prisma by scripts/sync-schemas.ts - DO NOT EDIT.
datasource db {
  provider = "${p}"
}

`

const SCALARS: Record<string, string> = { Int: 'number', Float: 'number', String: 'string', Boolean: 'boolean', DateTime: 'Date' }

/** One exported type per model, named after it; relation fields are left out (rows, not object graphs). */
function rowTypes(models: string): string {
  const out = [
    '// GENERATED from prisma/models.prisma by scripts/sync-schemas.ts - DO NOT EDIT.',
    '// Rows as src/db reads them: camelCase fields (columns are their snake_case), DateTime as Date.',
    '',
  ]
  const tables: string[] = []
  for (const m of models.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gmu)) {
    const [, name, body] = m
    const fields: string[] = []
    for (const line of body!.split('\n')) {
      const f = /^\s+(\w+)\s+(\w+)(\?|\[\])?/u.exec(line)
      if (!f || line.trim().startsWith('@@') || line.trim().startsWith('//')) continue
      const [, field, type, mod] = f
      const ts = SCALARS[type!]
      if (!ts || mod === '[]') continue // a relation
      fields.push(`  ${field}: ${ts}${mod === '?' ? ' | null' : ''};`)
    }
    const table = /@@map\("(\w+)"\)/u.exec(body!)?.[1] ?? name!
    tables.push(`  ${name}: '${table}',`)
    out.push(`export type ${name} = {`, ...fields, '};', '')
  }
  out.push('/** The table of each model. */', 'export const TABLE = {', ...tables, '} as const;', '')
  return out.join('\n')
}

const models = readFileSync('prisma/models.prisma', 'utf8')
const check = process.argv.includes('--check')
let stale = 0
const files: Array<[string, string]> = [
  ...PROVIDERS.map((p): [string, string] => [paths(p).schema, header(p) + models]),
  ['src/db/rows.ts', rowTypes(models)],
]
for (const [file, want] of files) {
  const have = existsSync(file) ? readFileSync(file, 'utf8') : null
  if (have === want) continue
  if (check) { console.error(`out of date: ${file} (run npx tsx scripts/sync-schemas.ts)`); stale++; continue }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, want)
  console.log(`wrote ${file}`)
}
process.exit(stale ? 1 : 0)
