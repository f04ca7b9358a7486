import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../web/http-error.ts';
import { receiveRobotMessage, type ReceiveDeps } from './receive-robot-message.ts';
import { robotMessageSchema } from './robot-message-schema.ts';
import { verifyCallbackSign, type SignCheck } from './verify-callback-sign.ts';

const REFUSALS: Record<Exclude<SignCheck, { ok: true }>['reason'], string> = {
  missing: '缺少 timestamp 和 sign 请求头',
  bad_timestamp: 'timestamp：应为毫秒时间戳',
  stale: 'timestamp：与现在相差超过一小时',
  mismatch: 'sign：签名不对',
};
const answer = z.object({ msgtype: z.literal('empty') });
const errorAnswer = z.object({ error: z.string() });

/**
 * The app robot in HTTP mode: POST /dingtalk/callback. The signature is checked before the body is
 * even read; a bad or stale one gets a 401 and nothing is stored. A good message is stored and
 * answered at once with `{"msgtype":"empty"}` (no synchronous reply): the bot's answers go through
 * the outbox afterwards.
 */
export const callbackRoutes: FastifyPluginAsyncZod<ReceiveDeps & { appSecret: string }> = async (app, deps) => {
  app.addHook('onRequest', async (request) => {
    const header = (name: string) => {
      const v = request.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const check = verifyCallbackSign({
      timestamp: header('timestamp'),
      sign: header('sign'),
      secret: deps.appSecret,
      nowMs: deps.clock.now().getTime(),
    });
    if (!check.ok) {
      deps.log.warn({ reason: check.reason }, 'DingTalk callback refused: bad signature');
      throw new HttpError(401, REFUSALS[check.reason]);
    }
  });

  app.post(
    '/callback',
    { schema: { body: robotMessageSchema, response: { 200: answer, 400: errorAnswer, 401: errorAnswer } }, config: { callback: true } },
    async (request) => {
      const received = await receiveRobotMessage(deps, request.body);
      if (received === 'invalid') throw new HttpError(400, '请求体：不是钉钉机器人消息');
      return { msgtype: 'empty' as const };
    },
  );
};
