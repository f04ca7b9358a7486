import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export type NpmStart = { npm: ChildProcess; output: () => string; exited: Promise<number | null> };

/** `npm start` as the README runs it (the bundle in dist/, rebuilt when stale), serving on `port`. */
export async function npmStart(dir: string, port: number, env: Record<string, string> = {}): Promise<NpmStart> {
  const npm = spawn('npm', ['start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'lianxin.db')}`,
      DATA_DIR: dir,
      ADMIN_TOKEN: 'npm-start-admin-token-0123456789',
      LOG_LEVEL: 'info',
      npm_config_update_notifier: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', (d) => (output += String(d)));
  npm.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (npm.exitCode !== null || Date.now() > deadline) {
      npm.kill('SIGKILL');
      throw new Error(`npm start did not serve:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { npm, output: () => output, exited };
}
