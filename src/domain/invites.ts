import { randomInt } from 'node:crypto';
import type { Community, Invite, Person } from '../db/rows.ts';
import { insert, type Tx } from '../db/sql.ts';
import { DAY } from '../core/clock.ts';
import { DomainError } from './errors.ts';
import type { CommunityRole } from './types.ts';

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export async function createInvite(
  tx: Tx,
  input: { communityId: number; role: CommunityRole; maxUses: number; createdById: number | null; ttlDays: number },
  now: Date,
): Promise<string> {
  const community = await tx.get<{ id: number }>('SELECT id FROM communities WHERE id = ?', [input.communityId]);
  if (!community) throw new DomainError('no_community');
  const code = newInviteCode();
  await insert(tx, 'invites', {
    code,
    communityId: input.communityId,
    role: input.role,
    maxUses: input.maxUses,
    uses: 0,
    createdById: input.createdById,
    expiresAt: new Date(now.getTime() + input.ttlDays * DAY),
    createdAt: now,
  });
  return code;
}

type InviteRow = Pick<Invite, 'id' | 'communityId' | 'role' | 'maxUses' | 'uses' | 'expiresAt'> & {
  communityName: string;
  communityCreatedAt: Date;
  communityPhone: string | null;
  communityWechatLink: string | null;
  membershipId: number | null;
  membershipRole: string | null;
};

const RANK: Record<CommunityRole, number> = { member: 1, official: 2 };

/** 报到 CODE: the person becomes a member or official of the invite's community. */
export async function joinWithInvite(
  tx: Tx,
  person: Pick<Person, 'id'>,
  code: string,
  now: Date,
): Promise<{ community: Community; role: CommunityRole }> {
  // The invite, its community and the person's membership there (if any), in one statement.
  const invite = await tx.get<InviteRow>(
    `SELECT i.id, i.community_id, i.role, i.max_uses, i.uses, i.expires_at,
            c.name AS community_name, c.created_at AS community_created_at, c.phone AS community_phone,
            c.wechat_link AS community_wechat_link, m.id AS membership_id, m.role AS membership_role
     FROM invites i
     JOIN communities c ON c.id = i.community_id
     LEFT JOIN memberships m ON m.community_id = i.community_id AND m.person_id = ?
     WHERE i.code = ?`,
    [person.id, code],
  );
  if (!invite || invite.expiresAt <= now || invite.uses >= invite.maxUses) throw new DomainError('invite_invalid');
  const community: Community = {
    id: invite.communityId,
    name: invite.communityName,
    createdAt: invite.communityCreatedAt,
    phone: invite.communityPhone,
    wechatLink: invite.communityWechatLink,
  };
  const role = invite.role as CommunityRole;
  const existing = invite.membershipId === null ? null : { id: invite.membershipId, role: invite.membershipRole as CommunityRole };
  if (existing && RANK[existing.role] >= RANK[role]) {
    throw new DomainError('already_member', { community: community.name, role: existing.role });
  }
  // One atomic step: count the use only while uses remain (many volunteers join with one code at once).
  const used = await tx.run('UPDATE invites SET uses = uses + 1 WHERE id = ? AND uses < max_uses', [invite.id]);
  if (used !== 1) throw new DomainError('invite_invalid');
  if (existing) {
    await tx.run('UPDATE memberships SET role = ?, invite_id = ? WHERE id = ?', [role, invite.id, existing.id]);
  } else {
    await insert(tx, 'memberships', {
      personId: person.id,
      communityId: invite.communityId,
      role,
      inviteId: invite.id,
      createdAt: now,
    });
  }
  await tx.run('UPDATE people SET community_id = ?, updated_at = ? WHERE id = ?', [invite.communityId, now, person.id]);
  return { community, role };
}
