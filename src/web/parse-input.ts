import type { z } from 'zod';
import { describeZodIssues, HttpError } from './http-error.ts';

/** Validates a value at the edge (a form, a file's rows): 400 naming the field, or typed data. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = '请求体'): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new HttpError(400, `${what}：${describeZodIssues(result.error.issues)}`);
  return result.data;
}
