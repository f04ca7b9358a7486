import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Logger } from '../../log.ts';
import { CallbackRejected } from '../wecom/callback-rejected.ts';
import { MAX_CALLBACK_BYTES } from '../wecom/limits.ts';
import { answerEmpty, callbackBody, openEnvelope, refusing, signedQuery, verifyQuery, verifyUrl, type CallbackKeys } from '../wecom/open-callback.ts';
import { parseXml } from '../wecom/parse-xml.ts';

export type KfCallbackDeps = {
  log: Logger;
  keys: CallbackKeys;
  /** The account Lianxin answers (WECOM_KF_OPEN_KFID); callbacks for the corp's other accounts are ignored. */
  openKfid: string;
  /** Starts a pull in the background. */
  wake: (token: string) => void;
};

const TOKEN = /^[\x21-\x7e]{1,128}$/u;

/**
 * /wecom/kf/callback: the 微信客服 API's callback (接收消息和事件, document 94670), with the same strict
 * crypto as the app's (receive id = the corp id). GET verifies the URL. POST carries an event
 * `kf_msg_or_event` with a Token for sync_msg and the OpenKfId that has news, but no message: it is
 * answered at once with an empty 200 and the messages are pulled in the background. A bad
 * signature or ciphertext gets a 4xx and starts nothing.
 */
export function kfCallbackRoutes(deps: KfCallbackDeps): FastifyPluginAsync {
  const routes: FastifyPluginAsyncZod = async (app) => {
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_CALLBACK_BYTES }, (_request, body, done) => done(null, body));

      // A platform callback: create-server.ts gives such routes the higher per-client rate limit.
      app.get('/callback', { schema: { querystring: verifyQuery }, config: { callback: true } }, verifyUrl(deps.keys));

      app.post('/callback', { schema: { querystring: signedQuery, body: callbackBody }, config: { callback: true } }, (request, reply) =>
        refusing(async () => {
          const event = parseXml(openEnvelope(deps.keys, request.query, request.body)).value;
          const name = typeof event.Event === 'string' ? event.Event.trim() : '';
          if (event.MsgType !== 'event' || name !== 'kf_msg_or_event') {
            deps.log.debug({ event: name.slice(0, 64) }, '微信客服 callback ignored');
            return answerEmpty(reply);
          }
          const token = typeof event.Token === 'string' ? event.Token.trim() : '';
          const openKfid = typeof event.OpenKfId === 'string' ? event.OpenKfId.trim() : '';
          if (!TOKEN.test(token)) throw new CallbackRejected('Token is missing or malformed');
          if (openKfid !== deps.openKfid) {
            deps.log.info({ openKfid: openKfid.slice(0, 64) }, '微信客服 callback for another account ignored');
            return answerEmpty(reply);
          }
          deps.wake(token);
          return answerEmpty(reply);
        }),
      );
  };
  return async (app) => {
    await app.register(routes, { prefix: '/wecom/kf' });
  };
}
