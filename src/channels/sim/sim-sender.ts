import type { Db } from '../../db/sql.ts';
import type { Clock } from '../../core/clock.ts';
import type { ChannelSender, SendResult } from '../../core/messages.ts';
import type { Logger } from '../../log.ts';
import { sendWithinWindow } from '../wecom-kf/send-within-window.ts';
import { isSimWechat, simWechatKey } from './sim-wechat.ts';

/**
 * The simulator's "platform": delivering is recording. The outbox row marked sent is the message
 * the simulated chat shows. A resident "on WeChat" (id "wx:…") gets WeChat's 48-hour rule: held
 * and merged messages as 微信客服 would deliver them; a merged text is recorded on the row that
 * carried it.
 */
export function createSimSender(deps: { db: Db; clock: Clock; log: Logger }): ChannelSender {
  return {
    platform: 'sim',
    rateKey: async () => null,
    send: async (d): Promise<SendResult> => {
      if (d.target.type !== 'user' || !isSimWechat(d.target.id)) return { ok: true };
      return sendWithinWindow(deps, simWechatKey(d.target.id), d, async (text) => {
        if (text !== d.text) await deps.db.run('UPDATE outbox_messages SET text = ? WHERE id = ?', [text, d.id]);
        return { ok: true };
      });
    },
  };
}
