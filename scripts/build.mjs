// Bundles src/ into dist/main.js with esbuild (types are only stripped: `npm run typecheck` checks
// them). Packages stay in node_modules; files read at run time (migrations, the console's assets)
// are found from the project root (src/core/project-root.ts), as in development.
import { build } from 'esbuild';
import { join } from 'node:path';

export async function buildServer(root) {
  await build({
    entryPoints: [join(root, 'src', 'main.ts')],
    outfile: join(root, 'dist', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer(join(import.meta.dirname, '..'));
  console.log('built dist/main.js');
}
