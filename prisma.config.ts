// One Prisma config for both databases; DB_PROVIDER selects which (default sqlite).
//   npx prisma generate                                   -> sqlite client
//   DB_PROVIDER=postgresql DATABASE_URL=postgres://... npx prisma migrate dev
// Prisma 7 does not load .env by itself: add `import 'dotenv/config'` here if you use one.
import { defineConfig } from 'prisma/config'

const provider = process.env.DB_PROVIDER ?? 'sqlite'
if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error(`DB_PROVIDER=${provider}?`)

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/migrations-${provider}` },
  // Only migrate/db/introspect commands need the URL; `generate` does not.
  datasource: {
    url: process.env.DATABASE_URL ?? (provider === 'sqlite' ? 'file:./data/lianxin.db' : undefined),
  },
})
