import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityWithPeople } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 36: "没有照片" said to "这是哪一类？" (the person thought a photo was asked for)
// cancelled a report of two matters; the draft stays and the question is asked again.

const group = 'g-drafts-kept';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await communityWithPeople(t, '留稿社区', group);
});
afterAll(() => t.close());

describe('a draft is not lost to a photo skip said too early', () => {
  it('"没有照片" to the kind question keeps the draft; "2" then files it', async () => {
    const who = { id: 'wu-li-drafts', name: '吴丽' };
    const first = await t.say(who, '@连心 9幢那个门坏了好几天了 刷不开', { in: group });
    expect(textsTo(first, group).join('\n')).toContain('哪一类');
    const skipped = textsTo(await t.say(who, '没有照片', { in: group }), group).join('\n');
    expect(skipped).not.toContain('已取消');
    expect(skipped).toMatch(/1|2/u);
    // The photo is asked for in its turn (the early skip is not remembered); "没有" files it.
    let filed = textsTo(await t.say(who, '2', { in: group }), group).join('\n');
    if (/照片/u.test(filed)) filed = textsTo(await t.say(who, '没有', { in: group }), group).join('\n');
    expect(filed).toMatch(/#\d+/u);
    expect((await t.api('GET', '/api/items')).body.items.some((i: { text: string }) => i.text.includes('刷不开'))).toBe(true);
  });
});
