// `npm start`: runs the compiled server (dist/main.js), building it first when src/ is newer.
// One process: npm execs this file (package.json: "exec node …"), so SIGTERM reaches the server
// itself and it shuts down cleanly. The build takes esbuild a fraction of a second; a start
// without a build needed loads no compiler at all (docs/decisions/0001).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(entry) ||
  statSync(entry).mtimeMs < Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
if (stale) {
  const { buildServer } = await import('./build.mjs');
  await buildServer(root);
}
await import(pathToFileURL(entry).href);
