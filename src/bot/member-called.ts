import type { Person } from '../db/rows.ts';
import type { Tx } from '../db/sql.ts';
import { DomainError } from '../domain/errors.ts';
import { findCommunityPerson } from '../domain/item-actions.ts';
import { normalizeText } from './normalize-text.ts';

/**
 * The member of a community a person means by a name without an @: "李建国" by name (or in
 * simplified characters), "周师傅", "老周" by the one member of that surname; null when none.
 */
export async function memberCalled(tx: Tx, communityId: number, called: string): Promise<Person | null> {
  // "物业马建国": the person, named with where they work.
  // "晓燕你去上门协调一下": the one spoken to.
  const name = called.replace(/^(?:物业(?:公司)?|居委会|社区)(?:的)?(?=[\u4e00-\u9fa5]{2,4}$)/u, '').replace(/(?<=[\u4e00-\u9fa5]{2})(?:你|您)$/u, '');
  return (
    (await findMember(tx, communityId, name).catch(() => null)) ??
    (await calledBySurname(tx, communityId, name)) ??
    (await calledByGivenName(tx, communityId, name)) ??
    (await calledByEnding(tx, communityId, name)) ??
    (await calledByStart(tx, communityId, name))
  );
}

/** "小马" for the member on record as "物业的小马": the one whose name ends so. */
async function calledByEnding(tx: Tx, communityId: number, called: string) {
  if (!/^[\u4e00-\u9fa5]{2,3}$/u.test(called)) return null;
  return onlyOne(tx, communityId, `%_${called}`);
}

/** "小何" for the member on record as "小何骑手": the one whose name begins so. */
async function calledByStart(tx: Tx, communityId: number, called: string) {
  if (!/^[\u4e00-\u9fa5]{2,3}$/u.test(called)) return null;
  return onlyOne(tx, communityId, `${called}_%`);
}

/** "晓燕": the one member whose three-character name ends so. */
async function calledByGivenName(tx: Tx, communityId: number, called: string) {
  if (!/^[\u4e00-\u9fa5]{2}$/u.test(called)) return null;
  return onlyOne(tx, communityId, `_${called}`);
}

/** "周师傅", "老周", "李老师": the one volunteer or official of the community with that surname, or null. */
async function calledBySurname(tx: Tx, communityId: number, called: string) {
  const m = /^(?:老|小)?([\u4e00-\u9fa5])(?:师傅|老师|姐|哥|阿姨|叔|工|大爷|经理|主任|书记|组长|队长|总)?$/u.exec(called.trim());
  if (!m || called.trim().length < 2) return null;
  return onlyOne(tx, communityId, `${m[1]}%`);
}

/** The one member of the community whose name is LIKE `pattern`, or null (none, or several). */
async function onlyOne(tx: Tx, communityId: number, pattern: string): Promise<Person | null> {
  const people = await tx.all<Person>(
    `SELECT p.* FROM people p WHERE p.name LIKE ? AND EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.community_id = ?) ORDER BY p.id LIMIT 2`,
    [pattern, communityId],
  );
  return people.length === 1 ? people[0]! : null;
}

/** A member by name as typed, or in simplified characters ("孫建華" is 孙建华 in the roster). */
export async function findMember(tx: Tx, communityId: number, name: string) {
  try {
    return await findCommunityPerson(tx, communityId, name);
  } catch (error) {
    const simplified = normalizeText(name);
    if (simplified === name || !(error instanceof DomainError) || error.code !== 'person_not_found') throw error;
    return findCommunityPerson(tx, communityId, simplified);
  }
}
