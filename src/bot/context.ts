import type { Community, GroupChat, Person } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import type { InboundMessage } from '../core/messages.ts';
import type { Actor } from '../domain/actor.ts';
import type { CommunityRole } from '../domain/types.ts';

/** Everything a command needs to know about who wrote, and where. */
export type MessageContext = {
  msg: InboundMessage;
  person: Person;
  actor: Actor;
  /** The bound group the message came from, if any. */
  group: (GroupChat & { community: Community }) | null;
  now: Date;
};

/** Finds or creates the sender; keeps their name and home community up to date. */
export async function loadContext(tx: Tx, msg: InboundMessage, now: Date): Promise<MessageContext> {
  const group =
    msg.conversationType === 'group'
      ? await tx.groupChat.findUnique({
          where: { platform_conversationId: { platform: msg.platform, conversationId: msg.conversationId } },
          include: { community: true },
        })
      : null;
  const name = msg.senderName.trim() || '居民';
  let person = await tx.person.findUnique({
    where: { platform_platformUserId: { platform: msg.platform, platformUserId: msg.senderId } },
  });
  if (!person) {
    person = await tx.person.create({
      data: {
        platform: msg.platform,
        platformUserId: msg.senderId,
        name,
        communityId: group?.communityId ?? null,
        createdAt: now,
        updatedAt: now,
      },
    });
  } else {
    const communityId = group?.communityId ?? person.communityId;
    const newName = msg.senderName.trim() ? name : person.name;
    if (newName !== person.name || communityId !== person.communityId) {
      person = await tx.person.update({ where: { id: person.id }, data: { name: newName, communityId, updatedAt: now } });
    }
  }
  return { msg, person, actor: await actorOf(tx, person), group, now };
}

export async function actorOf(tx: Tx, person: Pick<Person, 'id' | 'name'>): Promise<Actor> {
  const memberships = await tx.membership.findMany({ where: { personId: person.id } });
  return {
    id: person.id,
    name: person.name,
    roles: new Map(memberships.map((m) => [m.communityId, m.role as CommunityRole])),
  };
}
