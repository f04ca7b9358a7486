import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root (where package.json, prisma/ and the console's assets are), found from this
 * file whether it runs from src/ (tests, tsx) or bundled into dist/ (npm start).
 */
export const PROJECT_ROOT = findRoot(import.meta.dirname);

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
