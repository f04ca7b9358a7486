import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { npmStart } from '../helpers/npm-start.ts';
import { testDbKind, testTempDir } from '../helpers/test-db.ts';

// `npm start` runs the bundle in dist/, where a file found relative to its module is not where it
// is under src/ (the tests and tsx). The files it reads at run time must be found from there too:
// a new user's console had no style, script or charts, and its first page after a start was a 500.
describe.skipIf(testDbKind() !== 'sqlite')('what `npm start` reads at run time', () => {
  it('serves the console with its own style, script and charts from the first request on', async () => {
    const dir = testTempDir();
    const port = await freePort();
    const { npm, output, exited } = await npmStart(dir, port);
    try {
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/console/login`);
      expect(login.status, output()).toBe(200);
      const html = await login.text();
      const assets = [...html.matchAll(/\/console\/assets\/([\w.-]+)\?v=(\w+)/gu)].map((m) => ({ name: m[1]!, version: m[2]! }));
      expect(assets.map((a) => a.name).sort()).toEqual(expect.arrayContaining(['console.css']));
      for (const name of ['console.css', 'console.js', 'echarts.min.js']) {
        const res = await fetch(`${base}/console/assets/${name}`);
        expect(res.status, `${name}\n${output()}`).toBe(200);
        expect(res.headers.get('content-type')).toMatch(name.endsWith('.css') ? /^text\/css/u : /^text\/javascript/u);
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(500);
      }
      // A real content hash, not the placeholder of a file that could not be read.
      for (const a of assets) expect(a.version).toMatch(/^[0-9a-f]{12}$/u);
    } finally {
      npm.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
