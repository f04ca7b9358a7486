/**
 * WeCom's limits, counted as the platform counts them. Sizes are UTF-8 bytes of the content.
 */
export const MAX_BYTES = {
  /** message/send and appchat/send text and markdown (90236, 90248). */
  app: 2048,
  /** Group robot webhook text (99110). */
  webhookText: 2048,
  /** Group robot webhook markdown (99110; 40058 when exceeded). */
  webhookMarkdown: 4096,
  /** Smart robot stream content, aibot_send_msg markdown and response_url markdown (100719, 101138). */
  bot: 20480,
} as const;

/** Messages a minute per target, kept by the outbox's shared rate limiter. */
export const PER_MINUTE = {
  /** Each group robot webhook: 20 a minute (99110). */
  webhook: 20,
  /** Replies and pushes into one smart-robot conversation: 30 a minute, 1000 an hour (101463). */
  botConversation: 30,
  /** One member from one app: 30 a minute, 1000 an hour; beyond that WeCom drops silently (90236). */
  appUser: 30,
  /** An app group chat: each member may get 200 a minute from one app (90248); kept well below. */
  appChat: 30,
} as const;

/** A callback body never needs more (a text is at most 2048 bytes; base64 and XML add a third). */
export const MAX_CALLBACK_BYTES = 64 * 1024;

/**
 * message/send's repeat check (90236): the same request JSON within this many seconds reaches the
 * member once. WeCom's default, half an hour (the most is 4 hours): a send cut off by a crash or a
 * timeout is repeated within seconds (the outbox lease) or minutes (its back-off).
 */
export const DUPLICATE_CHECK_SEC = 1800;

/** response_url is valid for one hour (101138); keep a margin for the send itself. */
export const RESPONSE_URL_TTL_MS = 55 * 60_000;
