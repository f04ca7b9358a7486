import { afterAll, beforeAll, expect } from 'vitest';
import type { SimPerson, TestApp } from './test-app.ts';
import { startTestApp, textsTo } from './test-app.ts';

/** A community with a bound simulator group and invite codes, made through the admin API. */
export async function setUpCommunity(t: TestApp, name: string, group: string) {
  const community = await t.api('POST', '/api/communities', { name });
  expect(community.status).toBe(201);
  const communityId = community.body.id as number;
  expect((await t.api('POST', '/api/groups', { platform: 'sim', conversationId: group, communityId })).status).toBe(201);
  const member = await t.api('POST', '/api/invites', { communityId, role: 'member', maxUses: 100 });
  const official = await t.api('POST', '/api/invites', { communityId, role: 'official', maxUses: 10 });
  return { communityId, memberCode: member.body.code as string, officialCode: official.body.code as string };
}

/** A volunteer claims an item and says it is done (the submitter is then asked "满意吗？"). */
export async function claimAndFinish(t: TestApp, who: SimPerson, id: number, note = ''): Promise<void> {
  await t.say(who, `认领 ${id}`);
  await t.say(who, `完成 ${id}${note ? ` ${note}` : ''}`);
}

/** Says something that creates an item and returns its number from the receipt. */
export async function newItem(t: TestApp, who: SimPerson, text: string, group?: string): Promise<number> {
  const reply = await t.say(who, text, group ? { in: group } : {});
  const receipt = textsTo(reply, group ?? who.id).join('\n');
  const m = /#(\d+)/u.exec(receipt);
  if (!m) throw new Error(`no item number in: ${receipt}`);
  return Number(m[1]);
}

/**
 * A report through the direct-chat dialogue, answering what the bot asks: the kind (2), the place
 * (unless the text names one), the photo (skipped). Returns the number from the receipt.
 */
export async function newReport(t: TestApp, who: SimPerson, text: string, place: string): Promise<number> {
  let reply = textsTo(await t.say(who, text), who.id).join('\n');
  for (let step = 0; step < 5; step++) {
    const m = /编号 #(\d+)/u.exec(reply);
    if (m) return Number(m[1]);
    const answer = /哪一类/u.test(reply) ? '2' : /在哪里/u.test(reply) ? place : /照片/u.test(reply) ? '没有' : null;
    if (answer === null) break;
    reply = textsTo(await t.say(who, answer), who.id).join('\n');
  }
  throw new Error(`no receipt in: ${reply}`);
}

/** What the bot has posted into a simulator conversation, oldest first. */
export async function conversation(t: TestApp, id: string): Promise<string[]> {
  const res = await fetch(`${t.url}/sim/conversations/${encodeURIComponent(id)}/messages`);
  const body = (await res.json()) as { messages: Array<{ text: string }> };
  return body.messages.map((m) => m.text);
}

/** An item as the admin API shows it: the ledger row, its events and photos. */
export async function ledgerItem(t: TestApp, id: number) {
  const r = await t.api('GET', `/api/items/${id}`);
  expect(r.status).toBe(200);
  return r.body as {
    id: number;
    kind: string;
    status: string;
    text: string;
    place: string | null;
    category: string | null;
    priority: string;
    rating: number | null;
    ratingComment: string | null;
    deadlineAt: string | null;
    claimantId: number | null;
    photos: string[];
    events: Array<{ type: string; note: string | null; rating: number | null }>;
  } & Record<string, unknown>;
}

/** The number in a receipt ("编号 #12"). */
export function receiptNumber(text: string): number {
  const m = /编号 #(\d+)/u.exec(text);
  if (!m) throw new Error(`no receipt in: ${text}`);
  return Number(m[1]);
}

/** A community with a group, a member (李志强) and an official (赵书记) who have joined. */
export async function communityWithPeople(t: TestApp, name: string, group: string) {
  const c = await setUpCommunity(t, name, group);
  const li = { id: `li-${group}`, name: '李志强' };
  const zhao = { id: `zhao-${group}`, name: '赵书记' };
  await t.say(li, `报到 ${c.memberCode}`);
  await t.say(zhao, `报到 ${c.officialCode}`);
  return { ...c, li, zhao };
}

/** Files a wish or a report from a direct chat and returns its number; a report's photo question is answered "没有". */
export async function fileRequest(t: TestApp, who: SimPerson, text: string): Promise<number> {
  const said = textsTo(await t.say(who, text), who.id).join('\n');
  return receiptNumber(/编号 #/u.test(said) ? said : textsTo(await t.say(who, '没有'), who.id).join('\n'));
}

/**
 * A test app with a community bound to `group` and its two invite codes, started before the file's
 * tests and closed after them (for a file's flows of one trial); `someone` makes a new person.
 */
export function trialCommunity(group: string) {
  const c = { t: undefined as unknown as TestApp, code: '', officialCode: '' };
  let n = 0;
  beforeAll(async () => {
    c.t = await startTestApp();
    ({ memberCode: c.code, officialCode: c.officialCode } = await setUpCommunity(c.t, '连心测试社区', group));
  });
  afterAll(() => c.t?.close());
  return Object.assign(c, { someone: (name: string): SimPerson => ({ id: `${group}-${++n}`, name }) });
}
