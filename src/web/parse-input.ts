import type { z } from 'zod';
import { describeZodError, HttpError } from './http-error.ts';

/** Validates a request body or query at the edge: 400 naming the field, or typed data. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  if (value === undefined || value === null) throw new HttpError(400, `${what} is required`);
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, describeZodError(result.error));
  return result.data;
}
