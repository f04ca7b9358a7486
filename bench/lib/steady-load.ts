import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** `failed`: what the requests that were not answered 200 got instead (a status, or an error code). */
export type SteadyResult = { sent: number; ok: number; failed: Record<string, number>; p50Ms: number; p99Ms: number; maxMs: number };

/**
 * Sends prepared POSTs at a fixed rate (not as fast as answers come back), timing each from when it
 * was due, so a stall shows in the percentiles instead of slowing the sender (no coordinated omission).
 */
export async function steadyLoad(opts: { url: string; requests: Array<{ path: string; body: string }>; perSecond: number; seconds: number }): Promise<SteadyResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(opts.url);
  const total = Math.min(opts.requests.length, Math.round(opts.perSecond * opts.seconds));
  const latencies: number[] = [];
  let ok = 0;
  const failed: Record<string, number> = {};
  const fail = (why: string) => (failed[why] = (failed[why] ?? 0) + 1);
  const t0 = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / opts.perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const { path, body } = opts.requests[i]!;
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = http.request(
          { host: target.hostname, port: target.port, method: 'POST', path, agent, headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - due);
              if (res.statusCode === 200) ok++;
              else fail(String(res.statusCode));
              resolve();
            });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          latencies.push(performance.now() - due);
          fail(error.code ?? error.message);
          resolve();
        });
        req.end(body);
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { sent: total, ok, failed, p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: latencies.at(-1) ?? NaN };
}
