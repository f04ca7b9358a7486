import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { Logger } from '../log.ts';

/** An answer with a status and a reason, thrown anywhere in a route. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** Zod's first complaint, naming the field: `conversationId: Required`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The one HTTP error handler: reasons for 4xx, a bare 500 (logged, never a stack trace) otherwise. */
export function createErrorHandler(log: Logger) {
  return function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof HttpError) return reply.status(error.status).send({ error: error.message });
    if (error instanceof ZodError) return reply.status(400).send({ error: describeZodError(error) });
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const reason =
        (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'malformed JSON body'
          : error.message;
      return reply.status(status).send({ error: reason });
    }
    log.error({ err: error.message, url: request.url, method: request.method }, 'request failed');
    return reply.status(500).send({ error: 'internal error' });
  };
}
