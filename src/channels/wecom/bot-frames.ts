import type { WsFrame } from '@wecom/aibot-node-sdk';
import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import type { Logger } from '../../log.ts';
import { parseBotCallback } from './bot-payload.ts';
import { CallbackRejected } from './callback-rejected.ts';
import { takeIn } from './take-in.ts';

export type FrameDeps = { db: Db; clock: Clock; log: Logger; inbound: InboundService; botName: string; retryPauseMs?: readonly number[] };

/**
 * Takes in aibot_msg_callback / aibot_event_callback frames from the long connection. The
 * callback's req_id goes along: the reply echoes it (aibot_respond_msg, or
 * aibot_respond_welcome_msg for enter_chat). The long connection needs no acknowledgement.
 */
export function createFrameHandler(deps: FrameDeps): (frame: WsFrame) => Promise<void> {
  return async (frame) => {
    const now = deps.clock.now();
    const reqId = frame.headers?.req_id;
    try {
      if (typeof reqId !== 'string' || reqId === '') throw new CallbackRejected('frame without req_id');
      const parsed = parseBotCallback(frame.body, { botName: deps.botName, now });
      if (parsed.kind === 'message' || parsed.kind === 'enter_chat') {
        const context = { via: 'bot-ws' as const, reqId, welcome: parsed.kind === 'enter_chat' };
        // WeCom does not send a long-connection frame again: a database that is briefly busy or
        // away must not lose it, so storing is tried a few times before giving up.
        await withRetries(() => takeIn(deps, parsed.msg, context, 'wecom-bot', now), deps.retryPauseMs ?? [200, 1000, 3000]);
      } else if (parsed.kind === 'ignored') deps.log.debug({ why: parsed.why }, 'WeCom frame ignored');
    } catch (error) {
      if (!(error instanceof CallbackRejected)) throw error;
      deps.log.warn({ cmd: frame.cmd, err: error.message }, 'WeCom frame refused');
    }
  };
}

async function withRetries(fn: () => Promise<unknown>, pauses: readonly number[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fn();
      return;
    } catch (error) {
      if (error instanceof CallbackRejected || attempt >= pauses.length) throw error;
      await new Promise((r) => setTimeout(r, pauses[attempt]));
    }
  }
}
