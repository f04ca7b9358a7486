import { DAY } from '../core/clock.ts';
import { inList, type Tx } from '../db/sql.ts';
import type { Actor } from '../domain/actor.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { parseCommands } from './parse-commands.ts';
import { officeCommands } from './office-style.ts';
import { parseCommand } from './parse-command.ts';
import { sharedWords } from './shares-words.ts';

// "6号楼垃圾的事情比较急，请包经理…", "滑梯的事紧急，派给莫建国": an official names an item by what it
// is about, not by its number. What it is about comes first, up to 的事/那个/这件.
const DESCRIBED = /^(?:@\S+\s*)?([\u4e00-\u9fa5\d]{2,14}?)(?:的事情?|的问题|那个事|那件事|那个|那件|这件事?|这事)[\s,，。:：]*/u;
const LOOK_BACK = 30 * DAY;
const RAISED_BY = /^[\u4e00-\u9fa5]{1,4}?(?:反映|说|提|报|讲|找)(?:过)?的/u;

/**
 * The words with the one item they describe named by its number ("#12 …"), when the words then
 * read as an official's commands; unchanged otherwise (or when two items fit as well).
 */
export async function withItemDescribed(tx: Tx, actor: Actor, text: string, now: Date): Promise<string> {
  const offices = [...actor.roles.entries()].filter(([, role]) => role === 'official').map(([id]) => id);
  const m = DESCRIBED.exec(text.trim());
  if (offices.length === 0 || !m || itemIdsIn(normalizeText(text)).length > 0) return text;
  const rest = text.trim().slice(m[0].length);
  const asCommand = (id: number) => `${id}号 ${rest}`;
  const plain = officeCommands(asCommand(1));
  const said = parseCommands(plain) ?? [parseCommand(plain)];
  if (!said.every((c) => 'id' in c && c.id === 1)) return text;
  const rows = await tx.all<{ id: number; text: string }>(
    `SELECT id, text FROM items WHERE community_id IN ${inList(offices.length)} AND status IN ('open', 'claimed') AND created_at > ? ORDER BY id DESC LIMIT 200`,
    [...offices, new Date(now.getTime() - LOOK_BACK)],
  );
  // "陈明反映的盲道那个": who raised it is not what it is about (their other items share the name).
  const named = normalizeText(m[1]!);
  const thing = named.replace(RAISED_BY, '');
  const about = thing.length >= 2 ? thing : named;
  const scored = rows.map((r) => ({ id: r.id, n: sharedWords(normalizeText(r.text), about) })).filter((r) => r.n > 0).sort((a, b) => b.n - a.n);
  if (scored.length === 0 || (scored.length > 1 && scored[1]!.n === scored[0]!.n)) return text;
  return asCommand(scored[0]!.id);
}
