import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The suite runs on SQLite, and again on PostgreSQL whenever one can be had: TEST_DATABASE_URL, or
// the server binaries (then test/setup starts a throwaway server). A run without says so.
const hasPostgres =
  Boolean(process.env.TEST_DATABASE_URL) ||
  (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0);
if (!hasPostgres) {
  console.warn('\n  PostgreSQL not found (no TEST_DATABASE_URL, no server binaries): the suite runs on SQLite only.\n');
}

// The console's browser tests need Chromium (Debian's, as .ci/run installs it); a run without says so.
if (!process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium') && !existsSync('/usr/bin/chromium-browser')) {
  console.warn('\n  Chromium not found (no /usr/bin/chromium, no CHROMIUM_PATH): the console browser tests are skipped.\n');
}

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: 'sqlite', env: { TEST_DB: 'sqlite' } } },
      ...(hasPostgres ? [{ extends: true as const, test: { name: 'postgresql', env: { TEST_DB: 'postgresql' } } }] : []),
    ],
  },
});
