import type { Item } from '../db/rows.ts';
import { DAY } from '../core/clock.ts';
import { publicText } from '../bot/public-view.ts';
import type { ListLine } from './texts.ts';

type Listed = Pick<Item, 'id' | 'kind' | 'text' | 'createdAt'> & Partial<Pick<Item, 'priority'>> & { submitterName?: string | null };

/**
 * An item as one line of a scheduled list; contacts and home addresses masked, since lists go to
 * groups and officials alike. Urgent items are marked (the queries put them first).
 */
export function listLine(item: Listed, now: Date, extra: Partial<ListLine> = {}): ListLine {
  return {
    id: item.id,
    kind: item.kind,
    text: publicText(item, item.submitterName ? [item.submitterName] : []),
    days: Math.max(0, Math.floor((now.getTime() - item.createdAt.getTime()) / DAY)),
    urgent: item.priority === 'urgent',
    ...extra,
  };
}

/**
 * SQL: the submitter's name beside an item row (`alias`: the items table's), so that a line masks
 * it where the resident wrote it into the item ("我是王秀英，…"), as the chat's lists do.
 */
// Of an item registered for a resident, the resident's name (the one the words speak of).
export const submitterNameOf = (alias: string): string => `COALESCE(${alias}.on_behalf_of, (SELECT sp.name FROM people sp WHERE sp.id = ${alias}.submitter_id)) AS submitter_name`;

/** SQL: urgent items first (ORDER BY this, then the list's own order). */
export const URGENT_FIRST = "CASE WHEN priority = 'urgent' THEN 0 ELSE 1 END";
