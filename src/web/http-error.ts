import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError, type z } from 'zod';
import type { Logger } from '../log.ts';

/** An answer with a status and a reason, thrown anywhere in a route. */
export class HttpError extends Error {
  readonly status: number;
  /** A whole HTML page to answer with instead of JSON (the console's refusals). */
  readonly page: string | undefined;
  constructor(status: number, message: string, page?: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.page = page;
  }
}

/** Zod's complaints, naming the fields: `conversationId：请输入字符串`. Zod speaks Chinese (web/zod-locale.ts). */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

/** What the framework itself refuses, said the same way as our own refusals (in Chinese). */
const FRAMEWORK_REASONS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是合法的 JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体太大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持这种内容类型（Content-Type）',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求体长度与 Content-Length 不符',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体不能为空',
  FST_ERR_BAD_URL: '地址格式不对',
  FST_ERR_ASYNC_CONSTRAINT: '请求不符合要求',
};

/** The one HTTP error handler: reasons for 4xx, a bare 500 (logged, never a stack trace) otherwise. */
export function createErrorHandler(log: Logger) {
  return function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof HttpError) {
      if (error.page !== undefined) return reply.status(error.status).type('text/html; charset=utf-8').send(error.page);
      return reply.status(error.status).send({ error: error.message });
    }
    if (error instanceof ZodError) return reply.status(400).send({ error: describeZodIssues(error.issues) });
    const fe = error as FastifyError & { validation?: unknown; validationContext?: string };
    if (fe.validation) {
      const issues = (fe.validation as Array<{ params?: { issue?: z.core.$ZodIssue }; message?: string; instancePath?: string }>)
        .map((v) => v.params?.issue ?? { path: [v.instancePath ?? ''], message: v.message ?? '不符合要求' })
        .filter(Boolean) as z.core.$ZodIssue[];
      const where = fe.validationContext === 'querystring' ? '查询参数' : fe.validationContext === 'params' ? '路径' : '请求体';
      return reply.status(400).send({ error: `${where}：${describeZodIssues(issues)}` });
    }
    const status = fe.statusCode;
    if (status && status >= 400 && status < 500) {
      const reason =
        FRAMEWORK_REASONS[fe.code] ?? (error instanceof SyntaxError ? FRAMEWORK_REASONS.FST_ERR_CTP_INVALID_JSON_BODY : undefined) ?? '请求有误';
      return reply.status(status).send({ error: reason });
    }
    log.error({ err: error.message, route: request.routeOptions.url, method: request.method }, 'request failed');
    return reply.status(500).send({ error: '服务器内部错误' });
  };
}
