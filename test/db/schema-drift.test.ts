import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { liveDrift, migrationsDrift } from '../../scripts/lib/migrate-dev.ts';
import { connectDatabase, freshDatabaseUrl, testDbKind } from '../helpers/test-db.ts';

// One source of truth (prisma/models.prisma), two databases: neither the generated schemas nor the
// committed migrations of either may drift from it.
describe('the schema and the migrations of this database', () => {
  it('prisma/<provider>/schema.prisma are up to date with prisma/models.prisma', () => {
    expect(() => execFileSync('npx', ['--no-install', 'tsx', 'scripts/sync-schemas.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it(`the committed ${testDbKind()} migrations build exactly the schema`, async () => {
    // SQLite replays into an in-memory shadow; PostgreSQL into a temporary database on the test server.
    const url = testDbKind() === 'sqlite' ? ':memory:' : await freshDatabaseUrl();
    expect(await migrationsDrift(url)).toBe('');
  });

  it(`a ${testDbKind()} database migrated at start (the runtime runner, without Prisma) is exactly the schema`, async () => {
    const url = await freshDatabaseUrl();
    const db = await connectDatabase(url);
    // The schema engine opens SQLite exclusively: the runner's connection must be gone first.
    await db.close();
    expect(await liveDrift(url)).toBe('');
  });
});
