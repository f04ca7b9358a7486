import type { WsFrame } from '@wecom/aibot-node-sdk';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../domain/clock.ts';
import type { InboundService } from '../../inbox/inbound-service.ts';
import type { Logger } from '../../log.ts';
import { parseBotCallback } from './bot-payload.ts';
import { CallbackRejected } from './callback-rejected.ts';
import { takeIn } from './take-in.ts';

export type FrameDeps = { db: Db; clock: Clock; log: Logger; inbound: InboundService; botName: string };

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
      if (parsed.kind === 'message') await takeIn(deps, parsed.msg, { via: 'bot-ws', reqId, welcome: false }, 'wecom-bot', now);
      else if (parsed.kind === 'enter_chat') await takeIn(deps, parsed.msg, { via: 'bot-ws', reqId, welcome: true }, 'wecom-bot', now);
      else if (parsed.kind === 'ignored') deps.log.debug({ why: parsed.why }, 'WeCom frame ignored');
    } catch (error) {
      if (!(error instanceof CallbackRejected)) throw error;
      deps.log.warn({ cmd: frame.cmd, err: error.message }, 'WeCom frame refused');
    }
  };
}
