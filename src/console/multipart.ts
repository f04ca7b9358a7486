/**
 * multipart/form-data from a buffer: the roster upload is one small form (a CSRF field and one
 * file), already held whole under the route's body limit, so a streaming parser would add nothing.
 */
export type FormPart = { name: string; filename: string | null; type: string | null; data: Buffer };

export function parseMultipart(body: Buffer, contentType: string): FormPart[] | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/iu.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary || boundary.length > 200) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return null;
  for (;;) {
    pos += delimiter.length;
    // "--" after a delimiter ends the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return null;
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return null;
    const disposition = /^content-disposition:\s*form-data(.*)$/imu.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/iu.exec(disposition)?.[1];
    if (name === undefined) return null;
    const filename = /;\s*filename="([^"]*)"/iu.exec(disposition)?.[1] ?? null;
    const type = /^content-type:\s*(.+)$/imu.exec(headers)?.[1]?.trim() ?? null;
    parts.push({ name, filename, type, data: body.subarray(headerEnd + 4, next) });
    if (parts.length > 20) return null;
    pos = next + 2;
  }
}
