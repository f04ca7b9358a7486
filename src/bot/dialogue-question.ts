import type { Tx } from '../db/sql.ts';
import type { Draft, Step } from './dialogue-store.ts';
import { filedFor } from './filed-for.ts';
import { publicText } from './public-view.ts';
import { residents } from './texts/residents.ts';

/** The dialogue's question for a step; in a group the words said back are what the group may read. */
export async function question(tx: Tx, step: Step, draft: Draft, inGroup: boolean): Promise<string> {
  switch (step) {
    case 'text':
      return draft.photos.length > 0 ? residents.askTextAfterPhoto : draft.kind === 'wish' ? residents.askWishText : residents.askText;
    case 'kind':
      // In a group the words said back are what the group may read: no room number, phone or address.
      return residents.askKind(inGroup ? publicText({ kind: 'report', text: draft.text }) : draft.text);
    case 'community': {
      const communities = await tx.all<{ name: string }>('SELECT name FROM communities ORDER BY id');
      return residents.askCommunity(communities.map((c) => c.name));
    }
    case 'address': {
      const forWhom = filedFor(draft.text);
      return forWhom ? residents.askAddressFor(forWhom) : residents.askAddress;
    }
    case 'place':
      return residents.askPlace;
    case 'photo':
      return residents.askPhoto;
  }
}

/** The kind plain from the words, said back with them, before the next question (a group reads them masked). */
export function kindGuessed(draft: Draft, inGroup: boolean): string {
  return residents.kindGuessed(draft.kind!, inGroup ? publicText({ kind: 'report', text: draft.text }) : draft.text);
}
