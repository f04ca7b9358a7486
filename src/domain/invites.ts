import { randomInt } from 'node:crypto';
import type { Community, Person } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
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
  const community = await tx.community.findUnique({ where: { id: input.communityId } });
  if (!community) throw new DomainError('no_community');
  const code = newInviteCode();
  await tx.invite.create({
    data: {
      code,
      communityId: input.communityId,
      role: input.role,
      maxUses: input.maxUses,
      createdById: input.createdById,
      expiresAt: new Date(now.getTime() + input.ttlDays * DAY),
      createdAt: now,
    },
  });
  return code;
}

const RANK: Record<CommunityRole, number> = { member: 1, official: 2 };

/** 报到 CODE: the person becomes a member or official of the invite's community. */
export async function joinWithInvite(
  tx: Tx,
  person: Pick<Person, 'id'>,
  code: string,
  now: Date,
): Promise<{ community: Community; role: CommunityRole }> {
  const invite = await tx.invite.findUnique({ where: { code }, include: { community: true } });
  if (!invite || invite.expiresAt <= now || invite.uses >= invite.maxUses) throw new DomainError('invite_invalid');
  const role = invite.role as CommunityRole;
  const existing = await tx.membership.findUnique({
    where: { personId_communityId: { personId: person.id, communityId: invite.communityId } },
  });
  if (existing && RANK[existing.role as CommunityRole] >= RANK[role]) {
    throw new DomainError('already_member', { community: invite.community.name, role: existing.role as CommunityRole });
  }
  // One atomic step: count the use only while uses remain (many volunteers join with one code at once).
  const used = await tx.invite.updateMany({
    where: { id: invite.id, uses: { lt: tx.invite.fields.maxUses } },
    data: { uses: { increment: 1 } },
  });
  if (used.count !== 1) throw new DomainError('invite_invalid');
  if (existing) {
    await tx.membership.update({ where: { id: existing.id }, data: { role, inviteId: invite.id } });
  } else {
    await tx.membership.create({
      data: { personId: person.id, communityId: invite.communityId, role, inviteId: invite.id, createdAt: now },
    });
  }
  await tx.person.update({ where: { id: person.id }, data: { communityId: invite.communityId } });
  return { community: invite.community, role };
}
