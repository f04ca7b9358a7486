/**
 * The message shapes DingTalk takes. Webhooks (sessionWebhook, custom robot) take `msgtype` bodies
 * and support @-mentions; the OpenAPI takes a template key and a JSON-string parameter and supports
 * no mentions (dingtalk.md §1.5, §3.3, §3.4).
 */
export type Format = 'text' | 'markdown';

/** The title DingTalk shows in the chat list for a markdown message: its first line, plain. */
export function markdownTitle(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const plain = first.replace(/^[#>\-*\s]+/u, '').replace(/[*_`]/gu, '').trim();
  return [...plain].slice(0, 30).join('') || '连心';
}

/**
 * A webhook body. `mention` is a userId to @: DingTalk notifies them only if the id is both in
 * `at.atUserIds` and written as `@userId` in the text (it then shows their name).
 */
export function webhookBody(text: string, format: Format, o: { mention?: string; msgUuid?: string } = {}): Record<string, unknown> {
  const at = o.mention ? { at: { atUserIds: [o.mention], isAtAll: false } } : {};
  const uuid = o.msgUuid ? { msgUuid: o.msgUuid } : {};
  if (format === 'markdown') {
    // At the end, so that a leading heading stays a heading.
    const md = o.mention ? `${text}\n\n@${o.mention}` : text;
    return { msgtype: 'markdown', markdown: { title: markdownTitle(text), text: md }, ...at, ...uuid };
  }
  return { msgtype: 'text', text: { content: o.mention ? `@${o.mention} ${text}` : text }, ...at, ...uuid };
}

/** An OpenAPI message: `sampleText` or `sampleMarkdown`, the parameter as a JSON string. */
export function openApiMessage(text: string, format: Format): { msgKey: string; msgParam: string } {
  if (format === 'markdown') return { msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: markdownTitle(text), text }) };
  return { msgKey: 'sampleText', msgParam: JSON.stringify({ content: text }) };
}
