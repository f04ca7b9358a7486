import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

const LEAD = /(?:另外|还有|然后|再把|以及)\s*$/u;

/**
 * An official's message cut into its clauses, each with its own item: at every sentence end, and
 * where a later "N号" follows a comma or a space after words about the one before ("12号垃圾那个给
 * 小何，13号门禁给周网格"). The pieces keep their punctuation: joined, they are the text again.
 */
export function itemClauses(text: string): string[] {
  return (text.match(/[^。；;!！？?\n]*(?:[。；;!！？?\n]+|$)/gu) ?? []).filter((s) => s !== '').flatMap(byItem);
}

function byItem(sentence: string): string[] {
  const norm = normalizeText(sentence);
  const marked = itemIdsIn(norm).filter((m) => /[号#]/u.test(norm.slice(m.index, m.index + m.length)));
  const cuts: number[] = [];
  let from = marked[0] ? marked[0].index + marked[0].length : 0;
  for (const m of marked.slice(1)) {
    const before = norm.slice(0, m.index).replace(LEAD, '');
    if (/[\s,，]$/u.test(before) && /[\u4e00-\u9fa5]{2}/u.test(norm.slice(from, before.length))) cuts.push(before.length);
    from = m.index + m.length;
  }
  return [0, ...cuts].map((at, i) => sentence.slice(at, cuts[i] ?? sentence.length));
}
