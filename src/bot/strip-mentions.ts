/** Removes leading @mentions (the bot's name as the platform shows it, or anyone's). */
export function stripMentions(input: string): string {
  let text = input.trimStart();
  for (;;) {
    const m = /^[@＠][^\s@＠]*[\s\u2005\u3000]+/u.exec(text);
    if (!m) break;
    text = text.slice(m[0].length).trimStart();
  }
  // A message that is only a mention ("@连心") is empty.
  if (/^[@＠][^\s]*$/u.test(text.trim())) return '';
  return text;
}
