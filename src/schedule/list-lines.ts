import type { Item } from '../db/rows.ts';
import { DAY } from '../core/clock.ts';
import { maskContact } from '../bot/mask.ts';
import type { ListLine } from '../bot/texts.ts';

/** An item as one line of a scheduled list; contacts masked, since lists go to groups and officials alike. */
export function listLine(item: Pick<Item, 'id' | 'kind' | 'text' | 'createdAt'>, now: Date, extra: Partial<ListLine> = {}): ListLine {
  return {
    id: item.id,
    kind: item.kind,
    text: maskContact(item.text),
    days: Math.max(0, Math.floor((now.getTime() - item.createdAt.getTime()) / DAY)),
    ...extra,
  };
}
