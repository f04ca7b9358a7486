import { z } from 'zod';

// Zod's own messages in Simplified Chinese, for every 400 a person may read (pages, API clients).
z.config(z.locales.zhCN());
