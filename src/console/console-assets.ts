import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

/** A file the console serves itself (no CDN: SPEC, docs/decisions/0030). */
export type ConsoleAsset = { name: string; type: string; body: Buffer; gzip: Buffer; version: string };

const require = createRequire(import.meta.url);
const SOURCES: Record<string, { path: () => string; type: string }> = {
  'console.css': { path: () => new URL('./assets/console.css', import.meta.url).pathname, type: 'text/css; charset=utf-8' },
  'console.js': { path: () => new URL('./assets/console.js', import.meta.url).pathname, type: 'text/javascript; charset=utf-8' },
  // The "common" build has the bar, line and pie charts we draw, at 240 KB compressed instead of 370.
  'echarts.min.js': { path: () => require.resolve('echarts/dist/echarts.common.min.js'), type: 'text/javascript; charset=utf-8' },
};

let loaded: Map<string, ConsoleAsset> | null = null;

/** Every asset, read and compressed once per process. */
export function consoleAssets(): Map<string, ConsoleAsset> {
  if (!loaded) {
    loaded = new Map();
    for (const [name, source] of Object.entries(SOURCES)) {
      const body = readFileSync(source.path());
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
      loaded.set(name, { name, type: source.type, body, gzip: gzipSync(body, { level: 9 }), version });
    }
  }
  return loaded;
}

/** The asset's URL with its content hash, so it can be cached for good and still change on upgrade. */
export function assetUrl(name: keyof typeof SOURCES & string): string {
  const asset = consoleAssets().get(name);
  return `/console/assets/${name}?v=${asset?.version ?? '0'}`;
}
