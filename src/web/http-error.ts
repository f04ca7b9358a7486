import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { Logger } from '../log.ts';

/** An answer with a status and a reason (in Chinese), thrown anywhere in a route. */
export class HttpError extends Error {
  readonly status: number;
  /** A whole HTML page to answer with instead of JSON (the console's refusals). */
  readonly page: string | undefined;
  /** For the log only (a developer's detail the client is not told). */
  readonly detail: string | undefined;
  constructor(status: number, message: string, opts: { page?: string; detail?: string } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.page = opts.page;
    this.detail = opts.detail;
  }
}

/** Zod's complaints, naming the fields: `conversationId：无效输入`. Zod speaks Chinese (web/zod-locale.ts). */
export function describeZodIssues(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}：${i.message}` : i.message))
    .join('；');
}

/**
 * Everything the framework itself refuses with a 4xx, said in Chinese like our own refusals (the
 * codes are Fastify's; test/e2e/bad-input.test.ts sends each kind of bad request).
 */
const FRAMEWORK_REASONS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是合法的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体不能为空',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体太大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持这种内容类型（Content-Type）',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求体长度与 Content-Length 不符',
  FST_ERR_BAD_URL: '地址格式不对',
  FST_ERR_INVALID_URL: '地址格式不对',
  FST_ERR_MAX_PARAM_LENGTH: '地址中的参数太长',
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: '缺少内容类型（Content-Type）',
  FST_ERR_ROUTE_MISSING_CONTENT: '缺少请求体',
  FST_ERR_ASYNC_CONSTRAINT: '请求不符合要求',
  FST_ERR_NOT_FOUND: '没有这个地址',
};
const BY_STATUS: Record<number, string> = {
  400: '请求有误',
  401: '未授权',
  403: '没有权限',
  404: '没有这个地址',
  405: '不支持这种请求方法',
  408: '请求超时',
  413: '请求体太大',
  414: '地址太长',
  415: '不支持这种内容类型（Content-Type）',
  429: '请求太频繁，请稍后再试',
};

const WHERE: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

type ValidationItem = { instancePath?: string; message?: string };

/** The one HTTP error handler: a Chinese reason for every 4xx, a bare 500 (logged, never a stack trace) otherwise. */
export function createErrorHandler(log: Logger) {
  return function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof HttpError) {
      if (error.detail) log.info({ route: request.routeOptions.url, status: error.status, detail: error.detail }, 'request refused');
      if (error.page !== undefined) return reply.status(error.status).type('text/html; charset=utf-8').send(error.page);
      return reply.status(error.status).send({ error: error.message });
    }
    if (error instanceof ZodError) return reply.status(400).send({ error: describeZodIssues(error.issues) });
    const fe = error as FastifyError & { validation?: ValidationItem[]; validationContext?: string };
    if (Array.isArray(fe.validation)) {
      // fastify-type-provider-zod: one item per zod issue, the path in instancePath (`/days/0/date`).
      const issues = fe.validation.map((v) => ({
        path: (v.instancePath ?? '').split('/').filter(Boolean),
        message: v.message ?? '不符合要求',
      }));
      const where = WHERE[fe.validationContext ?? 'body'] ?? '请求';
      return reply.status(400).send({ error: `${where}：${describeZodIssues(issues)}` });
    }
    const status = fe.statusCode;
    if (status && status >= 400 && status < 500) {
      const reason =
        FRAMEWORK_REASONS[fe.code] ?? (error instanceof SyntaxError ? FRAMEWORK_REASONS.FST_ERR_CTP_INVALID_JSON_BODY : undefined) ?? BY_STATUS[status] ?? '请求有误';
      return reply.status(status).send({ error: reason });
    }
    log.error({ err: error.message, route: request.routeOptions.url, method: request.method }, 'request failed');
    return reply.status(500).send({ error: '服务器内部错误' });
  };
}
