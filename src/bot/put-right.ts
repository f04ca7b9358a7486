import { DAY } from '../core/clock.ts';
import type { Tx } from '../db/sql.ts';
import type { MessageContext } from './context.ts';
import { extractPhone } from './extract-phone.ts';
import { normalizeText } from './normalize-text.ts';
import type { Outgoing } from './outgoing.ts';
import { say } from './say.ts';
import { members } from './texts/members.ts';
import { residents } from './texts/residents.ts';

// A resident putting right what they gave a moment ago, said in plain words: the phone number, or
// the wish to have a request split (which the ledger does not do afterwards).

const PHONE_FIXED = /(?:电话|号码|手机)[^，。]{0,8}(?:打错|写错|错了|改成|改为|换成|换了|不对|少打|多打)|(?:打错|写错)了?[^，。]{0,6}(?:电话|号码)|(?:新|换)(?:的)?(?:电话|号码|手机号)|(?:多|少)打了?(?:一|个)?(?:位|个?零|个?数)/u;
// What may stand beside a number given on its own: "我的电话", "这是我手机号", "有事打这个".
const PHONE_ONLY = /^(?:[\s,，。.:：!！]|我的?|俺的?|这是|这个|是|电话|手机号?|号码|联系方式|有事|打|联系我?|找我|就行|可以|吧|啊|哈|了)*$/u;
const SPLIT_ASKED = /^(?:帮我|麻烦|请|能不能|可以)?(?:帮我)?(?:把它|把这个|这个|这条)?(?:拆|分)(?:成|为|开)(?:两|2|二|三|3|几)?(?:条|个|件|次)?(?:登记|记|报)?(?:吗|吧|呗|一下|不)?[?？。!！]*$/u;

/** The person's newest request still open or in hand, raised within `within` (a day). */
export async function newestOwnRow(tx: Tx, personId: number, now: Date, within = DAY): Promise<{ id: number; place: string | null } | undefined> {
  return tx.get<{ id: number; place: string | null }>(
    `SELECT id, place FROM items WHERE submitter_id = ? AND status IN ('open', 'claimed') AND created_at >= ? ORDER BY id DESC LIMIT 1`,
    [personId, new Date(now.getTime() - within)],
  );
}

export async function newestOwnRequest(tx: Tx, personId: number, now: Date): Promise<number | null> {
  return (await newestOwnRow(tx, personId, now))?.id ?? null;
}

/**
 * "电话号码打错了一位 是13883256617": the number left before, replaced; whoever holds one of their
 * requests gets the new one. False when the words are no such correction.
 */
export async function putPhoneRight(tx: Tx, ctx: MessageContext, words: string, out: Outgoing): Promise<boolean> {
  const found = extractPhone(words);
  // "13709512288", "我电话 13709512288" with no question asking for it: the number given all the same.
  const only = found !== null && PHONE_ONLY.test(normalizeText(words.replace(found.text, ' ')).trim());
  const phone = PHONE_FIXED.test(normalizeText(words)) || only ? found : null;
  if (!phone) return false;
  if (ctx.person.phone === phone.number) {
    if (!only) return false;
    say(ctx, out, residents.phoneKnown);
    return true;
  }
  // "多打了个零 是13704615589": the number meant when the one typed before was no number at all.
  if (!only && ctx.person.phone === null && (await newestOwnRequest(tx, ctx.person.id, ctx.now)) === null) return false;
  await tx.run('UPDATE people SET phone = ?, updated_at = ? WHERE id = ?', [phone.number, ctx.now, ctx.person.id]);
  await tx.run("UPDATE prompts SET answered_at = ? WHERE person_id = ? AND kind = 'phone' AND answered_at IS NULL", [ctx.now, ctx.person.id]);
  const held = await tx.all<{ id: number; claimantId: number }>(
    "SELECT id, claimant_id FROM items WHERE submitter_id = ? AND status = 'claimed' AND claimant_id IS NOT NULL ORDER BY id",
    [ctx.person.id],
  );
  const first = ctx.person.phone === null;
  for (const h of held) out.toPersonId(h.claimantId, first ? members.phoneForHolder(h.id, phone.number) : members.phoneChanged(h.id, phone.number));
  say(ctx, out, first ? residents.phoneSaved : residents.phoneChanged);
  return true;
}

/** "帮我拆成两条": how to raise the other matter. False when the words ask no such thing. */
export async function answerSplitAsked(tx: Tx, ctx: MessageContext, words: string, inDraft: boolean, out: Outgoing): Promise<boolean> {
  if (!SPLIT_ASKED.test(normalizeText(words))) return false;
  say(ctx, out, residents.splitHow(inDraft ? null : await newestOwnRequest(tx, ctx.person.id, ctx.now)));
  return true;
}
