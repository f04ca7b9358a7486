/** What one community's card (连心卡) shows. */
export type CardContent = {
  communityName: string;
  /** The 微信客服 link residents open by scanning; null when there is none yet. */
  link: string | null;
  /** The link's QR code as inline SVG (from qrSvg), when there is a link. */
  qrSvg: string | null;
  /** The community office's phone, printed when set. */
  phone: string | null;
  /** Other ways in to mention when there is no link: the community's group chats. */
  groups: string[];
  /** For the admin previewing a card without a link: what to configure (never printed for residents as a QR). */
  setupHint: string | null;
};

const HOW_TO = [
  ['心愿 内容', '许个微心愿，党员志愿者来认领', '心愿 帮我家老人修水龙头'],
  ['反映 内容', '反映小区里的问题，社区限时办理', '反映 3号楼路灯不亮了'],
  ['查询 编号', '看看办到哪一步了', '查询 12'],
] as const;

/**
 * The printable card: A6 (105 × 148 mm), one page, black on white so any office printer does it
 * justice. Every value is escaped: community names and phones come from the admin API.
 */
export function renderCardHtml(c: CardContent): string {
  const name = esc(c.communityName);
  const lines = HOW_TO.map(([cmd, what, example]) => `<li><b>${esc(cmd)}</b><span>${esc(what)}</span><small>例：${esc(example)}</small></li>`).join('');
  let wayIn: string;
  if (c.link && c.qrSvg) {
    wayIn = `<div class="qr" role="img" aria-label="${name}连心卡二维码">${c.qrSvg}</div><p class="scan">微信扫一扫，直接给社区留言</p>`;
  } else if (c.groups.length > 0) {
    wayIn = `<div class="noqr"><p>在社区群里 @连心 发消息：</p><p class="groups">${c.groups.slice(0, 4).map(esc).join('<br>')}</p></div>`;
  } else {
    wayIn = `<div class="noqr"><p>此卡还没有二维码</p>${c.setupHint ? `<p class="hint">${esc(c.setupHint)}</p>` : ''}</div>`;
  }
  const phone = c.phone ? `<p class="phone">社区电话：<b>${esc(c.phone)}</b></p>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · 连心卡</title>
<style>
@page { size: 105mm 148mm; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #111; background: #eee; }
.card { width: 105mm; height: 148mm; margin: 8mm auto; padding: 7mm 8mm; background: #fff; display: flex; flex-direction: column; align-items: center; overflow: hidden; border: 0.3mm solid #c8102e; }
.brand { margin: 0; font-size: 10pt; letter-spacing: 0.3em; color: #c8102e; }
h1 { margin: 1.5mm 0 3mm; font-size: 17pt; text-align: center; line-height: 1.2; }
.qr { width: 52mm; height: 52mm; }
.qr svg { width: 100%; height: 100%; display: block; }
.scan { margin: 1mm 0 3mm; font-size: 10pt; }
.noqr { width: 70mm; min-height: 30mm; margin-bottom: 3mm; padding: 4mm; border: 0.3mm dashed #999; text-align: center; font-size: 10pt; }
.noqr p { margin: 1mm 0; }
.hint { font-size: 8pt; color: #555; word-break: break-all; }
ol { list-style: none; margin: 0; padding: 0; width: 100%; font-size: 9.5pt; }
li { display: grid; grid-template-columns: 22mm 1fr; column-gap: 2mm; padding: 1.2mm 0; border-top: 0.2mm solid #ddd; }
li b { grid-row: span 2; color: #c8102e; }
li small { color: #555; font-size: 8pt; }
.phone { margin: auto 0 0; font-size: 10pt; }
@media print {
  body { background: #fff; }
  .card { margin: 0; border: none; page-break-after: always; }
}
</style>
</head>
<body>
<main class="card">
<p class="brand">党群连心卡</p>
<h1>${name}</h1>
${wayIn}
<ol>${lines}</ol>
${phone}
</main>
</body>
</html>
`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/gu, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
