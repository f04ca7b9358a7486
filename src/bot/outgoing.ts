import type { Person } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import type { OutboundMessage, Platform } from '../core/messages.ts';

type Intent =
  | { kind: 'reply'; text: string }
  | { kind: 'person'; person: Pick<Person, 'id' | 'platform' | 'platformUserId'>; text: string }
  | { kind: 'personId'; personId: number; text: string }
  | { kind: 'groups'; communityId: number; text: string; skipSource: boolean }
  | { kind: 'officials'; communityId: number; text: string };

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

  constructor(source: Source | null) {
    this.source = source;
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
  get isEmpty(): boolean {
    return this.intents.length === 0;
  }

  async resolve(tx: Tx): Promise<OutboundMessage[]> {
    const out: OutboundMessage[] = [];
    const seen = new Set<string>();
    const push = (m: OutboundMessage) => {
      const key = `${m.platform}|${m.target.type}|${m.target.id}|${m.text}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(m);
    };
    const dm = (p: Pick<Person, 'platform' | 'platformUserId'>, text: string) =>
      push({ platform: p.platform as Platform, target: { type: 'user', id: p.platformUserId }, text, format: 'text' });

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
          const p = await tx.person.findUnique({ where: { id: intent.personId } });
          if (p) dm(p, intent.text);
          break;
        }
        case 'groups': {
          const groups = await tx.groupChat.findMany({ where: { communityId: intent.communityId }, orderBy: { id: 'asc' } });
          for (const g of groups) {
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
          const officials = await tx.membership.findMany({
            where: { communityId: intent.communityId, role: 'official' },
            include: { person: true },
            orderBy: { id: 'asc' },
          });
          for (const m of officials) dm(m.person, intent.text);
          break;
        }
      }
    }
    return out;
  }
}
