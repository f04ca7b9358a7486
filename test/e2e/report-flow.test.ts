import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const zhang = { id: 'zhang', name: '张桂兰' };
const li = { id: 'li', name: '李志强' };
const zhao = { id: 'zhao', name: '赵书记' };
const group = 'g-report';

describe('a whole report: free text in a direct chat → dialogue → receipt → assigned → done → disputed → done → confirmed', () => {
  let t: TestApp;
  let id = 0;
  beforeAll(async () => {
    t = await startTestApp();
    const c = await t.api('POST', '/api/communities', { name: '和平社区' });
    await t.api('POST', '/api/groups', { platform: 'sim', conversationId: group, communityId: c.body.id });
    const member = await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'member' });
    const official = await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'official' });
    await t.say(li, `报到 ${member.body.code}`);
    await t.say(zhao, `报到 ${official.body.code}`);
  });
  afterAll(() => t.close());

  it('asks whether it is a wish or a report, then for the place and a photo, and ends with a receipt', async () => {
    const first = await t.say(zhang, '楼下那盏灯坏了好几天了，晚上看不见路');
    expect(textsTo(first, zhang.id)[0]).toMatch(/1.*微心愿[\s\S]*2.*反映/u);
    expect((await t.api('GET', '/api/items')).body.items).toHaveLength(0);

    const kind = await t.say(zhang, '２');
    expect(textsTo(kind, zhang.id)[0]).toContain('地点');

    const place = await t.say(zhang, '5号楼东门');
    expect(textsTo(place, zhang.id)[0]).toContain('照片');

    const receipt = await t.say(zhang, '跳过');
    const text = textsTo(receipt, zhang.id)[0]!;
    const m = /编号 #(\d+)（问题反映 · (\S+)）/u.exec(text);
    expect(m).not.toBeNull();
    id = Number(m![1]);
    expect(m![2]).toBe('基础设施');
    expect(text).toMatch(/预计 \d+月\d+日 前办结/u);
    // Announced in the community's group, with the claim command, without the resident's name.
    const post = textsTo(receipt, group).join('\n');
    expect(post).toContain(`认领 ${id}`);
    expect(post).toContain('张*');
    expect(post).not.toContain('张桂兰');

    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(item).toMatchObject({ kind: 'report', status: 'open', place: '5号楼东门', category: '基础设施', text: '楼下那盏灯坏了好几天了，晚上看不见路' });
    expect(item.deadlineAt).not.toBeNull();
  });

  it('an official assigns it to a member, who is told privately; the submitter learns who holds it', async () => {
    const r = await t.say(zhao, `指派 ${id} @李志强`, { in: group });
    expect(textsTo(r, group).join('\n')).toContain('李志强');
    expect(textsTo(r, li.id).join('\n')).toContain('5号楼东门');
    expect(textsTo(r, zhang.id).join('\n')).toContain('李志强');
    expect((await t.api('GET', `/api/items/${id}`)).body).toMatchObject({ status: 'claimed', claimantName: '李志强' });
  });

  it('done → the submitter disputes → back to the claimant, and the official is alerted', async () => {
    await t.say(li, `完成 ${id} 已更换灯泡`);
    const r = await t.say(zhang, `不满意 ${id} 还是不亮`);
    expect(textsTo(r, li.id).join('\n')).toContain('还是不亮');
    expect(textsTo(r, zhao.id).join('\n')).toContain('不满意');
    expect((await t.api('GET', `/api/items/${id}`)).body.status).toBe('claimed');
  });

  it('done again → confirmed', async () => {
    await t.say(li, `完成 ${id} 换了整个灯头，已经亮了`);
    const r = await t.say(zhang, `确认 ${id} 4`);
    expect(textsTo(r, zhang.id)[0]).toContain('确认');
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(item).toMatchObject({ status: 'confirmed', rating: 4 });
    expect(item.events.map((e: { type: string }) => e.type)).toEqual(['created', 'assigned', 'done', 'disputed', 'done', 'confirmed']);
  });
});
