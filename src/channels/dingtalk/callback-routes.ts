import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../web/http-error.ts';
import { receiveRobotMessage, type ReceiveDeps } from './receive-robot-message.ts';
import { verifyCallbackSign, type SignCheck } from './verify-callback-sign.ts';

const REFUSALS: Record<Exclude<SignCheck, { ok: true }>['reason'], string> = {
  missing: 'the timestamp and sign headers are required',
  bad_timestamp: 'timestamp: must be epoch milliseconds',
  stale: 'timestamp: more than one hour from now',
  mismatch: 'sign: does not match',
};

/**
 * The app robot in HTTP mode: POST /dingtalk/callback. The signature is checked before the body is
 * even read; a bad or stale one gets a 401 and nothing is stored. A good message is stored and
 * answered at once with `{"msgtype":"empty"}` (no synchronous reply): the bot's answers go through
 * the outbox afterwards.
 */
export async function callbackRoutes(app: FastifyInstance, deps: ReceiveDeps & { appSecret: string }): Promise<void> {
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

  app.post('/callback', async (request) => {
    const received = await receiveRobotMessage(deps, request.body);
    if (received === 'invalid') throw new HttpError(400, 'body: not a DingTalk robot message');
    return { msgtype: 'empty' };
  });
}
