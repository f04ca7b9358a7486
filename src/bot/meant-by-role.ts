import type { Tx } from '../db/sql.ts';
import { isOfficialOf } from '../domain/actor.ts';
import type { Runnable } from './commands/table.ts';
import type { MessageContext } from './context.ts';
import { stripMentions } from './strip-mentions.ts';

/** What a command means from this sender: itself, another command, or taking back a completion. */
export type Meant = Runnable | { type: 'take_back'; id: number };

/**
 * Words that are one role's command mean something else from another (issue 12, trials 19–21):
 * from the holder, "5号还没修好 先别算完成" (a dispute) takes back the completion, "9号今天之内弄好"
 * (a deadline) is a promise told as progress, "15号还是交给物业吧 我不弄了" (a hand-over) gives it
 * back; from the submitter or a bystander, "进度 13" asks how it goes. Officials' words stand, but
 * their news of an item nobody took yet goes to its resident.
 */
export async function meantByRole(tx: Tx, ctx: MessageContext, cmd: Runnable): Promise<Meant> {
  if (cmd.type !== 'dispute' && cmd.type !== 'deadline' && cmd.type !== 'assign' && cmd.type !== 'progress') return cmd;
  const row = await tx.get<{ claimantId: number | null; submitterId: number; communityId: number; status: string }>(
    'SELECT claimant_id, submitter_id, community_id, status FROM items WHERE id = ?',
    [cmd.id],
  );
  if (!row) return cmd;
  // "8号我已经联系上电梯维保了，十分钟内到" from an official, before anyone took it: for the resident.
  if (isOfficialOf(ctx.actor, row.communityId)) return cmd.type === 'progress' && row.status === 'open' ? { type: 'tell', id: cmd.id, note: cmd.note } : cmd;
  const holder = row.claimantId === ctx.actor.id;
  const words = stripMentions(ctx.msg.text).trim();
  switch (cmd.type) {
    case 'dispute':
      return holder && row.status === 'done' && row.submitterId !== ctx.actor.id ? { type: 'take_back', id: cmd.id } : cmd;
    case 'deadline':
      return holder ? { type: 'progress', id: cmd.id, note: words.replace(/^#?\s*\d{1,9}\s*号?\s*[,，:：]?\s*/u, '') } : cmd;
    case 'assign':
      return holder ? { type: 'release', id: cmd.id, reason: words } : cmd;
    case 'progress': {
      const asks = cmd.note.trim() === '' || /不是新|是问|问一下|怎么样|咋样|如何|进展|进度|[?？吗]/u.test(cmd.note);
      // "1号物业没给弄好，还是臭" from its resident: words for whoever handles it.
      if (!holder && row.submitterId === ctx.actor.id && !asks && row.status === 'claimed') return { type: 'tell', id: cmd.id, note: cmd.note };
      const asking = !holder && (row.submitterId === ctx.actor.id || asks);
      return asking ? { type: 'status', id: cmd.id } : cmd;
    }
  }
}
