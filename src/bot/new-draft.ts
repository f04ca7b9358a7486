import type { ItemKind } from '../domain/types.ts';
import type { MessageContext } from './context.ts';
import type { Draft } from './dialogue-store.ts';
import { ANNOUNCES_ONLY, STATED_REPORT, STATED_WISH } from './dialogue-words.ts';
import { extractPhone } from './extract-phone.ts';
import { normalizeText } from './normalize-text.ts';
import { withoutOpening } from './small-talk.ts';

// "在吗 想许个愿望": the kind said, the wish itself still to come (asked for next).
const WISH_ANNOUNCED = /^(?:我|俺)?(?:想|要)?(?:许|提)(?:个|一个)?(?:微)?(?:心愿|愿望|愿)[。.!！~～\s]*$/u;

/** The draft a message starts: its words without a greeting, and the kind when it is said. */
export function newDraft(ctx: MessageContext, start: { kind: ItemKind | null; text: string }, communityId: number | null): Draft {
  const said = normalizeText(start.text);
  const words = withoutOpening(start.text);
  const plain = normalizeText(words).trim();
  return {
    step: 'text',
    // "…单车棚乱停 想反映下": the kind said at the end.
    kind: start.kind ?? (STATED_REPORT.test(said) ? 'report' : STATED_WISH.test(said) ? 'wish' : null),
    // "还有个事": the matter itself is still to come too.
    text: WISH_ANNOUNCED.test(plain) || ANNOUNCES_ONLY.test(plain) ? '' : words,
    communityId,
    place: ctx.msg.location?.label ?? null,
    latitude: ctx.msg.location?.latitude ?? null,
    longitude: ctx.msg.location?.longitude ?? null,
    photos: [...ctx.msg.photos],
    phone: extractPhone(start.text)?.number ?? null,
    priority: 'normal',
  };
}
