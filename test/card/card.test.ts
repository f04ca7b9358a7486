import { describe, expect, it } from 'vitest';
import { renderCardHtml, type CardContent } from '../../src/card/card-html.ts';
import { qrPng, qrSvg } from '../../src/card/card-qr.ts';

const link = 'https://work.weixin.qq.com/kfid/kfc0123456789abcdef?enc_scene=ENCabc&scene_param=community-7';
const base: CardContent = { communityName: '幸福里社区', link: null, qrSvg: null, phone: null, groups: [], setupHint: null };

describe('the community card (连心卡)', () => {
  it('is an A6 page with the name, the QR code, the three ways to use it and the office phone', async () => {
    const html = renderCardHtml({ ...base, link, qrSvg: await qrSvg(link), phone: '010-62345678' });
    expect(html).toContain('@page { size: 105mm 148mm; margin: 0; }'); // A6; not every browser knows the keyword
    expect(html).toContain('<h1>幸福里社区</h1>');
    expect(html).toMatch(/<div class="qr"[^>]*><svg[^>]*viewBox/u);
    for (const cmd of ['心愿 内容', '反映 内容', '查询 编号']) expect(html).toContain(`<b>${cmd}</b>`);
    expect(html).toContain('社区电话：<b>010-62345678</b>');
  });

  it('escapes what the admin typed', () => {
    const html = renderCardHtml({ ...base, communityName: '<script>alert(1)</script>社区', phone: '"><img src=x>' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('without a link names the community groups, or says what to configure', () => {
    expect(renderCardHtml({ ...base, groups: ['幸福里1号楼群'] })).toContain('在社区群里 @连心 发消息');
    const html = renderCardHtml({ ...base, setupHint: '配置 WECOM_KF_* 后调用 POST /api/communities/7/wechat-link' });
    expect(html).toContain('此卡还没有二维码');
    expect(html).toContain('WECOM_KF_*');
    expect(html).not.toContain('社区电话');
  });

  it('makes a PNG of the QR code', async () => {
    const png = await qrPng(link, 480);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(480);
  });
});
