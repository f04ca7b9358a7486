import nodeCron from 'node-cron';
import { z } from 'zod';

export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on');

export const int = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` })
    .default(fallback);

export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Asia/Shanghai' },
);

export const databaseUrl = z
  .string()
  .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//u.test(v), {
    message: 'must start with file: (SQLite) or postgresql:// (PostgreSQL)',
  });

/** "基础设施:5,环境卫生:3" → { 基础设施: 5, 环境卫生: 3 } */
export const deadlineTable = (fallback: string) => z.string().default(fallback).transform((value, ctx) => {
  const table: Record<string, number> = {};
  for (const pair of value.split(/[,，]/u).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)[:：]\s*(\d{1,3})$/u.exec(pair);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" is not category:days` });
      return z.NEVER;
    }
    table[m[1]!.trim()] = Number(m[2]);
  }
  return table;
});

export const list = (fallback: string) => z.string().default(fallback).transform((v) => v.split(/[,，]/u).map((s) => s.trim()).filter(Boolean));

export const url = (fallback: string) =>
  z.url({ protocol: /^(https?|wss?)$/u, message: 'must be an http(s) or ws(s) URL' }).default(fallback);

export const cron = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => v.trim().toLowerCase() === 'off' || isCronExpression(v), {
      message: 'must be a cron expression such as "30 9 * * *", or off',
    });

/** Checked with node-cron itself, the library that will run it. */
function isCronExpression(value: string): boolean {
  return nodeCron.validate(value.trim());
}
