import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type WrkResult = { requests: number; perSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

/**
 * Runs wrk (Debian's package) against `url`, cycling through prepared requests (one per line of
 * `requestsFile`: "<path?query>\t<body>"), each wrk thread taking its own share so that no request
 * is sent twice while there are enough of them.
 */
export async function runWrk(opts: { url: string; requestsFile: string; dir: string; seconds: number; connections: number; threads?: number }): Promise<WrkResult> {
  const threads = opts.threads ?? 1;
  const script = join(opts.dir, 'requests.lua');
  writeFileSync(
    script,
    `local counter = 0
setup = function(thread) thread:set("id", counter); counter = counter + 1 end
local reqs = {}
local i = 0
init = function(args)
  local n = 0
  for line in io.lines(args[1]) do
    if n % ${threads} == id then
      local path, body = line:match("([^\\t]*)\\t(.*)")
      reqs[#reqs + 1] = wrk.format("POST", path, { ["Content-Type"] = "text/xml" }, body)
    end
    n = n + 1
  end
end
request = function() i = i + 1; if i > #reqs then i = 1 end; return reqs[i] end
`,
  );
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', [`-t${threads}`, `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', '-s', script, opts.url, '--', opts.requestsFile]);
    let text = '';
    child.stdout.on('data', (d) => (text += String(d)));
    child.stderr.on('data', (d) => (text += String(d)));
    // Without the load generator the bench cannot measure anything: say how to get it.
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error('wrk is not installed: apt-get install wrk (Debian), then run the bench again') : error));
    child.on('exit', () => resolve(text));
  });
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const ms = (re: RegExp) => {
    const m = re.exec(out);
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  return {
    requests: num(/(\d+) requests in/u),
    perSecond: num(/Requests\/sec:\s+([\d.]+)/u),
    p50Ms: ms(/50%\s+([\d.]+)(us|ms|s)/u),
    p99Ms: ms(/99%\s+([\d.]+)(us|ms|s)/u),
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/u) || 0,
    errors: num(/Socket errors: connect (\d+)/u) || 0,
  };
}
