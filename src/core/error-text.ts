/**
 * The last line of defence for error text that leaves a sender (outbox `last_error`, the log, the
 * admin API): platforms' own error text is never passed on — each channel says a code and a fixed
 * description of its own (docs/decisions/0016-platform-errors-code-and-fixed-text.md) — and should
 * anything else slip through (a library's message, an unexpected throw), an address, a query
 * string or a credential-looking parameter in it is cut out here.
 */
export function safeErrorText(text: string, max = 300): string {
  const cleaned = text
    .replace(URL_LIKE, '[address]')
    .replace(QUERY_STRING, '[query]')
    .replace(CREDENTIAL, (_m, name: string) => `${name}=[redacted]`)
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = [...cleaned];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : cleaned;
}

/** scheme://anything up to whitespace or a closing bracket/quote, and bare hosts with a path (qyapi.weixin.qq.com/cgi-bin/…). */
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()\]\[{}]*|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\/[^\s"'<>()\]\[{}]*/giu;
/** `?a=b&c=d` left without its address. */
const QUERY_STRING = /\?[^\s"'<>()\]\[{}]*=[^\s"'<>()\]\[{}]*/gu;
/** name=value pairs whose value is a credential, wherever they stand. */
const CREDENTIAL = /\b(access_token|accessToken|token|key|secret|sign|signature|session|ticket|response_code|corpsecret|appsecret|password)\s*[=:]\s*[^\s&"',;)\]}]+/giu;
