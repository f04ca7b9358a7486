import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, newItem, newReport, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../helpers/test-app.ts';
import { CHROMIUM, launchBrowser, phonePage } from '../helpers/browser.ts';
import { testDbKind, testTempDir } from '../helpers/test-db.ts';

const wang = { id: 'wang', name: '王秀英' };
const zhang = { id: 'zhang', name: '张桂兰' };
const li = { id: 'li', name: '李志强' };
const zhao = { id: 'zhao', name: '赵书记' };
const moonOfficial = { id: 'liu', name: '刘主任' };
const group = 'g-sun';

// Issue 11 "Browser tests": as an official would, in Chromium, on a phone-sized screen. Once per
// run (SQLite): the pages are the same on both databases, which the other console tests cover.
describe.runIf(CHROMIUM !== null && testDbKind() === 'sqlite')('the console in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let wish = 0;
  let lamp = 0;
  let moonItem = 0;

  /** The link the bot sends for 登录, pointed at this test's port. */
  async function signInLink(who: { id: string; name: string }): Promise<string> {
    const reply = textsTo(await t.say(who, '登录'), who.id).join('\n');
    const m = /(https?:\/\/\S+\/console\/login\?token=[\w-]+)/u.exec(reply);
    if (!m) throw new Error(`no link in: ${reply}`);
    const link = new URL(m[1]!);
    return `${t.url}${link.pathname}${link.search}`;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const sun = await setUpCommunity(t, '阳光社区', group);
    const moon = await setUpCommunity(t, '明月社区', 'g-moon');
    await t.say(li, `报到 ${sun.memberCode}`);
    await t.say(zhao, `报到 ${sun.officialCode}`);
    await t.say(moonOfficial, `报到 ${moon.officialCode}`);
    wish = await newItem(t, wang, '心愿 家里水龙头漏水，想请人帮忙修一下', group);
    // Heard in the group first, so her direct chat belongs to 阳光社区.
    await t.say(zhang, '帮助', { in: group });
    lamp = await newReport(t, zhang, '楼道的灯坏了，晚上很黑', '3号楼2单元');
    moonItem = await newItem(t, wang, '心愿 明月社区的事', 'g-moon');
    browser = await launchBrowser();
    ({ page, problems } = await phonePage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an official signs in through the link the bot sent, once; the link does not work twice', async () => {
    const link = await signInLink(zhao);
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe('/console/ledger');
    await expect(page.locator('h1').textContent()).resolves.toBe('台账');
    await expect(page.locator('.who').textContent()).resolves.toContain('赵书记');
    // The same link again, in another browser: refused, in Chinese, and no session.
    const other = await phonePage(browser);
    await other.page.goto(link);
    await expect(other.page.locator('.notice.error').textContent()).resolves.toContain('已经用过了');
    await other.page.goto(`${t.url}/console/ledger`);
    expect(new URL(other.page.url()).pathname).toBe('/console/login');
    await other.context.close();
  });

  it('the ledger shows this community only, and filters as asked', async () => {
    const rows = page.locator('tr[data-item]');
    await expect(rows.evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-item'))))).resolves.toEqual([lamp, wish]);
    await page.locator('select[name=status]').selectOption('open');
    await page.locator('details.more summary').click();
    await page.locator('select[name=kind]').selectOption('report');
    await page.getByRole('button', { name: '筛选' }).click();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('report');
    await expect(rows.evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-item'))))).resolves.toEqual([lamp]);
    await expect(page.locator('[data-total]').first().textContent()).resolves.toBe('1');
    // Nonsense in the address: a Chinese sentence, status 400, nothing else.
    const bad = await page.goto(`${t.url}/console/ledger?status=banana`);
    expect(bad?.status()).toBe(400);
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('状态“banana”不对');
  });

  it('another community’s item is refused with 403 and nothing of it shown', async () => {
    const res = await page.goto(`${t.url}/console/items/${moonItem}`);
    expect(res?.status()).toBe(403);
    await expect(page.content()).resolves.not.toContain('明月社区的事');
  });

  it('assigning an item in the console tells the chat side as the command would', async () => {
    await page.goto(`${t.url}/console/items/${lamp}`);
    await expect(page.locator('[data-field=text]').textContent()).resolves.toBe('楼道的灯坏了，晚上很黑');
    const form = page.locator('form[action$="/assign"]');
    await form.locator('select[name=personId]').selectOption({ label: '李志强' });
    await form.getByRole('button', { name: '交办' }).click();
    await expect(page.locator('.notice.ok').textContent()).resolves.toContain('已交办');
    await expect(page.locator('[data-field=holder]').textContent()).resolves.toBe('李志强');
    await expect(page.locator('ol.timeline').textContent()).resolves.toContain('指派（赵书记）');
    await t.settle();
    expect((await conversation(t, li.id)).join('\n')).toContain(`社区把 #${lamp}`);
    expect((await conversation(t, zhang.id)).join('\n')).toContain('已交由 李志强 办理');
    expect((await conversation(t, group)).join('\n')).toContain(`#${lamp} 已由 李志强 认领`);
    expect((await t.api('GET', `/api/items/${lamp}`)).body).toMatchObject({ status: 'claimed', claimantName: '李志强' });
  });

  it('the workbook downloads with the ledger’s filters and reads back against the API', async () => {
    await page.goto(`${t.url}/console/ledger?kind=wish`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    const file = `${testTempDir()}/ledger.xlsx`;
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('台账')!;
    expect(sheet.rowCount).toBe(2);
    const api = (await t.api('GET', `/api/items/${wish}`)).body;
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(api.id);
    expect(row.getCell(2).value).toBe('微心愿');
    expect(row.getCell(4).value).toBe(api.text);
    expect(row.getCell(7).value).toBe('王*');
    expect(row.getCell(11).value).toBe('待认领');
    // 提出时间 is the API's instant shown in Shanghai time (8 hours ahead), as a real date cell.
    expect((row.getCell(9).value as Date).getTime()).toBe(new Date(api.createdAt).getTime() + 8 * 3600_000);
    expect(wb.getWorksheet('统计')).toBeDefined();
  });

  it('a roster with one bad row: the preview lists the problem, the good rows are imported and act at once', async () => {
    const csv = ['姓名,手机号,平台,平台账号,角色,社区,网格', '陈建国,13800001111,钉钉,chenjg,党员,阳光社区,第一网格', '坏行,12345,钉钉,bad,党员,火星社区,'].join('\r\n');
    const file = `${testTempDir()}/花名册.csv`;
    (await import('node:fs')).writeFileSync(file, `\uFEFF${csv}`);
    await page.goto(`${t.url}/console/people`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.locator('tr[data-line="3"] .problems').textContent()).resolves.toContain('手机号“12345”不对');
    await expect(page.locator('tr[data-line="3"] .problems').textContent()).resolves.toContain('没有叫“火星社区”的社区');
    await expect(page.locator('tr[data-line="2"]').textContent()).resolves.toContain('新增');
    await page.getByRole('button', { name: /导入没有问题的 1 行/u }).click();
    await expect(page.locator('.notice.ok').textContent()).resolves.toContain('新增 1 人');
    await expect(page.locator('table.people').textContent()).resolves.toContain('陈建国');
    // A member at once, with no invite code: an official can hand him an item right away.
    await page.goto(`${t.url}/console/items/${wish}`);
    await expect(page.locator('form[action$="/assign"] select[name=personId]').textContent()).resolves.toContain('陈建国');
    // The same sheet again changes nothing.
    await page.goto(`${t.url}/console/people`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.locator('tr[data-line="2"]').textContent()).resolves.toContain('不变');
  });

  it('概览 draws its charts from Lianxin’s own ECharts; nothing left the machine, no script failed', async () => {
    await page.goto(`${t.url}/console/overview`);
    await page.locator('[data-chart="trend"][data-drawn="true"]').waitFor();
    await expect(page.locator('[data-figure=created] .value').textContent()).resolves.not.toBe('');
    expect(problems).toEqual([]);
  });
});
