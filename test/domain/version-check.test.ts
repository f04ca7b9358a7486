import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/domain/errors.ts';
import { applyEvent, getItem } from '../../src/domain/items.ts';
import { newItem, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { countRows, testDbKind } from '../helpers/test-db.ts';

// The optimistic version check on its own, on both databases: a change made from a copy of the item
// that another change has since overtaken is refused with ConflictError and writes nothing (on
// SQLite two claims never overlap in time, so this is where its version check is seen working).
describe(`an item change from a stale copy (${testDbKind()})`, () => {
  let t: TestApp;
  let id = 0;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpCommunity(t, '版本社区', 'g-version');
    id = await newItem(t, { id: 'wang', name: '王秀英' }, '心愿 帮忙贴春联', 'g-version');
  });
  afterAll(() => t.close());

  it('is refused with ConflictError and leaves the item and its timeline as the first change left them', async () => {
    const db = t.app.db;
    const stale = await getItem(db, id);
    const now = new Date();
    // The first change, from a fresh read: claimed.
    await db.transaction(async (tx) => applyEvent(tx, null, await getItem(tx, id), 'claim', now, { fields: { claimantId: stale.submitterId } }));
    // The second, from the copy read before it: the row moved on, so nothing is written.
    const second = db.transaction((tx) => applyEvent(tx, null, stale, 'claim', now, { fields: { claimantId: stale.submitterId } }));
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    const after = await getItem(db, id);
    expect(after).toMatchObject({ status: 'claimed', version: stale.version + 1 });
    expect(await countRows(db, 'item_events', "item_id = ? AND type = 'claimed'", [id])).toBe(1);
  });
});
