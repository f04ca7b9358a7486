import { z } from 'zod';
import { PLATFORMS } from '../core/messages.ts';
import { ITEM_KINDS, ITEM_STATUSES } from '../domain/types.ts';
import { JOB_NAMES } from '../schedule/job.ts';

// The admin API's requests and answers, as zod schemas: Fastify validates requests with them and
// checks answers against them (fastify-type-provider-zod), and GET /api/openapi.json is generated
// from them (@fastify/swagger). Messages are zod's own, in Chinese (web/zod-locale.ts), except
// where a rule needs saying.

const time = z.iso.datetime();
const nullableTime = time.nullable();

/**
 * A whole number in [min, max], as a JSON number or, in a path or query, as digits. Not z.coerce:
 * that took `true` and `[1]` for 1 in a JSON body (a group bound to the wrong community).
 */
export function wholeNumber(min: number, max: number, message = `应为 ${min} 到 ${max} 的整数`) {
  const inRange = z.number().int().min(min).max(max);
  return z.union([inRange, z.string().trim().regex(/^[0-9]{1,16}$/u).transform(Number).pipe(inRange)], { error: message });
}

export const id = wholeNumber(1, Number.MAX_SAFE_INTEGER, '应为正整数编号');
const name = z.string().trim().min(1, { message: '不能为空' }).max(100);

/** Every refusal: `{"error": "<reason in Chinese>"}`. */
export const errorAnswer = z.object({ error: z.string() }).meta({ description: '拒绝的原因（中文）' });
export const refusals = <const C extends number>(...codes: C[]) =>
  Object.fromEntries([401, ...codes].map((c) => [c, errorAnswer])) as Record<C | 401, typeof errorAnswer>;

export const created = z.object({ id: z.number().int() });

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() 转]{3,40}$/u, { message: '应为电话号码，如 010-62345678' })
  .meta({ description: '社区办公室电话，印在连心卡上' });
export const communityBody = z.object({ name, phone: phone.optional() });
export const communityPatch = z.object({ phone: phone.nullable() });
export const communityPhone = z.object({ id: z.number().int(), phone: z.string().nullable() });
export const communityList = z.object({
  communities: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      createdAt: time,
      phone: z.string().nullable(),
      wechatLink: z.string().nullable().meta({ description: '微信客服链接（连心卡上的二维码）' }),
    }),
  ),
});

export const groupBody = z
  .object({
    platform: z.enum(PLATFORMS),
    conversationId: z.string().trim().min(1, { message: '不能为空' }).max(256),
    communityId: id,
    name: z.string().trim().max(100).optional(),
    webhookKey: z.string().trim().min(1).max(200).optional().meta({ description: '企业微信群机器人（只推送）的 key' }),
    webhookToken: z.string().trim().min(1).max(200).optional().meta({ description: '钉钉自定义机器人的 access_token' }),
    webhookSecret: z.string().trim().min(1).max(200).optional().meta({ description: '钉钉自定义机器人的加签密钥' }),
  })
  .superRefine((b, ctx) => {
    if (b.platform === 'wecom-kf') ctx.addIssue({ code: 'custom', path: ['platform'], message: '微信客服没有群聊：居民一对一和它说话' });
    if (b.webhookKey && b.platform !== 'wecom') {
      ctx.addIssue({ code: 'custom', path: ['webhookKey'], message: '只用于企业微信（platform 为 wecom）' });
    }
    if ((b.webhookToken || b.webhookSecret) && b.platform !== 'dingtalk') {
      ctx.addIssue({ code: 'custom', path: ['webhookToken'], message: '只用于钉钉（platform 为 dingtalk）' });
    }
    if (b.webhookToken && !b.webhookSecret) {
      ctx.addIssue({ code: 'custom', path: ['webhookSecret'], message: '有 webhookToken 时必填（加签模式）' });
    }
  });
export const groupList = z.object({
  groups: z.array(
    z.object({
      id: z.number().int(),
      platform: z.string(),
      conversationId: z.string(),
      communityId: z.number().int(),
      name: z.string().nullable(),
      hasWebhook: z.boolean().meta({ description: '密钥从不返回，只说是否设置了' }),
    }),
  ),
});

export const inviteBody = z.object({
  communityId: id,
  role: z.enum(['member', 'official']),
  maxUses: wholeNumber(1, 1000).default(1),
});
export const inviteAnswer = z.object({ code: z.string(), role: z.enum(['member', 'official']), maxUses: z.number().int(), expiresAt: time.optional() });

export const itemsQuery = z.object({
  status: z.enum(ITEM_STATUSES).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  communityId: id.optional(),
  limit: wholeNumber(1, 1000).default(100),
  offset: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(0),
});
export const idParams = z.object({ id });

export const item = z.object({
  id: z.number().int(),
  kind: z.string().meta({ description: ITEM_KINDS.join(' | ') }),
  status: z.string().meta({ description: ITEM_STATUSES.join(' | ') }),
  text: z.string(),
  category: z.string().nullable(),
  place: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  priority: z.string(),
  communityId: z.number().int(),
  submitterId: z.number().int(),
  submitterName: z.string().nullable(),
  onBehalfOf: z.string().nullable().meta({ description: 'The resident it was registered for by its submitter (who phoned the office), or null' }),
  claimantId: z.number().int().nullable(),
  claimantName: z.string().nullable(),
  assignedUnit: z.string().nullable(),
  mergedIntoId: z.number().int().nullable(),
  recurring: z.boolean(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  deadlineAt: nullableTime,
  createdAt: time,
  updatedAt: time,
  claimedAt: nullableTime,
  doneAt: nullableTime,
  closedAt: nullableTime,
});
export const itemList = z.object({ items: z.array(item) });
export const itemEvent = z.object({
  id: z.number().int(),
  type: z.string(),
  actorId: z.number().int().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  rating: z.number().int().nullable(),
  createdAt: time,
});
export const itemDetail = item.extend({ supporters: z.number().int(), photos: z.array(z.string()), events: z.array(itemEvent) });

export const jobParams = z.object({ name: z.enum(JOB_NAMES) });
export const jobRun = z.object({
  id: z.number().int(),
  job: z.string(),
  scheduledAt: time,
  status: z.string().meta({ description: 'running | done | failed | skipped' }),
  startedAt: nullableTime,
  finishedAt: nullableTime,
  posted: z.number().int(),
  summary: z.string().nullable(),
  error: z.string().nullable(),
});
export const jobList = z.object({
  jobs: z.array(z.object({ name: z.string(), schedule: z.string(), nextFire: nullableTime, lastRuns: z.array(jobRun) })),
});
export const runNowAnswer = z.object({
  run: jobRun,
  posted: z.array(z.object({ id: z.number().int(), platform: z.string(), targetType: z.string(), conversationId: z.string(), text: z.string() })),
});

export const outboxQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'dead', 'held']).optional(),
  limit: wholeNumber(1, 1000).default(100),
});
export const outboxList = z.object({
  messages: z.array(
    z.object({
      id: z.number().int(),
      platform: z.string(),
      targetType: z.string(),
      conversationId: z.string(),
      text: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      /** held: a 微信客服 resident must write again before WeChat lets it go (GET /api/wecom-kf/unreachable). */
      waitingForResident: z.boolean(),
      notBefore: time,
      createdAt: time,
      sentAt: nullableTime,
    }),
  ),
});
export const retryAnswer = z.object({ id: z.number().int(), status: z.literal('pending') });

const calendarDay = z.object({
  date: z.iso.date({ message: '应为 YYYY-MM-DD 格式的日期' }),
  workday: z.boolean({ message: '应为 true（上班）或 false（休息）' }),
  name: z.string().max(50).optional(),
});
export const calendarBody = z
  .object({
    days: z.array(calendarDay).max(400).default([]),
    /** Years whose whole arrangement is now entered: only these count as covered (a few days do not). */
    completeYears: z.array(z.number().int().min(2000, { message: '应为 2027 这样的年份' }).max(2100, { message: '应为 2027 这样的年份' })).max(10).default([]),
  })
  .refine((b) => b.days.length > 0 || b.completeYears.length > 0, { message: '请至少给出 days 或 completeYears 之一', path: ['days'] });
export const calendarList = z.object({
  days: z.array(z.object({ date: z.string(), workday: z.boolean(), name: z.string().nullable() })),
  coveredYears: z.array(z.number().int()),
  uncoveredYears: z.array(z.number().int()),
});
export const savedAnswer = z.object({ saved: z.number().int(), completeYears: z.array(z.number().int()), uncoveredYears: z.array(z.number().int()) });
