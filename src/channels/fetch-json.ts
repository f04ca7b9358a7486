import http from 'node:http';
import https from 'node:https';

/** A JSON call that got no JSON object back: no answer in time, no connection, or something else. */
export class JsonCallFailed extends Error {
  /** The HTTP status when an answer came (not JSON), null when none did. */
  readonly status: number | null;
  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'JsonCallFailed';
    this.status = status;
  }
}

export type JsonAnswer = { status: number; body: Record<string, unknown> };

/** Kept-alive connections to the platforms' few hosts: no TCP and TLS handshake per message. */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};
/** Platforms answer a few hundred bytes; anything far larger is not an answer we read. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One JSON-over-HTTP call to a platform (WeCom, DingTalk): GET without a body, POST with one, a
 * timeout, and the answer as a JSON object with its status (both platforms answer errors in JSON,
 * often with HTTP 200, so the caller reads the status and the body itself). Anything else throws
 * JsonCallFailed. URLs carry access tokens, webhook keys and sessionWebhooks, so no error message
 * ever holds the URL. node:http rather than fetch: a send is on every reply's path, and fetch costs
 * several times the CPU per call (docs/performance.md).
 */
export async function fetchJson(
  url: string,
  o: { body?: unknown; timeoutMs: number; headers?: Record<string, string> },
): Promise<JsonAnswer> {
  const target = new URL(url);
  const agent = agents[target.protocol as 'http:' | 'https:'];
  if (!agent) throw new JsonCallFailed('unreachable (unsupported protocol)', null);
  const payload = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: payload === undefined ? 'GET' : 'POST',
        agent,
        headers: {
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length }),
          ...o.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            response.destroy();
            reject(new JsonCallFailed(`HTTP ${response.statusCode} with an answer over ${MAX_ANSWER_BYTES} bytes`, response.statusCode ?? null));
          } else chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => reject(new JsonCallFailed(networkReason(error), null)));
      },
    );
    request.setTimeout(o.timeoutMs, () => request.destroy(new JsonCallFailed(`no answer within ${o.timeoutMs} ms`, null)));
    request.on('error', (error) => reject(error instanceof JsonCallFailed ? error : new JsonCallFailed(networkReason(error), null)));
    request.end(payload);
  });
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = null;
  }
  // An HTML error page or an IP ban blob: never JSON we understand.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new JsonCallFailed(`HTTP ${status} without a JSON answer`, status);
  return { status, body: parsed as Record<string, unknown> };
}

function networkReason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? `unreachable (${code})` : 'unreachable';
}
