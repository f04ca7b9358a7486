import type { Person } from '../../db/rows.ts';
import type { Db } from '../../db/sql.ts';
import { actorOf } from '../../bot/context.ts';
import { texts } from '../../bot/texts.ts';
import { highestRole } from '../../domain/actor.ts';
import { callbackSignature, encryptPayload } from './callback-crypto.ts';
import type { CallbackKeys } from './open-callback.ts';

/**
 * The smart robot's encrypted passive reply (加密与被动回复, 101033): {encrypt, msgsignature,
 * timestamp (seconds), nonce (the callback's)}, all lower-case field names.
 */
export function passiveReply(keys: CallbackKeys, body: unknown, nonce: string, now: Date) {
  const encrypt = encryptPayload(keys.aesKey, JSON.stringify(body), keys.receiveId);
  const timestamp = Math.floor(now.getTime() / 1000);
  return { encrypt, msgsignature: callbackSignature(keys.token, String(timestamp), nonce, encrypt), timestamp, nonce };
}

/**
 * The welcome for enter_chat in callback mode. It can only travel in the HTTP answer (that event
 * has no response_url, 101027), so it is worked out here from one read of the person's roles —
 * the same text the bot writes for the event, whose outbox row is then known to be delivered.
 */
export async function welcomeFor(db: Db, userId: string): Promise<string> {
  const person = await db.get<Pick<Person, 'id' | 'name'>>("SELECT id, name FROM people WHERE platform = 'wecom' AND platform_user_id = ?", [
    userId,
  ]);
  return texts.welcome(person ? highestRole(await actorOf(db, person)) : 'resident');
}
