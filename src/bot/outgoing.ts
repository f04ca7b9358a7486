import type { Person } from '../db/rows.ts';
import { inList, type Tx } from '../db/sql.ts';
import type { OutboundMessage, Platform } from '../core/messages.ts';
import { maskForGroup } from '../core/mask.ts';

type Intent =
  | { kind: 'reply'; text: string }
  | { kind: 'person'; person: Pick<Person, 'id' | 'platform' | 'platformUserId'>; text: string }
  | { kind: 'personId'; personId: number; text: string }
  | { kind: 'groups'; communityId: number; text: string; skipSource: boolean }
  | { kind: 'officials'; communityId: number; text: string }
  | { kind: 'grid'; communityId: number; gridId: number; text: string; except: number | null };

export type Source = {
  platform: Platform;
  conversationId: string;
  conversationType: 'single' | 'group';
  replyContext?: unknown;
};

/**
 * Collects what a command wants said, to whom, and turns it into outbox messages inside the same
 * transaction. People are reached on the platform they wrote from; a community's posts go to every
 * group chat bound to it.
 */
export class Outgoing {
  private readonly intents: Intent[] = [];
  private readonly source: Source | null;
  /** Groups of a community already read with the message's context (no second read). */
  private readonly knownGroups = new Map<number, GroupAddress[]>();

  constructor(source: Source | null) {
    this.source = source;
  }

  knowGroups(communityId: number, groups: GroupAddress[]): void {
    this.knownGroups.set(communityId, groups);
  }
  reply(text: string): void {
    this.intents.push({ kind: 'reply', text });
  }
  toPerson(person: Pick<Person, 'id' | 'platform' | 'platformUserId'>, text: string): void {
    this.intents.push({ kind: 'person', person, text });
  }
  toPersonId(personId: number, text: string): void {
    this.intents.push({ kind: 'personId', personId, text });
  }
  /** A post to the community's groups; `skipSource` leaves out the group the command came from. */
  toGroups(communityId: number, text: string, skipSource = false): void {
    this.intents.push({ kind: 'groups', communityId, text, skipSource });
  }
  toOfficials(communityId: number, text: string): void {
    this.intents.push({ kind: 'officials', communityId, text });
  }
  /** The volunteers (members) of one grid of the community, but `except`: its officials are told on their own. */
  toGrid(communityId: number, gridId: number, text: string, except: number | null = null): void {
    this.intents.push({ kind: 'grid', communityId, gridId, text, except });
  }
  /** An empty collector for the same source: one command's words, kept or dropped as a whole. */
  fork(): Outgoing {
    return new Outgoing(this.source);
  }
  /** Takes over what `other` collected, after what this one has. */
  absorb(other: Outgoing): void {
    this.intents.push(...other.intents);
  }
  get isEmpty(): boolean {
    return this.intents.length === 0;
  }

  async resolve(tx: Tx): Promise<OutboundMessage[]> {
    const out: OutboundMessage[] = [];
    const seen = new Set<string>();
    const push = (posted: OutboundMessage) => {
      // Whatever goes into a group — a reply there or a post to the community's groups — is what
      // the group may see: numbers masked (SPEC; issue 9). The ledger and direct messages keep the text.
      const m = posted.target.type === 'group' ? { ...posted, text: maskForGroup(posted.text) } : posted;
      const key = `${m.platform}|${m.target.type}|${m.target.id}|${m.text}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(m);
    };
    const dm = (p: Pick<Person, 'platform' | 'platformUserId'>, text: string) =>
      push({ platform: p.platform as Platform, target: { type: 'user', id: p.platformUserId }, text, format: 'text' });
    // Every lookup in one query per kind, before the intents are turned into messages in their order.
    const { people, groups, officials } = await this.lookUp(tx);

    for (const intent of this.intents) {
      switch (intent.kind) {
        case 'reply': {
          if (!this.source) break;
          const s = this.source;
          push({
            platform: s.platform,
            target: { type: s.conversationType === 'group' ? 'group' : 'user', id: s.conversationId },
            text: intent.text,
            format: 'text',
            replyContext: s.replyContext,
          });
          break;
        }
        case 'person':
          dm(intent.person, intent.text);
          break;
        case 'personId': {
          const p = people.get(intent.personId);
          if (p) dm(p, intent.text);
          break;
        }
        case 'groups': {
          for (const g of groups.get(intent.communityId) ?? []) {
            const isSource =
              this.source?.conversationType === 'group' &&
              g.platform === this.source.platform &&
              g.conversationId === this.source.conversationId;
            if (intent.skipSource && isSource) continue;
            push({ platform: g.platform as Platform, target: { type: 'group', id: g.conversationId }, text: intent.text, format: 'text' });
          }
          break;
        }
        case 'officials': {
          for (const p of officials.get(intent.communityId) ?? []) dm(p, intent.text);
          break;
        }
        case 'grid': {
          // A grid holds a few volunteers, never a list that grows with the ledger.
          const members = await tx.all<Address & { id: number }>(
            `SELECT p.id, p.platform, p.platform_user_id FROM people p JOIN memberships m ON m.person_id = p.id
             WHERE p.grid_id = ? AND m.community_id = ? AND m.role = 'member' ORDER BY p.id LIMIT 50`,
            [intent.gridId, intent.communityId],
          );
          for (const p of members) if (p.id !== intent.except) dm(p, intent.text);
          break;
        }
      }
    }
    return out;
  }

  /** The people, groups (by community, in id order) and officials (by community, in membership order) the intents name. */
  private async lookUp(tx: Tx): Promise<{
    people: Map<number, Address>;
    groups: Map<number, GroupAddress[]>;
    officials: Map<number, Address[]>;
  }> {
    const personIds = new Set<number>();
    const groupCommunities = new Set<number>();
    const officialCommunities = new Set<number>();
    for (const intent of this.intents) {
      if (intent.kind === 'personId') personIds.add(intent.personId);
      else if (intent.kind === 'groups') groupCommunities.add(intent.communityId);
      else if (intent.kind === 'officials') officialCommunities.add(intent.communityId);
    }
    const people = new Map<number, Address>();
    // A report's followers each get a message: the list grows with the data, so it goes in chunks.
    const ids = [...personIds];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = await tx.all<Address & { id: number }>(
        `SELECT id, platform, platform_user_id FROM people WHERE id IN ${inList(chunk.length)}`,
        chunk,
      );
      for (const r of rows) people.set(r.id, r);
    }
    // Communities: one or two per command (the item's), never a list that grows with the data.
    const groups = new Map<number, GroupAddress[]>();
    for (const c of [...groupCommunities]) {
      const known = this.knownGroups.get(c);
      if (known) {
        groups.set(c, known);
        groupCommunities.delete(c);
      }
    }
    if (groupCommunities.size > 0) {
      const rows = await tx.all<GroupAddress & { communityId: number }>(
        `SELECT community_id, platform, conversation_id FROM group_chats WHERE community_id IN ${inList(groupCommunities.size)} ORDER BY id`,
        [...groupCommunities],
      );
      for (const r of rows) addTo(groups, r.communityId, r);
    }
    const officials = new Map<number, Address[]>();
    if (officialCommunities.size > 0) {
      const rows = await tx.all<Address & { communityId: number }>(
        `SELECT m.community_id, p.platform, p.platform_user_id FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.community_id IN ${inList(officialCommunities.size)} AND m.role = 'official' ORDER BY m.id`,
        [...officialCommunities],
      );
      for (const r of rows) addTo(officials, r.communityId, r);
    }
    return { people, groups, officials };
  }
}

type Address = Pick<Person, 'platform' | 'platformUserId'>;
type GroupAddress = { platform: string; conversationId: string };

/** People looked up by id per statement (well under both databases' limits on bound values). */
const CHUNK = 500;

function addTo<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
