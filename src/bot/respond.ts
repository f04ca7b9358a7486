import type { Tx } from '../db/sql.ts';
import { highestRole } from '../domain/actor.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { continueDialogue, findDialogue, restartDialogue, startDialogue } from './dialogue.ts';
import type { Outgoing } from './outgoing.ts';
import { parseCommand } from './parse-command.ts';
import { pendingRevisit } from './revisit-answer.ts';
import { runCommand } from './run-command.ts';
import { MAX_MESSAGE_CHARS, texts } from './texts.ts';

/** Decides what one inbound message means — a command, a step of a dialogue, or a greeting — and acts. */
export async function respond(tx: Tx, ctx: MessageContext, out: Outgoing, deps: BotDeps): Promise<void> {
  const { msg } = ctx;
  if (msg.event === 'enter_chat') {
    // Named when known: a resident who scanned a community's card sees they reached the right place.
    const community = ctx.person.communityId
      ? await tx.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [ctx.person.communityId])
      : undefined;
    out.reply(texts.welcome(highestRole(ctx.actor), community?.name));
    return;
  }
  if ([...msg.text].length > MAX_MESSAGE_CHARS) {
    out.reply(texts.tooLong);
    return;
  }
  const cmd = parseCommand(msg.text);
  const dialogue = await findDialogue(tx, ctx);
  const single = msg.conversationType === 'single';
  const hasAttachment = msg.photos.length > 0 || msg.location !== null;

  switch (cmd.type) {
    case 'empty':
      if (dialogue && hasAttachment) return continueDialogue(tx, ctx, dialogue, out, deps);
      if (single && hasAttachment) return startDialogue(tx, ctx, { kind: null, text: msg.location?.label ?? '' }, out, deps);
      out.reply(texts.empty);
      return;
    case 'text':
      if (dialogue) return continueDialogue(tx, ctx, dialogue, out, deps);
      if (single) return startDialogue(tx, ctx, { kind: null, text: cmd.text }, out, deps);
      out.reply(texts.unknownInGroup);
      return;
    case 'invalid':
      // "心愿" alone answers the dialogue's question; elsewhere it needs its content.
      if (dialogue) return continueDialogue(tx, ctx, dialogue, out, deps);
      out.reply(texts.parseProblem(cmd.problem, texts.examples[cmd.command]));
      return;
    case 'answer':
      if (!(await pendingRevisit(tx, ctx, cmd.id)) && dialogue) return continueDialogue(tx, ctx, dialogue, out, deps);
      break;
    case 'wish':
    case 'report':
      if (dialogue) return restartDialogue(tx, ctx, dialogue, { kind: cmd.type, text: cmd.text }, out, deps);
      break;
  }
  await runCommand(tx, ctx, cmd, out, deps);
  if (dialogue && cmd.type !== 'wish' && cmd.type !== 'report') out.reply(texts.pendingDialogue(dialogue.text));
}
