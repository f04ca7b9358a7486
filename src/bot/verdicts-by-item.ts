import { withoutPlace } from './extract-place.ts';
import { normalizeText } from './normalize-text.ts';
import type { OpenPrompt } from './prompts.ts';
import { sharedWords } from './shares-words.ts';

const isVerdict = (p: OpenPrompt) => p.kind === 'confirm' || p.kind === 'revisit' || p.kind === 'rerate';
const score = (p: OpenPrompt, norm: string) => sharedWords(withoutPlace(normalizeText(p.item.text)), withoutPlace(norm));

/**
 * The open questions, with the verdict questions ("满意吗？", "还好吗？") in the order of how much
 * the words share with their items, the newest first among equals: "台是有了 可是贵州台还是冇得" is
 * about the television, not the rice confirmed before it. Other questions keep their places.
 */
export function verdictsInOrder(prompts: OpenPrompt[], text: string): OpenPrompt[] {
  const norm = normalizeText(text);
  const slots = prompts.map((p, i) => (isVerdict(p) ? i : -1)).filter((i) => i >= 0);
  const sorted = slots.map((i) => prompts[i]!).sort((a, b) => score(b, norm) - score(a, norm));
  const out = [...prompts];
  slots.forEach((slot, k) => (out[slot] = sorted[k]!));
  return out;
}

/**
 * "垃圾的满意 灯的话三楼那盏还是不亮": one verdict for each of two done notices, each clause given to
 * the item it names (a clause naming none goes with the one before). Null unless two or more of the
 * open done notices are named.
 */
export function verdictsByItem(prompts: OpenPrompt[], text: string): Array<{ prompt: OpenPrompt; words: string }> | null {
  const open = prompts.filter((p) => p.kind === 'confirm');
  if (open.length < 2) return null;
  const parts: Array<{ prompt: OpenPrompt; words: string }> = [];
  for (const clause of text.split(/(?<=[。，,；;!！?？\s])/u)) {
    const norm = normalizeText(clause);
    const scored = open.map((p) => ({ p, n: score(p, norm) })).sort((a, b) => b.n - a.n);
    const named = scored[0]!.n > 0 && scored[0]!.n > (scored[1]?.n ?? 0) ? scored[0]!.p : null;
    const last = parts.at(-1);
    if (named && named !== last?.prompt) parts.push({ prompt: named, words: clause });
    else if (last) last.words += clause;
    else if (clause.trim() !== '') return null;
  }
  return new Set(parts.map((x) => x.prompt)).size >= 2 ? parts.map((x) => ({ ...x, words: x.words.trim() })) : null;
}

/**
 * Of "灯的话三楼那盏还是不亮 按了没反应 垃圾的满意", the words about this prompt's item, when the
 * message also speaks of another item whose done notice waits; the whole text otherwise.
 */
export function wordsAbout(prompt: OpenPrompt, text: string, prompts: OpenPrompt[]): string {
  const clauses = text.split(/(?<=[。，,；;!！?？\s])/u);
  // (Only done notices still waiting: an item closed before is talked of in passing, "推轮椅".)
  const others = prompts.filter((p) => p.kind === 'confirm' && p.itemId !== prompt.itemId);
  if (clauses.length < 2 || others.length === 0) return text;
  const ours = clauses.map((c) => score(prompt, normalizeText(c)) > 0);
  const theirs = clauses.map((c, i) => !ours[i] && others.some((o) => score(o, normalizeText(c)) > 0));
  if (!ours.some(Boolean) || !theirs.some(Boolean)) return text;
  // A clause naming neither goes with the named one before it.
  let keep = false;
  return clauses
    .filter((_, i) => {
      if (ours[i]) keep = true;
      else if (theirs[i]) keep = false;
      return keep;
    })
    .join('')
    .trim();
}
