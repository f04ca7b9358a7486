import type { ChannelSender, SendResult } from '../../core/messages.ts';

/**
 * The simulator's "platform": delivering is recording. The outbox row marked sent is the message
 * the simulated chat shows.
 */
export function createSimSender(): ChannelSender {
  return {
    platform: 'sim',
    rateKey: async () => null,
    send: async (): Promise<SendResult> => ({ ok: true }),
  };
}
