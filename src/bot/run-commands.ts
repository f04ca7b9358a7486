import type { Tx } from '../db/sql.ts';
import { DomainError } from '../domain/errors.ts';
import type { BotDeps } from './bot-deps.ts';
import { runCommand, type Runnable } from './commands/index.ts';
import type { MessageContext } from './context.ts';
import type { Outgoing } from './outgoing.ts';
import { refusalText } from './refusal-text.ts';
import { rememberRefusal } from './remember-refusal.ts';
import { itemTalk } from './item-talk.ts';

/**
 * Runs the commands of one message ("认领12和13") one after the other, each in a savepoint of its
 * own: a refusal of one (13 was taken already) undoes only that one and is said next to the others'
 * answers. A conflict (another transaction changed a row) undoes the whole message, which runs again.
 */
export async function runCommands(tx: Tx, ctx: MessageContext, cmds: readonly Runnable[], out: Outgoing, deps: BotDeps): Promise<void> {
  for (const given of cmds) {
    // "9号物业说维保明天上午来修电梯 跟钟伯说一声" beside other orders: news of that item, passed on
    // as its words would be alone; said back as unread only when they are not.
    const talk = given.type === 'unread' ? await itemTalk(tx, ctx.actor, given.text, ctx.now, false) : null;
    const cmd = talk && talk.type !== 'status' ? talk : given;
    const part = out.fork();
    await tx.run('SAVEPOINT one_command');
    try {
      await runCommand(tx, ctx, cmd, part, deps);
      await tx.run('RELEASE one_command');
      out.absorb(part);
    } catch (error) {
      await tx.run('ROLLBACK TO one_command');
      await tx.run('RELEASE one_command');
      if (!(error instanceof DomainError)) throw error;
      out.reply(refusalText(error));
      // "那就基础设施吧", "打错了 是17号" may follow.
      await rememberRefusal(tx, ctx, error);
    }
  }
}
