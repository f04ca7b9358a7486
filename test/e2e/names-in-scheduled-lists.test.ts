import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, fixedClock, HOUR } from '../../src/core/clock.ts';
import { maskName } from '../../src/core/mask.ts';
import { newItem, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// A resident who writes her own name into a wish ("我是王秀英…") sees it masked in the group's
// receipt and lists; the scheduled posts — an item announced again after a silent claim, the
// daily nudge — mask it the same way (SPEC: group posts never show a resident's full name).

const wang = { id: 'wang-s', name: '王秀英' };
const li = { id: 'li-s', name: '李志强' };
const GROUP = 'g-names';

describe('a name written into an item stays masked in scheduled group posts', () => {
  const clock = fixedClock('2026-11-17T02:00:00Z'); // a Tuesday, 10:00 in Shanghai
  let t: TestApp;
  let wish = 0;

  const groupTextsSince = async (id: number) =>
    (
      await t.app.db.all<{ text: string }>("SELECT text FROM outbox_messages WHERE target_type = 'group' AND target_id = ? AND id > ? ORDER BY id", [
        GROUP,
        id,
      ])
    ).map((r) => r.text);
  const lastOutboxId = async () => (await t.app.db.get<{ id: number | null }>('SELECT max(id) AS id FROM outbox_messages'))!.id ?? 0;
  const runJob = async (name: string) => expect((await t.api('POST', `/api/jobs/${name}/run`)).status).toBe(200);

  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    const c = await setUpCommunity(t, '连心社区', GROUP);
    await t.say(li, `报到 ${c.memberCode}`);
    wish = await newItem(t, wang, '心愿 我是王秀英，腿脚不好，想请人帮忙去药店取药', GROUP);
    await t.say(li, `认领 ${wish}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('released after a silent week and announced again: the name masked', async () => {
    const before = await lastOutboxId();
    clock.advance(8 * DAY);
    await runJob('claimant-reminder');
    const posts = (await groupTextsSince(before)).filter((p) => p.includes(`#${wish}`));
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) {
      expect(p).not.toContain('王秀英');
      expect(p).toContain(maskName('王秀英'));
    }
  });

  it('the next day’s nudge lists it with the name masked', async () => {
    const before = await lastOutboxId();
    clock.advance(DAY + HOUR);
    await runJob('group-nudge');
    const nudges = (await groupTextsSince(before)).filter((p) => p.includes(`#${wish}`));
    expect(nudges.length).toBe(1);
    expect(nudges[0]).not.toContain('王秀英');
    expect(nudges[0]).toContain(maskName('王秀英'));
  });
});
