// The providers this project supports, shared by sync-schemas, migrations and runtime.
export const PROVIDERS = ['sqlite', 'postgresql'] as const
export type Provider = (typeof PROVIDERS)[number]

export const paths = (p: Provider) => ({
  schema: `prisma/${p}/schema.prisma`, // generated from prisma/models.prisma
  migrations: `prisma/migrations-${p}`, // committed, one folder per provider
})

export function providerFromUrl(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql'
  if (url.startsWith('file:') || url === ':memory:') return 'sqlite'
  throw new Error(`cannot infer provider from DATABASE_URL ${url}`)
}
