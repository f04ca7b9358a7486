import type { Tx } from '../db/sql.ts';
import { betterPlace } from './better-place.ts';
import type { MessageContext } from './context.ts';
import { extractPhone, type Phone } from './extract-phone.ts';
import { extractPlace } from './extract-place.ts';
import { normalizeText } from './normalize-text.ts';
import type { Outgoing } from './outgoing.ts';
import { answered, type OpenPrompt } from './prompts.ts';
import { isCancel, isSkip } from './skip-and-cancel.ts';
import { withoutSpacedCharacters } from './spaced-words.ts';
import { members } from './texts/members.ts';
import { officials } from './texts/officials.ts';
import { residents } from './texts/residents.ts';

// A message of digits alone, the way a number is typed in pieces: "138 0013", then "8000".
const DIGITS_ONLY = /^[\d\s\-—.·]+$/u;
// The start of a mobile (1 and 3–9; not 110, 120) or of a landline's area code (0): more digits are to come.
const NUMBER_START = /^(?:1[3-9]|0)\d*$/u;
// "行 13904512", "屋里电话 64187723": what the number is said with, before it.
const LABEL = /^(?:行|好|好的|可以|嗯|中)?[\s,，]*(?:(?:我的|俺的|我|屋里|家里|家)?(?:电话号码|手机号码|电话|手机号|手机|号码|座机)(?:是|为)?)?[:：\s]*/u;
// "367 这是俺闺女的电话": the digits first, then words about them.
const DIGITS_FIRST = /^([\d\s\-—.·]*\d)(?=\s+[\u4e00-\u9fa5])/u;
// A local landline without its area code, said as the answer ("64187723"): 7 or 8 digits.
const LOCAL_LINE = /^[2-9]\d{6,7}$/u;
// "电话没有 孙女的有 等她回来", "没得手机": no number of their own.
// "跟你说过了嘛 耳朵背 不留": no, said last.
const NONE = /^(?:我|俺)?(?:电话|手机)?(?:号码)?(?:没有|没得|莫得|冇得|没)(?:电话|手机)?(?=$|[\s,，。]|[\u4e00-\u9fa5]{0,3}(?:的有|有|回来|再说))|(?:^|[\s,，。]|算了)(?:就)?(?:不|唔)(?:用)?留(?:了|啦|电话)?[。!！]*$|^不免(?:啦|了)?(?=$|[\s,，。])|覅留/u;

/**
 * An answer to "方便留个电话吗？": a number (kept, given to whoever holds the item), a skip, or a
 * number in pieces, held in the question until the rest comes. False: not an answer to it.
 */
export async function answerPhone(tx: Tx, ctx: MessageContext, p: OpenPrompt, out: Outgoing): Promise<boolean> {
  // "电话 没有 孙女 的 有 等她 回来": typed a character at a time.
  const text = withoutSpacedCharacters(ctx.msg.text);
  const norm = normalizeText(text).trim();
  // "电话1389", then "3127756": the first piece said with what it is.
  const bare = norm.replace(LABEL, '');
  const first = DIGITS_ONLY.test(bare) ? bare : (DIGITS_FIRST.exec(bare)?.[1] ?? '');
  const digits = first.replace(/\D/gu, '');
  const joined = p.partial !== null && digits !== '' ? p.partial + digits : '';
  const local = !joined && LOCAL_LINE.test(digits) ? { kind: 'landline' as const, number: digits, index: 0, text: first } : null;
  const phone = (joined ? extractPhone(joined) : null) ?? extractPhone(text) ?? local;
  if (!phone) {
    // "138 0013": the first part of a number; "8000" follows in the next message.
    const piece = joined || digits;
    if (piece.length >= 3 && piece.length < 11 && NUMBER_START.test(piece)) {
      await tx.run('UPDATE prompts SET partial = ? WHERE id = ?', [piece, p.id]);
      out.reply(residents.phoneGoOn);
      return true;
    }
    // "俺不留电话了 俺家老头有 一三七零四六一五五八八九": a number with a digit too many or too few.
    if (joined || /[0-9０-９〇零一二三四五六七八九幺]{9,}/u.test(text.replace(/[\s-]/gu, ''))) {
      if (joined) await tx.run('UPDATE prompts SET partial = NULL WHERE id = ?', [p.id]);
      out.reply(residents.phoneLooksWrong);
      return true;
    }
    if (!isSkip(text) && !isCancel(text) && !NONE.test(norm) && !NONE.test(norm.replace(/\s+/gu, ''))) return false;
  }
  await answered(tx, p.id, ctx.now);
  if (!phone) {
    // "不用留啦 车子就放在4栋楼下车棚": where it is, kept when the item has no place yet.
    const place = betterPlace(p.item.place, extractPlace(text));
    if (place) await tx.run('UPDATE items SET place = ?, updated_at = ? WHERE id = ?', [place, ctx.now, p.itemId]);
    out.reply(place ? `${residents.phoneSkipped}\n${residents.placeSaved(p.itemId, place)}` : residents.phoneSkipped);
    return true;
  }
  await keepPhone(tx, ctx, p, phone, joined ? '' : text.replace(phone.text, ''), out);
  return true;
}

async function keepPhone(tx: Tx, ctx: MessageContext, p: OpenPrompt, phone: Phone, rest: string, out: Outgoing): Promise<void> {
  await tx.run('UPDATE people SET phone = ?, updated_at = ? WHERE id = ?', [phone.number, ctx.now, ctx.person.id]);
  // "可以 13907715562 白天都在家 我住5栋2单元302": the address, when the item has none yet.
  const where = betterPlace(p.item.place, extractPlace(rest));
  if (where) await tx.run('UPDATE items SET place = ?, updated_at = ? WHERE id = ?', [where, ctx.now, p.itemId]);
  out.reply(where ? `${residents.phoneSaved}\n${residents.placeSaved(p.itemId, where)}` : residents.phoneSaved);
  // Whoever already holds the item needs it now; officials of an urgent one too.
  if (p.item.claimantId !== null) out.toPersonId(p.item.claimantId, members.phoneForHolder(p.itemId, phone.number));
  if (p.item.priority === 'urgent') out.toOfficials(p.item.communityId, officials.urgentPhone(p.itemId, phone.number));
}
