import { insert, insertIgnore, update, type Db } from '../../src/db/sql.ts';
import type { Item } from '../../src/db/rows.ts';
import { createLogger } from '../../src/log.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { applyEvent, createItem, getItem } from '../../src/domain/items.ts';
import type { LifecycleEvent } from '../../src/domain/lifecycle.ts';
import type { CommunityRole, ItemKind } from '../../src/domain/types.ts';
import { freshDatabaseUrl } from './test-db.ts';

/** A fresh database of the run's kind (SQLite file or PostgreSQL database), migrated. */
export async function freshDb(): Promise<Db> {
  return openDatabase(await freshDatabaseUrl(), createLogger('warn'));
}

export type BuiltPerson = Actor & { platformUserId: string };

/**
 * Builds a ledger through the domain's own createItem/applyEvent, at chosen times, so figures are
 * checked against timelines the bot itself would write.
 */
export function ledgerBuilder(db: Db) {
  const at = (iso: string) => new Date(iso);
  let people = 0;

  async function change(item: number, actor: BuiltPerson | null, event: LifecycleEvent, when: string, opts: Parameters<typeof applyEvent>[5] = {}) {
    return db.transaction(async (tx) => (await applyEvent(tx, actor, await getItem(tx, item), event, at(when), { skipAuthorize: true, ...opts })).item);
  }

  return {
    async community(name: string): Promise<number> {
      return insert(db, 'communities', { name, createdAt: at('2026-01-01T00:00:00Z') });
    },
    async grid(communityId: number, name: string): Promise<number> {
      return insert(db, 'grids', { communityId, name, createdAt: at('2026-01-01T00:00:00Z') });
    },
    async person(name: string, roles: Record<number, CommunityRole> = {}, extra: { phone?: string; gridId?: number; platform?: string } = {}): Promise<BuiltPerson> {
      const platformUserId = `u${++people}`;
      const now = at('2026-01-01T00:00:00Z');
      const communities = Object.keys(roles).map(Number);
      const id = await insert(db, 'people', {
        platform: extra.platform ?? 'sim',
        platformUserId,
        name,
        phone: extra.phone ?? null,
        communityId: communities[0] ?? null,
        gridId: extra.gridId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      for (const c of communities) await insert(db, 'memberships', { personId: id, communityId: c, role: roles[c]!, createdAt: now });
      return { id, name, platformUserId, roles: new Map(Object.entries(roles).map(([c, r]) => [Number(c), r])) };
    },
    async item(input: {
      kind?: ItemKind;
      text?: string;
      communityId: number;
      submitter: BuiltPerson;
      when: string;
      category?: string | null;
      place?: string | null;
      priority?: 'normal' | 'urgent';
      deadline?: string | null;
      answerDue?: string | null;
      gridId?: number | null;
      relatedTo?: number;
    }): Promise<number> {
      const kind = input.kind ?? 'wish';
      const change = await db.transaction((tx) =>
        createItem(
          tx,
          {
            kind,
            text: input.text ?? `${kind} at ${input.when}`,
            communityId: input.communityId,
            submitterId: input.submitter.id,
            category: input.category ?? (kind === 'report' ? '基础设施' : null),
            place: input.place ?? null,
            latitude: null,
            longitude: null,
            priority: input.priority ?? 'normal',
            deadlineAt: input.deadline ? at(input.deadline) : null,
            photos: [],
            sourcePlatform: 'sim',
            sourceConversationId: null,
          },
          at(input.when),
        ),
      );
      const id = change.item.id;
      const extra: Partial<Record<keyof Item, unknown>> = {};
      if (input.answerDue) extra.answerDueAt = at(input.answerDue);
      if (input.gridId) extra.gridId = input.gridId;
      if (input.relatedTo) extra.relatedToId = input.relatedTo;
      if (Object.keys(extra).length > 0) await update(db, 'items', extra as never, 'id = ?', [id]);
      return id;
    },
    claim: (item: number, who: BuiltPerson, when: string) => change(item, who, 'claim', when, { fields: { claimantId: who.id, assignedUnit: null } }),
    assign: (item: number, official: BuiltPerson, to: BuiltPerson | string, when: string) =>
      change(item, official, 'assign', when, {
        fields: typeof to === 'string' ? { claimantId: null, assignedUnit: to } : { claimantId: to.id, assignedUnit: null },
        note: typeof to === 'string' ? to : to.name,
      }),
    release: (item: number, who: BuiltPerson, when: string) => change(item, who, 'release', when, { note: '临时有事' }),
    progress: (item: number, who: BuiltPerson, when: string) => change(item, who, 'progress', when, { note: '在办' }),
    done: (item: number, who: BuiltPerson, when: string) => change(item, who, 'complete', when, { note: '办好了' }),
    confirm: (item: number, who: BuiltPerson, rating: number | null, when: string, comment = '') =>
      change(item, who, rating !== null && rating <= 2 ? 'rateLow' : 'confirm', when, {
        rating,
        note: comment,
        fields: { rating, ratingComment: comment || null },
      }),
    autoConfirm: (item: number, when: string) => change(item, null, 'autoConfirm', when),
    dispute: (item: number, who: BuiltPerson, when: string) => change(item, who, 'dispute', when, { note: '没修好' }),
    reopen: (item: number, who: BuiltPerson | null, when: string) =>
      change(item, who, 'reopen', when, { note: '又坏了', fields: { rating: null, ratingComment: null } }),
    withdraw: (item: number, who: BuiltPerson, when: string) => change(item, who, 'withdraw', when),
    reject: (item: number, who: BuiltPerson, when: string) => change(item, who, 'reject', when, { note: '不属于本社区' }),
    merge: (item: number, who: BuiltPerson, into: number, when: string) => change(item, who, 'merge', when, { note: `#${into}`, fields: { mergedIntoId: into } }),
    async support(item: number, who: BuiltPerson, when: string) {
      await insertIgnore(db, 'item_supporters', { itemId: item, personId: who.id, createdAt: at(when) });
      await insert(db, 'item_events', { itemId: item, type: 'supported', actorId: who.id, createdAt: at(when) });
    },
  };
}
