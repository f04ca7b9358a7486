import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

const LEAD = /(?:另外|还有|然后|再把|以及)\s*$/u;
const ORDER_AFTER = /^\s*(?:交给?|给|并到|并入|期限|限|设为|设成|改为|加急|紧急|分类|让|由|驳回|退回)/u;

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
  // ("24并到23，23交物业电工，期限三天": a bare number after a comma, with an order after it, too.)
  const marked = itemIdsIn(norm).filter((m) => /[号#]/u.test(norm.slice(m.index, m.index + m.length)) || (/(?:^|[，,])\s*$/u.test(norm.slice(0, m.index)) && ORDER_AFTER.test(norm.slice(m.index + m.length))));
  const cuts: number[] = [];
  let from = marked[0] ? marked[0].index + marked[0].length : 0;
  for (const [i, m] of marked.entries()) {
    if (i === 0) continue;
    const before = norm.slice(0, m.index).replace(LEAD, '');
    // ("就用24号，24号交物业电工": the same item named again starts its own clause.)
    const again = m.id === marked[i - 1]!.id;
    if (/[\s,，]$/u.test(before) && (again || /[\u4e00-\u9fa5]{2}/u.test(norm.slice(from, before.length)))) cuts.push(before.length);
    from = m.index + m.length;
  }
  return [0, ...cuts].map((at, i) => sentence.slice(at, cuts[i] ?? sentence.length));
}
