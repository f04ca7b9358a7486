import type { TestProject } from 'vitest/node';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.ts';

let server: ThrowawayPostgres | null = null;

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
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
