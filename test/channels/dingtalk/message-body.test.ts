import { describe, expect, it } from 'vitest';
import { markdownTitle, openApiMessage, webhookBody } from '../../../src/channels/dingtalk/message-body.ts';

describe('DingTalk message bodies', () => {
  it('@-mentions on webhooks: the userId in at.atUserIds and written in the text', () => {
    expect(webhookBody('已认领 #12', 'text', { mention: 'li4711' })).toEqual({
      msgtype: 'text',
      text: { content: '@li4711 已认领 #12' },
      at: { atUserIds: ['li4711'], isAtAll: false },
    });
    expect(webhookBody('你好', 'text')).toEqual({ msgtype: 'text', text: { content: '你好' } });
  });

  it('markdown carries a plain title from its first line', () => {
    expect(webhookBody('## 本周公示\n- 新增 3 件', 'markdown', { msgUuid: 'lianxin-7-0' })).toEqual({
      msgtype: 'markdown',
      markdown: { title: '本周公示', text: '## 本周公示\n- 新增 3 件' },
      msgUuid: 'lianxin-7-0',
    });
    expect(webhookBody('## 本周公示', 'markdown', { mention: 'li4711' })).toMatchObject({ markdown: { text: '## 本周公示\n\n@li4711' }, at: { atUserIds: ['li4711'] } });
    expect(markdownTitle('\n\n**粗体**标题')).toBe('粗体标题');
    expect(markdownTitle('')).toBe('连心');
  });

  it('the OpenAPI takes a template key and its parameter as a JSON string', () => {
    expect(openApiMessage('你好\n"引号"', 'text')).toEqual({ msgKey: 'sampleText', msgParam: JSON.stringify({ content: '你好\n"引号"' }) });
    expect(JSON.parse(openApiMessage('# 标题\n正文', 'markdown').msgParam)).toEqual({ title: '标题', text: '# 标题\n正文' });
  });
});
