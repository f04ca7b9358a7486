import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.ts';
import { join } from 'node:path';

export type LianxinProcess = {
  url: string;
  pid: number;
  output: () => string;
  /** SIGTERM and wait (a clean shutdown), or SIGKILL (a crash). */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<number | null>;
};

/** Every scheduled job switched off, for a process whose test or benchmark is about something else. */
export const SCHEDULES_OFF = {
  SCHEDULE_GROUP_NUDGE: 'off',
  SCHEDULE_CLAIMANT_REMINDER: 'off',
  SCHEDULE_ESCALATION: 'off',
  SCHEDULE_WEEKLY_BULLETIN: 'off',
  SCHEDULE_OFFICIAL_DIGEST: 'off',
  SCHEDULE_REVISIT: 'off',
  SCHEDULE_ANSWER_DUE: 'off',
} as const;

/**
 * A real Lianxin process. Tests run the sources (`tsx src/main.ts`), so they need no build; benchmarks
 * pass `production` and run what `npm start` runs (scripts/start.mjs: the compiled dist/main.js,
 * rebuilt when src/ is newer), since tsx's loader would be measured along with Lianxin.
 */
export async function startLianxinProcess(env: Record<string, string>, opts: { production?: boolean } = {}): Promise<LianxinProcess> {
  const port = await freePort();
  const root = join(import.meta.dirname, '..', '..');
  const args = opts.production ? [join(root, 'scripts', 'start.mjs')] : ['--import', 'tsx', join(root, 'src', 'main.ts')];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`Lianxin exited at start:\n${output}`);
    if (i > 300) throw new Error(`Lianxin did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The admin API of a process, with its bearer token. */
export async function adminApi(p: LianxinProcess, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${p.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}
