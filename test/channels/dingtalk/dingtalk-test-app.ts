import { createHmac } from 'node:crypto';
import { createDingtalkChannel, type DingtalkChannelOptions } from '../../../src/channels/dingtalk/dingtalk-channel.ts';
import { createSimChannel } from '../../../src/channels/sim/sim-channel.ts';
import type { Clock } from '../../../src/core/clock.ts';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';
import type { DingtalkHttpFake } from '../../fakes/dingtalk-http-fake.ts';
import type { DingtalkStreamFake } from '../../fakes/dingtalk-stream-fake.ts';

export const APP = { clientId: 'dingFAKEapp', clientSecret: 'FAKE-app-secret-never-logged-0123456789' };

/** Fast Stream timings: the suite must not sleep through production back-offs. */
export const FAST_STREAM = { idleMs: 5_000, openTimeoutMs: 2_000, backoffBaseMs: 20, backoffMaxMs: 200, stableMs: 10_000, closeGraceMs: 500 };

/** A real Lianxin with the DingTalk channel (and the simulator) pointed at the fakes. */
export function startDingtalkApp(o: {
  http: DingtalkHttpFake;
  stream?: DingtalkStreamFake;
  mode?: 'stream' | 'http';
  clock?: Clock;
  options?: DingtalkChannelOptions;
  env?: Record<string, string>;
}): Promise<TestApp> {
  return startTestApp({
    env: {
      DINGTALK_CLIENT_ID: APP.clientId,
      DINGTALK_CLIENT_SECRET: APP.clientSecret,
      DINGTALK_MODE: o.mode ?? 'stream',
      ...(o.stream ? { DINGTALK_STREAM_GATEWAY: o.stream.gatewayUrl } : {}),
      DINGTALK_API_BASE: o.http.url,
      DINGTALK_OAPI_BASE: o.http.url,
      BOT_NAME: '连心',
      ...o.env,
    },
    overrides: {
      ...(o.clock ? { clock: o.clock } : {}),
      channels: (deps) => [createSimChannel(deps), createDingtalkChannel(deps, { ...o.options, stream: { ...FAST_STREAM, ...o.options?.stream } })],
    },
  });
}

/** Polls until `what` holds (fakes record asynchronously); fails after `timeoutMs`. */
export async function waitUntil(what: () => boolean | Promise<boolean>, timeoutMs = 5000, label = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** POSTs a robot message to /dingtalk/callback signed as DingTalk signs it (computed here, from the published rule). */
export async function postSigned(t: TestApp, body: unknown, nowMs = Date.now()): Promise<number> {
  const ts = String(nowMs);
  const sign = createHmac('sha256', APP.clientSecret).update(`${ts}\n${APP.clientSecret}`).digest('base64');
  const res = await fetch(`${t.url}/dingtalk/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', timestamp: ts, sign },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}
