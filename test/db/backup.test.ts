import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SqliteDb } from '../../src/db/sqlite-database.ts';
import { startTestApp } from '../helpers/test-app.ts';
import { testDbKind, testTempDir } from '../helpers/test-db.ts';

const run = promisify(execFile);

// docs/deploy.md: the single-machine backup, taken while Lianxin runs.
describe.runIf(testDbKind() === 'sqlite')('npm run db:backup', () => {
  it('copies the ledger of a running Lianxin into a file that opens on its own, and never overwrites one', async () => {
    const dir = testTempDir();
    const databaseUrl = `file:${join(dir, 'live.db')}`;
    const t = await startTestApp({ databaseUrl });
    try {
      const c = await t.api('POST', '/api/communities', { name: '备份社区' });
      await t.api('POST', '/api/groups', { platform: 'sim', conversationId: 'g-b', communityId: c.body.id });
      await t.say({ id: 'wang', name: '王秀英' }, '心愿 帮忙修水龙头', { in: 'g-b' });
      const target = join(dir, 'copy.db');
      const env = { ...process.env, DATABASE_URL: databaseUrl };
      const { stdout } = await run('npx', ['--no-install', 'tsx', 'scripts/backup-sqlite.ts', target], { env });
      expect(stdout).toContain('1 items, integrity ok');
      const copy = new SqliteDb(target, { readonly: true });
      expect(await copy.all('SELECT text FROM items')).toEqual([{ text: '帮忙修水龙头' }]);
      await copy.close();
      const again = await run('npx', ['--no-install', 'tsx', 'scripts/backup-sqlite.ts', target], { env }).catch((e: { code: number; stderr: string }) => e);
      expect(again).toMatchObject({ code: 73 });
      expect((again as { stderr: string }).stderr).toContain('exists');
    } finally {
      await t.close();
    }
  });
});
