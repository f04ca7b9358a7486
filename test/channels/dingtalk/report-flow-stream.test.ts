import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DingtalkHttpFake } from '../../fakes/dingtalk-http-fake.ts';
import { DingtalkStreamFake } from '../../fakes/dingtalk-stream-fake.ts';
import { robotMessage, type DingtalkPerson } from '../../fakes/dingtalk-robot-message.ts';
import type { TestApp } from '../../helpers/test-app.ts';
import { countRows } from '../../helpers/test-db.ts';
import { APP, startDingtalkApp, waitUntil } from './dingtalk-test-app.ts';

// 王秀英 is a resident from outside the organisation (no userId); 李志强 a party member, 赵书记 an official.
const wang: DingtalkPerson = { staffId: '', senderId: '$:LWCP_v1:$wangxiuying', nick: '王秀英' };
const li: DingtalkPerson = { staffId: 'li4711', senderId: '$:LWCP_v1:$lizhiqiang', nick: '李志强' };
const zhao: DingtalkPerson = { staffId: 'zhao0815', senderId: '$:LWCP_v1:$zhaoshuji', nick: '赵书记' };
const GROUP = 'cidHePingResidents==';

describe('a whole report in a DingTalk group, over Stream', () => {
  let t: TestApp;
  let http: DingtalkHttpFake;
  let stream: DingtalkStreamFake;
  let n = 0;
  let id = 0;

  /** One message as DingTalk delivers it; returns what the bot answered into that message's session. */
  const say = async (from: DingtalkPerson, text: string, inGroup: boolean): Promise<string[]> => {
    const session = `s${++n}`;
    const messageId = stream.push(robotMessage({ from, text: inGroup ? ` ${text}` : text, group: inGroup ? GROUP : undefined, sessionWebhook: http.sessionWebhook(session) }));
    await waitUntil(() => stream.acknowledged.has(messageId), 5000, 'the ack');
    await t.app.inbound.idle();
    await waitUntil(async () => (await countRows(t.app.db, 'outbox_messages', "status IN ('pending', 'sending')")) === 0, 15_000, 'the outbox');
    return http.sessionTexts(session);
  };
  /** Everything sent into a person's single chat, whichever session it went through. */
  const dmTo = (p: DingtalkPerson) =>
    http.to('/robot/sendBySession').filter((r) => singleSessions.get(r.query.session!) === p.senderId).map((r) => r.body.text.content as string);
  const singleSessions = new Map<string, string>();
  const sayDirect = async (from: DingtalkPerson, text: string) => {
    singleSessions.set(`s${n + 1}`, from.senderId);
    return say(from, text, false);
  };

  beforeAll(async () => {
    http = await DingtalkHttpFake.start({ appKey: APP.clientId, appSecret: APP.clientSecret });
    stream = await DingtalkStreamFake.start(APP);
    t = await startDingtalkApp({ http, stream });
    const c = await t.api('POST', '/api/communities', { name: '和平社区' });
    expect((await t.api('POST', '/api/groups', { platform: 'dingtalk', conversationId: GROUP, communityId: c.body.id, name: '和平社区居民群' })).status).toBe(201);
    const member = await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'member' });
    const official = await t.api('POST', '/api/invites', { communityId: c.body.id, role: 'official' });
    await waitUntil(() => stream.live === 1, 5000, 'the Stream connection');
    expect((await sayDirect(li, `报到 ${member.body.code}`)).join()).toContain('党员志愿者');
    expect((await sayDirect(zhao, `报到 ${official.body.code}`)).join()).toContain('社区干部');
    // The resident once wrote to the bot directly: notices can reach her while that chat's session lasts.
    await sayDirect(wang, '你好');
  });
  afterAll(async () => {
    await t.close();
    await stream.close();
    await http.close();
  });

  it('report → place → photo skipped → receipt, all in the group', async () => {
    expect((await say(wang, '反映 楼下的路灯坏了好几天了，晚上看不见路', true)).join()).toContain('地点');
    expect((await say(wang, '5号楼东门', true)).join()).toContain('照片');
    const receipt = (await say(wang, '跳过', true)).join('\n');
    const m = /编号 #(\d+)（问题反映 · (\S+)）/u.exec(receipt);
    expect(m).not.toBeNull();
    id = Number(m![1]);
    expect(receipt).toContain(`认领 ${id}`);
    expect((await t.api('GET', `/api/items/${id}`)).body).toMatchObject({ kind: 'report', status: 'open', place: '5号楼东门', submitterName: '王秀英' });
  });

  it('the official assigns it in the group; the member is told privately, the resident learns who holds it', async () => {
    const reply = (await say(zhao, `指派 ${id} @李志强`, true)).join();
    expect(reply).toContain('李志强');
    expect(dmTo(li).join('\n')).toContain('5号楼东门');
    expect(dmTo(wang).join('\n')).toMatch(/李志强/u);
    expect((await t.api('GET', `/api/items/${id}`)).body).toMatchObject({ status: 'claimed', claimantName: '李志强' });
  });

  it('the member completes it in a direct chat; the resident confirms in the group', async () => {
    expect((await sayDirect(li, `完成 ${id} 已更换灯泡`)).join()).toContain('办结');
    expect(dmTo(wang).join('\n')).toContain('已更换灯泡');
    expect((await say(wang, `确认 ${id} 5`, true)).join()).toContain('确认');
    const item = (await t.api('GET', `/api/items/${id}`)).body;
    expect(item).toMatchObject({ status: 'confirmed', rating: 5 });
    expect(item.events.map((e: { type: string }) => e.type)).toEqual(['created', 'assigned', 'done', 'confirmed']);
  });

  it('delivered everything through DingTalk: no message dead, none left unacknowledged, one connection', async () => {
    expect(await countRows(t.app.db, 'outbox_messages', "status <> 'sent'")).toBe(0);
    expect(stream.unacknowledged).toBe(0);
    expect(stream.connections).toBe(1);
    // Replies in the group @-mention members of the org (never the outsider, who has no userId).
    const groupReplies = http.to('/robot/sendBySession').filter((r) => !singleSessions.has(r.query.session!));
    expect(groupReplies.some((r) => r.body.at?.atUserIds?.[0] === 'zhao0815')).toBe(true);
    expect(groupReplies.every((r) => !JSON.stringify(r.body.at ?? {}).includes('LWCP'))).toBe(true);
  });
});
