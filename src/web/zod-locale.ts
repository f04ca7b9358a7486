import { z } from 'zod';

// Zod's own messages in Simplified Chinese, for every 400 a person may read (pages, API clients).
z.config(z.locales.zhCN());
// The locale says 数值过大 ("value too large") of a text that is too long: say it of text.
z.config({
  customError: (issue) => {
    if (issue.code === 'too_big' && issue.origin === 'string') return `太长了：最多 ${String(issue.maximum)} 个字`;
    if (issue.code === 'too_small' && issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `太短了：至少 ${String(issue.minimum)} 个字`;
    return undefined;
  },
});
