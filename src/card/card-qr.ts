
// The QR code of a community's link, with the qrcode package. Level M (15 % recovery) keeps the
// code small enough to scan from a printed A6 card even when a corner is worn.

/** An inline SVG, for the HTML card (sharp at any print size). */
export async function qrSvg(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode'); // on first use: not needed at start
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** A PNG of the code with its quiet zone, for sending in a chat or placing on a poster. */
export async function qrPng(url: string, width = 720): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width });
}
