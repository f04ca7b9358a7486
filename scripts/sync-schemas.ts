// Writes prisma/<provider>/schema.prisma = per-provider header + prisma/models.prisma.
// `tsx scripts/sync-schemas.ts --check` exits 1 if a written file is out of date (CI guard).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { PROVIDERS, paths, type Provider } from '../src/db/providers.ts'

const header = (p: Provider) => `// GENERATED from prisma/models.prisma by scripts/sync-schemas.ts - DO NOT EDIT.
generator client {
  provider               = "prisma-client"
  output                 = "../../src/generated/${p}"
  runtime                = "nodejs"
  moduleFormat           = "esm"
  generatedFileExtension = "ts"
  importFileExtension    = "js"
}

datasource db {
  provider = "${p}"
}

`

const models = readFileSync('prisma/models.prisma', 'utf8')
const check = process.argv.includes('--check')
let stale = 0
for (const p of PROVIDERS) {
  const file = paths(p).schema
  const want = header(p) + models
  const have = existsSync(file) ? readFileSync(file, 'utf8') : null
  if (have === want) continue
  if (check) { console.error(`out of date: ${file} (run npm run schema:sync)`); stale++; continue }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, want)
  console.log(`wrote ${file}`)
}
process.exit(stale ? 1 : 0)
