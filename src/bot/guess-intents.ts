import type { Command } from './command-types.ts';
import { guessIntent } from './guess-intent.ts';

type Guess = NonNullable<ReturnType<typeof guessIntent>>;
// What an official asks for in one breath: figures, lists, who holds what.
const ASKED = new Set<Command['type']>(['stats', 'list', 'working', 'closed']);
const LIST_VERB = /^(?:也|都)?(?:给我)?(?:列|排|发)(?:一下|出来|个单子|个清单|给我)?(?:给我)?(?:看看|看一下)?$/u;
const CLAUSE = /还有|另外|然后|再(?=给我|把|列|看|报)|[，,。？?！!；;\s]+/u;

/**
 * "给我报个数 办结了几件 满意率好多 哪个志愿者办得最多", "现在还有哪些没办完的 … 还有这周每个志愿者
 * 办了几件": each figure or list asked for, in order, when a message asks for more than one; else
 * what guessIntent reads of the whole (or nothing).
 */
export function guessIntents(text: string): Guess[] {
  const whole = guessIntent(text);
  // "把还没办完的事项给我列一下 谁在办 …另外这周有哪些居民不满意退回来的也列一下": too long to read
  // whole, but each part asks for a list.
  if (whole === null) {
    const parts = text.split(/另外|还有|然后/u).map((s) => s.trim()).filter((s) => s !== '');
    const each = parts.length >= 2 ? parts.map((p) => guessIntent(p)) : [];
    return each.length > 0 && each.every((g) => g !== null && ASKED.has(g.type)) ? (each as Guess[]) : [];
  }
  if (!ASKED.has(whole.type)) return [whole];
  const seen = new Map<string, Guess>();
  for (const clause of text.split(CLAUSE)) {
    // "…列一下": the verb of the list asked for before it, not a list of its own.
    const g = clause.trim() === '' || LIST_VERB.test(clause.trim()) ? null : guessIntent(clause);
    if (!g || !ASKED.has(g.type)) continue;
    const key = `${g.type}:${'topic' in g ? (g.topic ?? '') : ''}${'which' in g ? g.which : ''}`;
    if (!seen.has(key)) seen.set(key, g);
  }
  return seen.size >= 2 ? [...seen.values()] : [whole];
}
