import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** `failed`: what the requests that were not answered 200 got instead (a status, or an error code). */
export type SteadyResult = {
  sent: number;
  ok: number;
  failed: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The sender's own longest event-loop stall: a late answer may be the sender's, not the server's. */
  senderStallMs: number;
  /** Connections the sender opened (it opens one when all its open ones wait for an answer). */
  newSockets: number;
  /** Answers later than SLOW_MS after they were due, and how many of them on a just-opened connection. */
  slow: number;
  slowOnNew: number;
};

export const SLOW_MS = 100;

/**
 * Sends prepared POSTs at a fixed rate (not as fast as answers come back), timing each from when it
 * was due, so a stall shows in the percentiles instead of slowing the sender (no coordinated omission).
 */
export async function steadyLoad(opts: {
  url: string;
  requests: Array<{ path: string; body: string }>;
  perSecond: number;
  seconds: number;
  /** A new connection for every request (a sender without keep-alive), instead of a pool of 256. */
  fresh?: boolean;
}): Promise<SteadyResult> {
  const agent = opts.fresh ? false : new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(opts.url);
  const total = Math.min(opts.requests.length, Math.round(opts.perSecond * opts.seconds));
  const latencies: number[] = [];
  let ok = 0;
  const failed: Record<string, number> = {};
  let newSockets = 0;
  let slow = 0;
  let slowOnNew = 0;
  const fail = (why: string) => (failed[why] = (failed[why] ?? 0) + 1);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
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
        req.on('socket', () => {
          if (!req.reusedSocket) newSockets++;
          req.once('response', () => {
            if (performance.now() - due <= SLOW_MS) return;
            slow++;
            if (!req.reusedSocket) slowOnNew++;
          });
        });
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
  if (agent) agent.destroy();
  loop.disable();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { sent: total, ok, failed, p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: latencies.at(-1) ?? NaN, senderStallMs: loop.max / 1e6, newSockets, slow, slowOnNew };
}
