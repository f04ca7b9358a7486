import { describe, expect, it } from 'vitest';
import { CallbackRejected } from '../../../src/channels/wecom/callback-rejected.ts';
import { parseXml } from '../../../src/channels/wecom/parse-xml.ts';

describe('parseXml', () => {
  it('reads the callback envelope with or without CDATA, with whitespace between elements', () => {
    const xml = `<xml>
      <ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName>
      <Encrypt><![CDATA[abc+/=]]></Encrypt>
      <AgentID>1000002</AgentID>
    </xml>`;
    expect(parseXml(xml)).toEqual({ name: 'xml', value: { ToUserName: 'ww1234567890abcdef', Encrypt: 'abc+/=', AgentID: '1000002' } });
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?><xml><A>1</A></xml>').value).toEqual({ A: '1' });
  });

  it('keeps a 64-bit MsgId exactly as sent', () => {
    expect(parseXml('<xml><MsgId>4561255354251345929</MsgId></xml>').value.MsgId).toBe('4561255354251345929');
  });

  it('keeps CDATA content raw and decodes only the predefined entities and character references', () => {
    expect(parseXml('<xml><C><![CDATA[a < b & <xml> ]] &amp;]]></C></xml>').value.C).toBe('a < b & <xml> ]] &amp;');
    expect(parseXml('<xml><C>a &amp; b &lt;c&gt; &quot;&apos; &#20320;&#x597D;</C></xml>').value.C).toBe('a & b <c> "\' 你好');
    expect(parseXml('<xml><C>x<![CDATA[ & ]]>y</C></xml>').value.C).toBe('x & y');
  });

  it('reads nested elements (e.g. SendLocationInfo) and empty ones', () => {
    expect(parseXml('<xml><E/><F></F><S><Label><![CDATA[x]]></Label></S></xml>').value).toEqual({ E: '', F: '', S: { Label: 'x' } });
  });

  const refused = {
    'an entity bomb': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xml><Content>&lol2;</Content></xml>`,
    'an external entity': `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>`,
    'a lower-case doctype': `<!doctype xml><xml/>`,
    'an undeclared entity': '<xml><Content>&lol;</Content></xml>',
    'a bare ampersand': '<xml><Content>a & b</Content></xml>',
    'a truncated document': '<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[abc',
    'an unclosed root': '<xml><A>1</A>',
    'mismatched tags': '<xml><A>1</B></xml>',
    'attributes': '<xml><A x="1">1</A></xml>',
    'an element twice': '<xml><A>1</A><A>2</A></xml>',
    'text mixed with elements': '<xml>hi<A>1</A></xml>',
    'content after the root': '<xml><A>1</A></xml><xml/>',
    'markup declarations inside': '<xml><!ELEMENT a ANY><A>1</A></xml>',
    'not XML at all': '{"encrypt":"abc"}',
    'an empty body': '',
  };
  for (const [what, xml] of Object.entries(refused)) {
    it(`refuses ${what}`, () => {
      expect(() => parseXml(xml)).toThrow(CallbackRejected);
    });
  }

  it('refuses deep nesting', () => {
    expect(() => parseXml(`${'<a>'.repeat(10)}x${'</a>'.repeat(10)}`)).toThrow(CallbackRejected);
  });
});
