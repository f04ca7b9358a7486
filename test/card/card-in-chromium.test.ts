import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCardHtml } from '../../src/card/card-html.ts';
import { qrSvg } from '../../src/card/card-qr.ts';

// The card as an office opens and prints it: in Chromium (issue 10 checks it there). Skipped where
// no Chromium is installed.

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p): p is string => Boolean(p && existsSync(p)),
);
const MM = 96 / 25.4;

describe.skipIf(!executablePath)('the 连心卡 in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  });
  afterAll(() => browser?.close());

  const link = 'https://work.weixin.qq.com/kfid/kfc0123456789abcdef?enc_scene=ENCabcdef&scene_param=community-7';

  it('is one A6 page whose content fits, with a QR code big enough to scan', async () => {
    const page = await browser.newPage();
    await page.setContent(
      renderCardHtml({ communityName: '朝阳区幸福里街道幸福里第一社区', link, qrSvg: await qrSvg(link), phone: '010-62345678', groups: [], setupHint: null }),
    );
    await page.emulateMedia({ media: 'print' });
    const card = (await page.locator('.card').boundingBox())!;
    expect(card.width).toBeCloseTo(105 * MM, 0);
    expect(card.height).toBeCloseTo(148 * MM, 0);
    // Nothing spills out of the card: every part ends above its bottom edge.
    const bottoms = await page.locator('.card > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
    for (const b of bottoms) expect(b).toBeLessThanOrEqual(card.y + card.height + 0.5);
    const qr = (await page.locator('.qr svg').boundingBox())!;
    expect(qr.width).toBeGreaterThan(45 * MM);
    expect(await page.locator('h1').textContent()).toBe('朝阳区幸福里街道幸福里第一社区');
    expect(await page.locator('li b').allTextContents()).toEqual(['心愿 内容', '反映 内容', '查询 编号']);

    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/gu)).toHaveLength(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/u.exec(pdf);
    // 105 × 148 mm in points (Chromium rounds to whole points).
    expect(Math.abs(Number(box![1]) - 297.6)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(box![2]) - 419.5)).toBeLessThanOrEqual(1);
    await page.close();
  });
});
