import type { Tx } from '../db/sql.ts';
import type { BotDeps } from './bot-deps.ts';
import type { Runnable } from './commands/index.ts';
import type { MessageContext } from './context.ts';
import { guessIntent } from './guess-intent.ts';
import { itemTalk } from './item-talk.ts';
import type { Outgoing } from './outgoing.ts';
import { ownItemAskedAfter } from './own-item-asked-after.ts';
import { parseCommand } from './parse-command.ts';
import { parseCommands } from './parse-commands.ts';
import { runCommands } from './run-commands.ts';

// What follows words that drop a draft ("都不是 我是问小张几点来", "取消 9号给物业"): answered on
// its own when it asks for something the bot knows; otherwise the cancellation was all.

/** Whether words hold a command of their own ("9号给物业"), not a bare number. */
export function commandIn(words: string): boolean {
  const cmd = parseCommand(words);
  return parseCommands(words) !== null || !['text', 'empty', 'thanks', 'answer', 'invalid'].includes(cmd.type);
}

/** After a dropped draft, the words that followed, when they ask for something the bot knows. */
export async function answerRest(tx: Tx, ctx: MessageContext, rest: string, out: Outgoing, deps: BotDeps): Promise<void> {
  const cmd = parseCommand(rest);
  const many = parseCommands(rest);
  const known = many ?? (['text', 'empty', 'thanks', 'answer', 'invalid'].includes(cmd.type) ? null : [cmd as Runnable]);
  const talk = known ? null : await itemTalk(tx, ctx.actor, rest, ctx.now, true);
  const guessed = known || talk ? null : guessIntent(rest);
  // "我就是说声谢谢": the cancellation has answered it.
  const guess = guessed?.type === 'thanks' ? null : guessed;
  const asked = known || talk || guess ? null : await ownItemAskedAfter(tx, ctx.person.id, rest);
  const run = known ?? (talk ? [talk] : guess ? [guess] : asked !== null ? [{ type: 'status' as const, id: asked }] : null);
  if (run) await runCommands(tx, ctx, run, out, deps);
}
