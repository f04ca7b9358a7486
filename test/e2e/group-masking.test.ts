import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, HOUR, DAY } from '../../src/core/clock.ts';
import type { OutboxMessage } from '../../src/db/rows.ts';
import { DingtalkHttpFake } from '../fakes/dingtalk-http-fake.ts';
import { WecomApiFake } from '../fakes/wecom-api-fake.ts';
import { newItem, newReport, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

// Issue 9 item 2: a resident's phone and ID-card numbers never reach a group — not the simulator's,
// not a WeCom group robot's, not a DingTalk custom robot's — whatever the bot posts there: the
// announcement, the receipt in the group, 查询 and 待认领 there, the claim notice, the
// re-announcement, the daily nudge and the weekly bulletin's thanks. The ledger keeps the text,
// the claimant gets it privately, and the officials' digest shows it masked.

const PHONE = '13812345678';
const ID_CARD = '110101199003071234';
const PHONE_2 = '13987654321';
const PHONE_3 = '13600002222';
const SECRETS = [PHONE, ID_CARD, PHONE_2, PHONE_3];
const WISH = `心愿 帮忙修水龙头，电话${PHONE}，身份证${ID_CARD}`;

const wang = { id: 'wang', name: '王秀英' };
const zhang = { id: 'zhang', name: '张桂兰' };
const li = { id: 'li', name: '李志强' };
const zhao = { id: 'zhao', name: '赵书记' };
const SIM_GROUP = 'g-mask';
const WECOM_GROUP = 'wecom-mask';
const WECOM_KEY = 'webhook-key-of-wecom-mask';
const DT_GROUP = 'cid-mask==';
const DT_ROBOT = { token: 'robot-token-mask', secret: 'SECrobot-secret-mask-0123456789' };

/** Whether `text` shows a number, whole or any seven digits of it in a row (a number cut short). */
function leaks(text: string): string | null {
  for (const secret of SECRETS) {
    for (let i = 0; i + 7 <= secret.length; i++) if (text.includes(secret.slice(i, i + 7))) return secret;
  }
  return null;
}

describe('numbers in what residents write never reach a group', () => {
  const clock = fixedClock('2026-11-17T02:00:00Z'); // a Tuesday, 10:00 in Shanghai
  let t: TestApp;
  let wecom: WecomApiFake;
  let dingtalk: DingtalkHttpFake;
  let wish = 0;

  // The robots take 20 posts a minute: the app's clock runs a minute every 50 ms, so that paced posts
  // go out at once and nobody waits for them.
  let ticker: NodeJS.Timeout | undefined;
  /** Waits until everything the bot said has gone out. */
  const flush = async () => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      await t.app.inbound.idle();
      const open = await t.app.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox_messages WHERE status IN ('pending', 'sending')");
      if (open!.n === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the outbox did not drain');
  };
  const runJob = async (name: string) => {
    const r = await t.api('POST', `/api/jobs/${name}/run`);
    expect(r.status).toBe(200);
    await flush();
  };
  /** Every text the bot posted into a group: the simulator's from the outbox, the others as the platforms got them. */
  const groupPosts = async () => {
    const sim = await t.app.db.all<Pick<OutboxMessage, 'text'>>(
      "SELECT text FROM outbox_messages WHERE platform = 'sim' AND target_type = 'group' ORDER BY id",
    );
    const wecomPosts = wecom.callsTo('/cgi-bin/webhook/send').map((c) => String(c.body?.[c.body?.msgtype]?.content ?? ''));
    const dingtalkPosts = dingtalk.robotTexts(DT_ROBOT.token);
    return { sim: sim.map((r) => r.text), wecom: wecomPosts, dingtalk: dingtalkPosts };
  };

  beforeAll(async () => {
    wecom = await WecomApiFake.start();
    dingtalk = await DingtalkHttpFake.start({ appKey: 'unused', appSecret: 'unused' });
    dingtalk.now = () => clock.now().getTime();
    dingtalk.addRobot(DT_ROBOT.token, DT_ROBOT.secret);
    t = await startTestApp({
      env: { WECOM_WEBHOOK_BASE: wecom.url, DINGTALK_OAPI_BASE: dingtalk.url },
      overrides: { clock },
    });
    const c = await setUpCommunity(t, '连心社区', SIM_GROUP);
    expect((await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: WECOM_GROUP, communityId: c.communityId, webhookKey: WECOM_KEY })).status).toBe(201);
    expect(
      (
        await t.api('POST', '/api/groups', {
          platform: 'dingtalk',
          conversationId: DT_GROUP,
          communityId: c.communityId,
          webhookToken: DT_ROBOT.token,
          webhookSecret: DT_ROBOT.secret,
        })
      ).status,
    ).toBe(201);
    await t.say(li, `报到 ${c.memberCode}`);
    await t.say(zhao, `报到 ${c.officialCode}`);
    ticker = setInterval(() => {
      clock.advance(61_000);
      t.app.dispatcher.kick();
    }, 50);
  });
  afterAll(async () => {
    clearInterval(ticker);
    await t?.close();
    await wecom?.close();
    await dingtalk?.close();
  });

  it('the wish posted in a group: the receipt there and the announcement in every other group are masked', async () => {
    wish = await newItem(t, wang, WISH, SIM_GROUP);
    await flush();
    const posts = await groupPosts();
    expect(posts.wecom.join('\n')).toContain(`#${wish}`);
    expect(posts.dingtalk.join('\n')).toContain(`#${wish}`);
    // The text is there, its numbers masked.
    expect(posts.wecom.join('\n')).toContain('138****5678');
    for (const text of [...posts.sim, ...posts.wecom, ...posts.dingtalk]) expect(leaks(text), text).toBeNull();
    // The ledger keeps what was written.
    expect((await t.api('GET', `/api/items/${wish}`)).body.text).toBe(WISH.replace(/^心愿 /u, ''));
  });

  it('查询 and 待认领 in the group are masked; 查询 in a direct chat by the submitter is not', async () => {
    const status = textsTo(await t.say(wang, `查询 ${wish}`, { in: SIM_GROUP }), SIM_GROUP).join('\n');
    expect(status).toContain(`#${wish}`);
    expect(leaks(status)).toBeNull();
    const open = textsTo(await t.say(zhang, '待认领', { in: SIM_GROUP }), SIM_GROUP).join('\n');
    expect(open).toContain(`#${wish}`);
    expect(leaks(open)).toBeNull();
    const own = textsTo(await t.say(wang, `查询 ${wish}`), wang.id).join('\n');
    expect(own).toContain(PHONE);
  });

  it('a claim in the group: the group sees it masked, the claimant gets the full text privately', async () => {
    const reply = await t.say(li, `认领 ${wish}`, { in: SIM_GROUP });
    await flush();
    expect(textsTo(reply, SIM_GROUP).join('\n')).toContain('认领成功');
    const details = textsTo(reply, li.id).join('\n');
    expect(details).toContain(PHONE);
    expect(details).toContain(ID_CARD);
    const posts = await groupPosts();
    for (const text of [...posts.sim, ...posts.wecom, ...posts.dingtalk]) expect(leaks(text), text).toBeNull();
  });

  it('released and announced again, then nudged a day later: masked in every group', async () => {
    await t.say(li, `放弃 ${wish} 临时出差`);
    await flush();
    clock.advance(DAY + HOUR);
    await runJob('group-nudge');
    const posts = await groupPosts();
    expect(posts.wecom.some((p) => p.includes('重新待认领'))).toBe(true);
    expect(posts.dingtalk.some((p) => p.includes('待认领提醒'))).toBe(true);
    for (const text of [...posts.sim, ...posts.wecom, ...posts.dingtalk]) expect(leaks(text), text).toBeNull();
  });

  it('a report with a number in its place, a thanks with a number in the weekly bulletin, the officials’ digest: masked', async () => {
    const report = await newReport(t, zhang, '楼道的灯坏了，晚上很黑', `3号楼东门，联系人${PHONE_3}`);
    await t.say(wang, `附议 ${report}`);
    const tap = await newItem(t, zhang, '心愿 帮忙换个灯泡', SIM_GROUP);
    await t.say(li, `认领 ${tap}`);
    await t.say(li, `完成 ${tap} 换好了`);
    await t.say(zhang, `确认 ${tap} 5 谢谢李师傅，以后有事打我电话${PHONE_2}`);
    await flush();
    // The bulletin and the digest cover the seven whole days before the day they go out.
    clock.advance(7 * DAY);
    await runJob('weekly-bulletin');
    await runJob('official-digest');
    const posts = await groupPosts();
    const bulletins = posts.dingtalk.filter((p) => p.includes('周报'));
    expect(bulletins.length).toBe(1);
    expect(bulletins[0]).toContain('谢谢李师傅');
    expect(posts.wecom.some((p) => p.includes('3号楼东门'))).toBe(true);
    for (const text of [...posts.sim, ...posts.wecom, ...posts.dingtalk]) expect(leaks(text), text).toBeNull();

    const digest = await t.app.db.all<Pick<OutboxMessage, 'text'>>(
      "SELECT text FROM outbox_messages WHERE target_type = 'user' AND target_id = ? AND text LIKE ? ORDER BY id",
      [zhao.id, '%工作周报%'],
    );
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text).toContain(`#${report}`);
    expect(leaks(digest[0]!.text)).toBeNull();
  });
});
