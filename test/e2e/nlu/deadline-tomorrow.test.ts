import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.ts';
import { ledgerItem, receiptNumber, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 38: "7 明天之前必须办完" said on a Saturday meant Sunday (heating in winter), not
// the next working day.

const clock = fixedClock('2026-11-28T02:00:00Z'); // Saturday 10:00 in Asia/Shanghai
let t: TestApp;
const official = { id: 'tomorrow-official', name: '张书记' };

beforeAll(async () => {
  t = await startTestApp({ overrides: { clock } });
  const c = await setUpCommunity(t, '明日社区', 'g-tomorrow');
  await t.say(official, `报到 ${c.officialCode}`);
});
afterAll(() => t.close());

describe('"明天之前" is the calendar day', () => {
  it('on a Saturday: Sunday the 29th, said as such', async () => {
    const who = { id: 'tomorrow-res', name: '李大爷' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 俺家暖气不热 屋里才十六度 3栋101'), who.id).join('\n'));
    const reply = textsTo(await t.say(official, `${id} 明天之前必须办完`), official.id).join('\n');
    expect(reply).toContain('11月29日');
    expect(reply).not.toContain('工作日');
    const item = await ledgerItem(t, id);
    expect(new Date(item.deadlineAt!).toISOString()).toBe('2026-11-29T15:59:59.000Z');
    expect(item.events.find((e) => e.type === 'deadline_set')?.note).toBe('11月29日前');
  });
});
