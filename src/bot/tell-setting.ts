import type { ItemChange } from '../domain/items.ts';
import type { BotDeps } from './bot-deps.ts';
import { deadlineText } from './deadline.ts';
import type { Outgoing } from './outgoing.ts';
import { members } from './texts/members.ts';
import { officials } from './texts/officials.ts';

/**
 * Who hears of an official's setting (设置 分类, 优先, 期限; the console's forms the same): the
 * official is answered, and whoever holds the item learns what changes for them.
 */
export function tellSetting(change: ItemChange, out: Outgoing, deps: BotDeps): void {
  const { item, actor } = change;
  const holder = item.claimantId !== null && item.claimantId !== actor?.id ? item.claimantId : null;
  switch (change.type) {
    case 'categorized':
      out.reply(officials.categoryReply(item.id, item.category!));
      return;
    case 'prioritized':
      out.reply(officials.priorityReply(item.id, item.priority as 'normal' | 'urgent'));
      if (item.priority === 'urgent' && holder !== null) out.toPersonId(holder, members.markedUrgent(item.id));
      return;
    case 'deadline_set': {
      const shown = deadlineText(item.deadlineAt!, deps);
      out.reply(officials.deadlineReply(item.id, change.note, shown));
      if (holder !== null) out.toPersonId(holder, members.newDeadline(item.id, shown));
      return;
    }
    default:
      return;
  }
}
