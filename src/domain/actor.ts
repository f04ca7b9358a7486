import type { CommunityRole, Role } from './types.ts';

/** Who is acting: a person and the roles they hold, community by community. */
export type Actor = {
  id: number;
  name: string;
  roles: ReadonlyMap<number, CommunityRole>;
};

export function roleIn(actor: Actor, communityId: number): Role {
  return actor.roles.get(communityId) ?? 'resident';
}

/** The highest role a person holds anywhere, for the help text. */
export function highestRole(actor: Actor): Role {
  const roles = [...actor.roles.values()];
  if (roles.includes('official')) return 'official';
  if (roles.includes('member')) return 'member';
  return 'resident';
}

export function isMemberOf(actor: Actor, communityId: number): boolean {
  return actor.roles.has(communityId);
}

export function isOfficialOf(actor: Actor, communityId: number): boolean {
  return actor.roles.get(communityId) === 'official';
}
