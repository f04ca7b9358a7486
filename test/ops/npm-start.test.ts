import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { npmStart } from '../helpers/npm-start.ts';
import { testDbKind, testTempDir } from '../helpers/test-db.ts';

// Issue 9 item 8: SIGTERM to `npm start` — what the README runs, what a service manager signals —
// must stop the serving process cleanly, not leave it running, orphaned, on its port.

/** The pids whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    const list = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    if (list) out.push(...list.split(/\s+/u).map(Number));
  } catch {
    // gone
  }
  return out;
}

/** Children, grandchildren … of `pid`. */
function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((c) => [c, ...descendantsOf(c)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

// npm start builds dist/ when it is stale: one project runs it, so that two builds never race.
describe.skipIf(testDbKind() !== 'sqlite')('SIGTERM to `npm start`', () => {
  it('reaches the serving process, which shuts down; nothing is left on the port', async () => {
    const dir = testTempDir();
    const port = await freePort();
    const { npm, output, exited: npmExited } = await npmStart(dir, port);
    // npm's one child is the server itself (the script execs node: no shell in between); below it
    // perhaps esbuild's service, if dist/ was rebuilt.
    const started = descendantsOf(npm.pid!);
    try {
      expect(childrenOf(npm.pid!).length).toBe(1);
      const server = childrenOf(npm.pid!)[0]!;

      npm.kill('SIGTERM');
      const code = await Promise.race([npmExited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
      expect(code, output()).not.toBe('hung');
      for (let i = 0; i < 50 && alive(server); i++) await new Promise((r) => setTimeout(r, 100));
      expect(alive(server), `the server process ${server} is still running:\n${output()}`).toBe(false);
      // esbuild's service (when dist/ was rebuilt) ends once its parent is gone: give it a moment.
      for (let i = 0; i < 50 && started.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
      expect(started.filter(alive)).toEqual([]);
      expect(output()).toContain('"signal":"SIGTERM"');
      expect(output()).toContain('shutting down');
      expect(await portFree(port)).toBe(true);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      // A failed run must not leave an orphan behind.
      for (const pid of [...started, npm.pid!]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 90_000);
});
