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
  /** The bound group the message came from, if any, with every group of its community (in id order). */
  group: (GroupChat & { community: Community; communityGroups: Array<Pick<GroupChat, 'platform' | 'conversationId'>> }) | null;
  now: Date;
  /** First heard from in this message (their row was written by it): nothing of theirs to read yet. */
  newcomer?: boolean;
};

type GroupRow = GroupChat & {
  communityName: string;
  communityCreatedAt: Date;
  communityPhone: string | null;
  communityWechatLink: string | null;
  otherPlatform: string;
  otherConversationId: string;
};

/** A person with one of their memberships per row (null columns when they have none). */
type PersonRow = Person & { membershipCommunityId: number | null; membershipRole: string | null };

/** Finds or creates the sender; keeps their name and home community up to date. */
export async function loadContext(tx: Tx, msg: InboundMessage, now: Date): Promise<MessageContext> {
  const group = msg.conversationType === 'group' ? await findGroup(tx, msg) : null;
  const name = msg.senderName.trim() || '居民';
  const rows = await findPerson(tx, msg);
  let person: Person;
  let roles: Map<number, CommunityRole>;
  if (rows.length === 0) {
    // A group's community, else the one the way in names (a card's 微信客服 link).
    const communityId = group?.communityId ?? msg.communityId ?? null;
    // ON CONFLICT: the same person's first two messages may be handled at once (PostgreSQL);
    // an error would abort the whole transaction, so the loser reads the winner's row instead.
    const created = await tx.get<{ id: number }>(
      `INSERT INTO people (platform, platform_user_id, name, community_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, platform_user_id) DO NOTHING RETURNING id`,
      [msg.platform, msg.senderId, name, communityId, now, now],
    );
    if (created) {
      // The row as written, without reading it back; a new person holds no memberships yet.
      person = {
        id: created.id,
        platform: msg.platform,
        platformUserId: msg.senderId,
        name,
        phone: null,
        address: null,
        communityId,
        linkedToId: null,
        createdAt: now,
        updatedAt: now,
        gridId: null,
      };
      return { msg, person, actor: { id: person.id, name: person.name, roles: new Map() }, group, now, newcomer: true };
    }
    const winner = await findPerson(tx, msg);
    if (winner.length === 0) throw new Error(`person ${msg.platform}:${msg.senderId} neither inserted nor found`);
    ({ person, roles } = fromRows(winner));
  } else {
    ({ person, roles } = fromRows(rows));
  }
  // The way in names a community when the resident came through its card: they belong there now.
  const communityId = group?.communityId ?? msg.communityId ?? person.communityId;
  const newName = msg.senderName.trim() ? name : person.name;
  if (newName !== person.name || communityId !== person.communityId) {
    await tx.run('UPDATE people SET name = ?, community_id = ?, updated_at = ? WHERE id = ?', [newName, communityId, now, person.id]);
    person = { ...person, name: newName, communityId, updatedAt: now };
  }
  return { msg, person, actor: { id: person.id, name: person.name, roles }, group, now };
}

/**
 * The bound group of the conversation, with its community and that community's groups, one row per
 * group (a handful): read once here, so that a post to the community's groups needs no second read.
 */
async function findGroup(tx: Tx, msg: InboundMessage): Promise<MessageContext['group']> {
  const rows = await tx.all<GroupRow>(
    `SELECT g.*, c.name AS community_name, c.created_at AS community_created_at, c.phone AS community_phone,
            c.wechat_link AS community_wechat_link, o.platform AS other_platform, o.conversation_id AS other_conversation_id
     FROM group_chats g JOIN communities c ON c.id = g.community_id JOIN group_chats o ON o.community_id = g.community_id
     WHERE g.platform = ? AND g.conversation_id = ? ORDER BY o.id`,
    [msg.platform, msg.conversationId],
  );
  if (rows.length === 0) return null;
  const { communityName, communityCreatedAt, communityPhone, communityWechatLink, otherPlatform: _p, otherConversationId: _c, ...group } = rows[0]!;
  return {
    ...group,
    communityGroups: rows.map((r) => ({ platform: r.otherPlatform, conversationId: r.otherConversationId })),
    community: {
      id: group.communityId,
      name: communityName,
      createdAt: communityCreatedAt,
      phone: communityPhone,
      wechatLink: communityWechatLink,
    },
  };
}

/** The sender and their memberships in one statement: one row per membership, or one with none. */
function findPerson(tx: Tx, msg: InboundMessage): Promise<PersonRow[]> {
  return tx.all<PersonRow>(
    `SELECT p.*, m.community_id AS membership_community_id, m.role AS membership_role
     FROM people p LEFT JOIN memberships m ON m.person_id = p.id
     WHERE p.platform = ? AND p.platform_user_id = ?
     ORDER BY m.community_id`,
    [msg.platform, msg.senderId],
  );
}

function fromRows(rows: PersonRow[]): { person: Person; roles: Map<number, CommunityRole> } {
  const { membershipCommunityId: _c, membershipRole: _r, ...person } = rows[0]!;
  const roles = new Map<number, CommunityRole>();
  for (const r of rows) if (r.membershipCommunityId !== null) roles.set(r.membershipCommunityId, r.membershipRole as CommunityRole);
  return { person, roles };
}

export async function actorOf(tx: Tx, person: Pick<Person, 'id' | 'name'>): Promise<Actor> {
  const memberships = await tx.all<{ communityId: number; role: string }>(
    'SELECT community_id, role FROM memberships WHERE person_id = ? ORDER BY community_id',
    [person.id],
  );
  return {
    id: person.id,
    name: person.name,
    roles: new Map(memberships.map((m) => [m.communityId, m.role as CommunityRole])),
  };
}
