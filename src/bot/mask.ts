/**
 * What a group may see of a resident (SPEC "Talking to the bot": group posts never show a
 * resident's full name, phone number or address).
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '居民';
  return `${chars[0]}*`;
}

// Mainland mobile numbers, landlines with area code, and ID-card numbers.
const PHONE = /(?<!\d)(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)/gu;
const LANDLINE = /(?<!\d)(0\d{2,3})-?(\d{7,8})(?!\d)/gu;
const ID_CARD = /(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)/gu;

/** Masks phone and ID numbers inside free text shown to a group. */
export function maskContact(text: string): string {
  return text
    .replace(ID_CARD, (_m, a: string, b: string) => `${a}********${b.slice(-1)}`)
    .replace(PHONE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LANDLINE, (_m, a: string, b: string) => `${a}-****${b.slice(-3)}`);
}
