import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../core/project-root.ts';

/** A file the console serves itself (no CDN: SPEC, docs/decisions/0030). */
export type ConsoleAsset = { name: string; type: string; body: Buffer; gzip: Buffer; version: string };

// From the project root, not from this module: `npm start` runs it bundled into dist/main.js.
const require = createRequire(join(PROJECT_ROOT, 'package.json'));
const OWN = join(PROJECT_ROOT, 'src', 'console', 'assets');
const SOURCES: Record<string, { path: () => string; type: string }> = {
  'console.css': { path: () => join(OWN, 'console.css'), type: 'text/css; charset=utf-8' },
  'console.js': { path: () => join(OWN, 'console.js'), type: 'text/javascript; charset=utf-8' },
  // The "common" build has the bar, line and pie charts we draw, at 240 KB compressed instead of 370.
  'echarts.min.js': { path: () => require.resolve('echarts/dist/echarts.common.min.js'), type: 'text/javascript; charset=utf-8' },
};

let loaded: Map<string, ConsoleAsset> | null = null;

/** Every asset, read and compressed once per process. */
export function consoleAssets(): Map<string, ConsoleAsset> {
  if (!loaded) {
    // Kept only once every file was read: a failure is thrown again on the next call, not cached half-done.
    const assets = new Map<string, ConsoleAsset>();
    for (const [name, source] of Object.entries(SOURCES)) {
      const body = readFileSync(source.path());
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
      assets.set(name, { name, type: source.type, body, gzip: gzipSync(body, { level: 9 }), version });
    }
    loaded = assets;
  }
  return loaded;
}

/** The asset's URL with its content hash, so it can be cached for good and still change on upgrade. */
export function assetUrl(name: keyof typeof SOURCES & string): string {
  return `/console/assets/${name}?v=${consoleAssets().get(name)!.version}`;
}
