/**
 * A DingTalk call that did not deliver, saying what to do about it:
 * - `retry`: may succeed later (network, timeout, 5xx, "system busy");
 * - `fatal`: never will as it is (bad ids, robot removed, content refused) — the message goes dead;
 * - `throttled`: wait until `throttledUntil`, it is not a failure;
 * - `session_gone`: the sessionWebhook no longer exists — use another way;
 * - `auth`: the access token was refused — fetch a new one and try once more.
 * Messages never carry a URL, a token or a secret (they end up in logs and in outbox.lastError).
 */
export type DingtalkErrorKind = 'retry' | 'fatal' | 'throttled' | 'session_gone' | 'auth';

export class DingtalkError extends Error {
  readonly kind: DingtalkErrorKind;
  readonly throttledUntil: Date | undefined;
  constructor(kind: DingtalkErrorKind, message: string, throttledUntil?: Date) {
    super(message);
    this.name = 'DingtalkError';
    this.kind = kind;
    this.throttledUntil = throttledUntil;
  }
}
