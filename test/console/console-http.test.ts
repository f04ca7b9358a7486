import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, MINUTE } from '../../src/core/clock.ts';
import { newItem, setUpCommunity } from '../helpers/community.ts';
import { ADMIN_TOKEN, startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';

const wang = { id: 'wang', name: '王秀英' };
const zhao = { id: 'zhao', name: '赵书记' };
const liu = { id: 'liu', name: '刘主任' };

type Page = { status: number; text: string; headers: Headers };

// Issue 11 "Bad input": an expired or reused link, another community's official, a forged form, a
// 20 MB file, a file that is not a spreadsheet, nonsense filters: a clear Chinese answer, nothing changed.
describe('the console refuses bad input clearly and changes nothing', () => {
  const clock = fixedClock('2026-11-20T02:00:00Z');
  let t: TestApp;
  let sunItem = 0;
  let moonItem = 0;
  let zhaoCookie = '';
  let zhaoCsrf = '';

  const linkOf = async (who: { id: string; name: string }) => {
    const reply = textsTo(await t.say(who, '登录'), who.id).join('\n');
    const m = /(https?:\/\/\S+)/u.exec(reply);
    if (!m) throw new Error(`no link in ${reply}`);
    const u = new URL(m[1]!);
    return `${t.url}${u.pathname}${u.search}`;
  };
  const get = async (path: string, cookie = ''): Promise<Page> => {
    const res = await fetch(path.startsWith('http') ? path : `${t.url}${path}`, { headers: { cookie }, redirect: 'manual' });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const post = async (path: string, form: Record<string, string>, cookie = zhaoCookie): Promise<Page> => {
    const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), redirect: 'manual' });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const signIn = async (who: { id: string; name: string }) => {
    const res = await get(await linkOf(who));
    expect(res.status).toBe(303);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await get('/console/ledger', cookie);
    return { cookie, csrf: /name="csrf" value="([^"]+)"/u.exec(page.text)![1]! };
  };
  const item = async (id: number) => (await t.api('GET', `/api/items/${id}`)).body;

  beforeAll(async () => {
    t = await startTestApp({ overrides: { clock } });
    const sun = await setUpCommunity(t, '阳光社区', 'g-sun');
    const moon = await setUpCommunity(t, '明月社区', 'g-moon');
    await t.say(zhao, `报到 ${sun.officialCode}`);
    await t.say(liu, `报到 ${moon.officialCode}`);
    sunItem = await newItem(t, wang, '心愿 阳光的事', 'g-sun');
    moonItem = await newItem(t, wang, '心愿 明月的事', 'g-moon');
    ({ cookie: zhaoCookie, csrf: zhaoCsrf } = await signIn(zhao));
  });
  afterAll(() => t.close());

  it('登录: only officials, only in a direct chat', async () => {
    expect(textsTo(await t.say(wang, '登录'), wang.id).join('')).toContain('社区干部来做');
    const inGroup = textsTo(await t.say(zhao, '登录', { in: 'g-sun' }), 'g-sun').join('');
    expect(inGroup).toContain('私聊');
    expect(inGroup).not.toContain('token=');
  });

  it('a link older than 10 minutes is refused as expired; a made-up one as wrong; neither opens a session', async () => {
    const link = await linkOf(zhao);
    clock.set(new Date(clock.now().getTime() + 10 * MINUTE + 1000));
    const expired = await get(link);
    expect(expired.status).toBe(403);
    expect(expired.text).toContain('已过期');
    expect(expired.headers.get('set-cookie') ?? '').not.toContain('lx_console=');
    const madeUp = await get(`/console/login?token=${'x'.repeat(43)}`);
    expect(madeUp.text).toContain('这个登录链接不对');
    clock.set('2026-11-20T02:00:00Z');
  });

  it('without a session a page sends to the login, an action is refused', async () => {
    expect((await get('/console/ledger')).headers.get('location')).toBe('/console/login');
    const action = await post(`/console/items/${sunItem}/reject`, { reason: '测试', csrf: 'x' }, '');
    expect(action.status).toBe(401);
    expect((await item(sunItem)).status).toBe('open');
  });

  it('a form without the right CSRF token (another site posting) changes nothing', async () => {
    const forged = await post(`/console/items/${sunItem}/reject`, { reason: '不属于本社区' });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('页面已过期');
    expect((await item(sunItem)).status).toBe('open');
  });

  it('another community’s item: 403, nothing of it shown, nothing changed', async () => {
    const page = await get(`/console/items/${moonItem}`, zhaoCookie);
    expect(page.status).toBe(403);
    expect(page.text).not.toContain('明月的事');
    const act = await post(`/console/items/${moonItem}/reject`, { reason: '不归我', csrf: zhaoCsrf });
    expect(act.status).toBe(403);
    expect((await item(moonItem)).status).toBe('open');
    expect((await get(`/console/ledger?community=2`, zhaoCookie)).status).toBe(403);
    expect((await get(`/console/export.xlsx?community=2`, zhaoCookie)).status).toBe(403);
  });

  it('nonsense filters and forms: one Chinese sentence, 400', async () => {
    const ledger = await get('/console/ledger?page=-1', zhaoCookie);
    expect(ledger.status).toBe(400);
    expect(ledger.text).toContain('页码');
    const exported = await get('/console/export.csv?from=2026-02-30', zhaoCookie);
    expect(exported.status).toBe(400);
    expect(exported.text).toContain('不是有效日期');
    const overview = await get('/console/overview?period=year', zhaoCookie);
    expect(overview.status).toBe(400);
    const deadline = await post(`/console/items/${sunItem}/deadline`, { days: '999', csrf: zhaoCsrf });
    expect(deadline.status).toBe(400);
    expect(deadline.text).toContain('1 到 60 个工作日');
    const merge = await post(`/console/items/${sunItem}/merge`, { into: String(sunItem), csrf: zhaoCsrf });
    expect(merge.status).toBe(409);
    expect(merge.text).toContain('不能把事项合并到它自己');
    const mergeNowhere = await post(`/console/items/${sunItem}/merge`, { into: '99999', csrf: zhaoCsrf });
    expect(mergeNowhere.status).toBe(409);
    expect(mergeNowhere.text).toContain('没有找到 #99999，请核对编号。');
    expect(mergeNowhere.text).not.toContain('我的'); // the chat's hint, meaningless on a page
    const assign = await post(`/console/items/${sunItem}/assign`, { personId: 'abc', csrf: zhaoCsrf });
    expect(assign.status).toBe(400);
    expect(assign.text).toContain('请从名单里选择交给谁');
    expect(assign.text).not.toContain('NaN');
  });

  it('roster uploads: a 20 MB file and a picture are refused with what to do', async () => {
    const upload = async (data: Uint8Array, name: string) => {
      const form = new FormData();
      form.set('csrf', zhaoCsrf);
      form.set('file', new Blob([data]), name);
      const res = await fetch(`${t.url}/console/roster/preview`, { method: 'POST', headers: { cookie: zhaoCookie }, body: form });
      return { status: res.status, text: await res.text() };
    };
    const big = await upload(new Uint8Array(20 * 1024 * 1024).fill(65), '花名册.csv');
    expect(big.status).toBe(400);
    expect(big.text).toContain('文件太大了（20.0 MB），最大 5 MB');
    const picture = await upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'photo.png');
    expect(picture.text).toContain('不是表格文件');
    const people = await t.app.db.get<{ n: number }>('SELECT count(*) AS n FROM people');
    expect(people?.n).toBe(3);
  });

  it('the admin signs in with ADMIN_TOKEN only; a wrong token is refused', async () => {
    const page = await get('/console/login');
    const csrf = /name="csrf" value="([^"]+)"/u.exec(page.text)![1]!;
    const pre = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
    const wrong = await post('/console/login', { csrf, token: 'not-the-token-at-all' }, pre);
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('管理口令不对');
    const right = await post('/console/login', { csrf, token: ADMIN_TOKEN }, pre);
    expect(right.status).toBe(303);
    const admin = (right.headers.get('set-cookie') ?? '').split(/,(?=\s*lx_)/u).find((c) => c.trim().startsWith('lx_console='))!.split(';')[0]!.trim();
    expect((await get(`/console/items/${moonItem}`, admin)).status).toBe(200);
  });

  it('pages allow only Lianxin’s own scripts; assets are compressed and cached; no secret in a page', async () => {
    const secret = 'webhook-key-that-must-stay-secret';
    expect((await t.api('POST', '/api/groups', { platform: 'wecom', conversationId: 'wr-robot', communityId: 1, webhookKey: secret })).status).toBe(201);
    const page = await get('/console/groups', zhaoCookie);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toContain('wr-robot');
    expect(page.text).not.toContain(secret);
    expect(page.text).not.toContain(ADMIN_TOKEN);
    const echarts = await fetch(`${t.url}/console/assets/echarts.min.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get('cache-control')).toContain('immutable');
    expect((await echarts.text()).length).toBeGreaterThan(500_000);
  });
});
