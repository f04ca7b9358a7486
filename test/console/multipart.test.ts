import { describe, expect, it } from 'vitest';
import { parseMultipart } from '../../src/console/multipart.ts';

describe('multipart/form-data of the roster upload', () => {
  it('reads the fields and the file as a browser sends them, bytes intact', async () => {
    const form = new FormData();
    form.set('csrf', 'abc');
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x00]);
    form.set('file', new Blob([bytes], { type: 'application/octet-stream' }), '花名册.xlsx');
    const req = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await req.arrayBuffer());
    const parts = parseMultipart(body, req.headers.get('content-type')!);
    expect(parts?.map((p) => [p.name, p.filename, p.data.toString('hex')])).toEqual([
      ['csrf', null, Buffer.from('abc').toString('hex')],
      ['file', '花名册.xlsx', bytes.toString('hex')],
    ]);
  });

  it('anything malformed is null, not a crash', () => {
    expect(parseMultipart(Buffer.from('hello'), 'multipart/form-data; boundary=x')).toBeNull();
    expect(parseMultipart(Buffer.from('--x\r\nno headers end'), 'multipart/form-data; boundary=x')).toBeNull();
    expect(parseMultipart(Buffer.from('--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--'), 'multipart/form-data; boundary=x')).toBeNull();
    expect(parseMultipart(Buffer.from(''), 'multipart/form-data')).toBeNull();
  });
});
