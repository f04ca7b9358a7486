import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §10: the simulator page sends photos and locations, shows whom a group message of the bot
// answers (and which messages it left alone), and drops "还没有社区" once the demo community exists.

const wang = { id: 'wang', name: '王秀英' };
const sun = { id: 'sun', name: '孙大爷' };
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Entry = { from: string; senderName: string; text: string; photos: number; location: string | null; ignored: boolean; replyTo: string | null };
const timeline = async (id: string) =>
  ((await (await fetch(`${t.url}/sim/conversations/${id}/timeline`)).json()) as { entries: Entry[] }).entries;

describe('the simulator', () => {
  it('the page has the photo, location and @连心 buttons, and the empty-instance hint in its own block', async () => {
    const page = await (await fetch(`${t.url}/sim/`)).text();
    for (const s of ['id="photo"', 'id="location"', 'id="mention"', '@连心']) expect(page).toContain(s);
    expect(page).toMatch(/<div id="empty">\s*<p>还没有社区/u);
    // After the demo is made the page hides that block and keeps the codes in view.
    expect(page).toContain("$('empty').hidden = true;");
  });

  it('makes the demo community once; its group is then ready to talk in', async () => {
    const demo = await fetch(`${t.url}/sim/demo`, { method: 'POST' });
    expect(demo.status).toBe(201);
    const state = (await (await fetch(`${t.url}/sim/state`)).json()) as { communities: unknown[]; groups: Array<{ conversationId: string }> };
    expect(state.communities).toHaveLength(1);
    expect(state.groups.map((g) => g.conversationId)).toEqual(['demo-group']);
    expect((await fetch(`${t.url}/sim/demo`, { method: 'POST' })).status).toBe(409);
  });

  it('shows whom the bot answers in a group, and which messages it left alone', async () => {
    await t.say(sun, '今天天气不错', { in: 'demo-group' });
    await t.say(wang, '@连心 楼道灯坏了', { in: 'demo-group' });
    await t.settle();
    const entries = await timeline('demo-group');
    const chatter = entries.find((e) => e.text === '今天天气不错')!;
    expect(chatter.ignored).toBe(true);
    const asked = entries.find((e) => e.text === '@连心 楼道灯坏了')!;
    expect(asked.ignored).toBe(false);
    const reply = entries.find((e) => e.from === 'bot' && e.text.startsWith('王*，'))!;
    expect(reply.replyTo).toBe('王秀英');
  });

  it('sends a photo and a location, and shows them in the timeline', async () => {
    await t.say(wang, '反映 路灯坏了');
    await t.say(wang, '', { location: { label: '示例社区3号楼东门', latitude: 31.23, longitude: 121.47 } });
    await t.say(wang, '', { photos: ['sim-photo-1.jpg'] });
    await t.settle();
    const entries = await timeline(wang.id);
    expect(entries.find((e) => e.location === '示例社区3号楼东门')).toBeDefined();
    expect(entries.find((e) => e.photos === 1)).toBeDefined();
    const items = (await t.api('GET', '/api/items')).body.items as Array<{ id: number; place: string }>;
    const item = (await t.api('GET', `/api/items/${items.at(-1)!.id}`)).body;
    expect(item).toMatchObject({ place: '示例社区3号楼东门', photos: ['sim-photo-1.jpg'] });
  });
});
