import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, fixedClock } from '../../../src/core/clock.ts';
import { satisfactionOf } from '../../../src/figures/shares.ts';
import { claimAndFinish, communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12: a resident who confirmed with one score and meant another puts it right in words
// ("改成四星吧", "刚才点错了 应该是3星 …") or with 确认 N again, within the day. The item stays
// closed; its holder hears the new score; the timeline keeps both; the figures count the last.

const group = 'g-rerate';
const clock = fixedClock('2026-11-17T02:00:00Z');
let t: TestApp;
let li: SimPerson;
let communityId = 0;
let n = 0;
const someone = (): SimPerson => ({ id: `resident-rerate-${++n}`, name: `周玉芬${n}` });

beforeAll(async () => {
  t = await startTestApp({ overrides: { clock } });
  ({ li, communityId } = await communityWithPeople(t, '改分社区', group));
});
afterAll(() => t.close());

async function confirmedWith(who: SimPerson, words: string): Promise<number> {
  const id = await newItem(t, who, '心愿 帮忙换个灯泡');
  await claimAndFinish(t, li, id, '换好了');
  await t.say(who, words);
  expect(await ledgerItem(t, id)).toMatchObject({ status: 'confirmed', rating: 5 });
  return id;
}

describe('a score put right after confirming', () => {
  it('"改成四星吧" changes the score to 4; the holder hears it; the item stays confirmed', async () => {
    const who = someone();
    const id = await confirmedWith(who, '满意 五星');
    const r = await t.say(who, '改成四星吧');
    expect(textsTo(r, who.id).join('\n')).toContain(`#${id} 的评分改为`);
    expect(textsTo(r, li.id).join('\n')).toContain(`#${id} 提出人把评分改为`);
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'confirmed', rating: 4 });
    // Nothing new was filed from it.
    expect(textsTo(r, who.id).join('\n')).not.toContain('哪一类');
  });

  it('"刚才打错了 应该是3星 灯还有点闪" keeps the words about the work as the comment', async () => {
    const who = someone();
    const id = await confirmedWith(who, '5分');
    await t.say(who, '刚才打错了 应该是3星 灯还有点闪');
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'confirmed', rating: 3, ratingComment: '灯还有点闪' });
  });

  it('确认 N 4 again puts it right too; thanks afterwards changes nothing', async () => {
    const who = someone();
    const id = await confirmedWith(who, '五星 谢谢');
    await t.say(who, `确认 ${id} 4`);
    expect((await ledgerItem(t, id)).rating).toBe(4);
    await t.say(who, '谢谢');
    expect((await ledgerItem(t, id)).rating).toBe(4);
  });

  it('the 满意率 counts the last score: 5 then "改成三星" is not satisfied', async () => {
    const who = someone();
    clock.advance(3_600_000);
    const from = clock.now();
    const id = await confirmedWith(who, '五星');
    await t.say(who, '不好意思点错了 改成三星');
    expect((await ledgerItem(t, id)).rating).toBe(3);
    const sat = await satisfactionOf(t.app.db, { communityIds: [communityId] }, { from, to: new Date(clock.now().getTime() + 1000) });
    expect(sat).toMatchObject({ part: 0, whole: 1 });
  });

  it('confirmed with a plain "好", then "小伙子好 给五星" gives the score', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 帮忙修个门把手');
    await claimAndFinish(t, li, id, '修好了');
    await t.say(who, '好');
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'confirmed', rating: null });
    await t.say(who, '小伙子好 给五星');
    expect((await ledgerItem(t, id)).rating).toBe(5);
  });

  it('"我没有说满意！…没修好" right after confirming sends it back', async () => {
    const who = someone();
    const id = await confirmedWith(who, '五星');
    await t.say(who, '我没有说满意！座板是裂的，没修好');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('a day later "改成四星" is no longer read as a score for it', async () => {
    const who = someone();
    const id = await confirmedWith(who, '五星');
    clock.advance(DAY + 1000);
    await t.say(who, '改成四星');
    expect((await ledgerItem(t, id)).rating).toBe(5);
  });
});
