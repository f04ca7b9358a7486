import type { Runnable } from './commands/table.ts';
import { guessIntents } from './guess-intents.ts';
import { itemIdsIn } from './item-id.ts';
import { itemClauses } from './item-clauses.ts';
import { normalizeText } from './normalize-text.ts';
import { parseCommand } from './parse-command.ts';

// What an official may ask for beside orders about numbered items: an invite code, figures, lists.
const BESIDE = new Set<Runnable['type']>(['invite', 'stats', 'list', 'working']);

/**
 * "12号…给小何骑手，13号…给周网格。再给我弄个党员的邀请码": the sentences that name no item, when
 * each asks for something of its own; the numbered ones are parseCommands' to read.
 */
export function ordersBeside(text: string): Runnable[] {
  const out: Runnable[] = [];
  for (const clause of itemClauses(text)) {
    const said = clause.replace(/^(?:另外|还有|然后|再)\s*/u, '').replace(/[。；;!！\n，,\s]+$/u, '').trim();
    if (said === '' || itemIdsIn(normalizeText(said)).length > 0) continue;
    const cmd = parseCommand(said);
    if (BESIDE.has(cmd.type as Runnable['type'])) out.push(cmd as Runnable);
    else if (cmd.type === 'text') out.push(...guessIntents(said).filter((g) => BESIDE.has(g.type)));
  }
  return out;
}
