import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.ts';

let server: ThrowawayPostgres | null = null;
let tmpRoot: string | null = null;

/**
 * Once per test run: a PostgreSQL for the `postgresql` project — TEST_DATABASE_URL if given, or a
 * throwaway server when the binaries are installed. Test files make their own databases on it.
 */
export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL ?? null;
  if (!url) {
    const bin = findPostgresBin();
    if (bin) {
      server = await startThrowawayPostgres(bin);
      url = server.url;
    }
  }
  project.provide('postgresUrl', url ?? '');
  // SQLite files and other test files go under one directory per run, removed at its end.
  tmpRoot ??= mkdtempSync(join(tmpdir(), 'lianxin-run-'));
  project.provide('testTmpRoot', tmpRoot);
  return async () => {
    await server?.stop();
    server = null;
    if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
    tmpRoot = null;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    testTmpRoot: string;
  }
}
